import { type ComponentType, lazy, Suspense } from 'react';
import { type ScreenName, useAuth } from '../react/auth';
import { LeavingScreen } from './Leaving';
import { LoadingScreen } from './Loading';
import { NewPasswordScreen } from './NewPassword';
import { SelectMfaScreen } from './SelectMfa';
import { SignedInScreen } from './SignedIn';
import { SignInScreen } from './SignIn';
import { SmsCodeScreen } from './SmsCode';
import { TotpCodeScreen } from './TotpCode';
import { UnsupportedScreen } from './Unsupported';
import { UserLoadFailedScreen } from './UserLoadFailed';

// Screens that need qrcode.react (or are rarely opened) load on demand, keeping the first screen small.
const TotpSetupScreen = lazy(() => import('./TotpSetup'));
const AccountSecurityScreen = lazy(() => import('./AccountSecurity'));

/** One screen per machine state; the compiler checks that every state has one. */
const SCREENS: Record<ScreenName, ComponentType> = {
  restoring: LoadingScreen,
  routing: LoadingScreen,
  loadingUser: LoadingScreen,
  signIn: SignInScreen,
  smsCode: SmsCodeScreen,
  totpCode: TotpCodeScreen,
  selectMfa: SelectMfaScreen,
  totpSetup: TotpSetupScreen,
  newPassword: NewPasswordScreen,
  unsupported: UnsupportedScreen,
  home: SignedInScreen,
  account: AccountSecurityScreen,
  leaving: LeavingScreen,
  userLoadFailed: UserLoadFailedScreen,
};

export function CurrentScreen() {
  const { screen } = useAuth();
  const Component = SCREENS[screen];
  return (
    <Suspense fallback={<LoadingScreen />}>
      <Component />
    </Suspense>
  );
}
