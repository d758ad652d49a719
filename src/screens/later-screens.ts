/** The screens after sign-in, in one lazily loaded chunk (see index.tsx). */
export { LeavingScreen } from './Leaving';
export { NewPasswordScreen } from './NewPassword';
export { SelectMfaScreen, SelectMfaSetupScreen } from './SelectMfa';
export { EmailCodeScreen } from './EmailCode';
export { EmailSetupScreen } from './EmailSetup';
export { PasswordFactorScreen, SelectFirstFactorScreen } from './FirstFactor';
export { SignedInScreen } from './SignedIn';
export { SmsCodeScreen } from './SmsCode';
export { TotpCodeScreen } from './TotpCode';
export { UnsupportedScreen } from './Unsupported';
export { UserLoadFailedScreen } from './UserLoadFailed';
