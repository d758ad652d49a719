/** The boundary between the sign-in machine and whatever talks to Cognito (Amplify in the app, fakes in tests). */

export type MfaType = 'SMS' | 'TOTP';

/** Where a sign-in stands after a call, reduced from Amplify's `nextStep`. */
export type SignInResult =
  | { step: 'DONE' }
  | { step: 'SMS_CODE'; destination: string }
  | { step: 'TOTP_CODE' }
  | { step: 'SELECT_MFA'; choices: MfaType[] }
  | { step: 'TOTP_SETUP'; secret: string; uri: string }
  | { step: 'NEW_PASSWORD' }
  | { step: 'UNSUPPORTED'; name: string };

export interface UserInfo {
  username: string;
  attributes: Record<string, string>;
}

export type RestoredSession = { user: UserInfo } | { user: null; interrupted: boolean };

/** What a failed call means to the user; `name` and `message` are kept from the backend. */
export type AuthErrorKind =
  | 'badCredentials'
  | 'lockedOut'
  | 'userDisabled'
  | 'sessionEnded'
  | 'wrongCode'
  | 'expiredCode'
  | 'invalidPassword'
  | 'totpNotEnabled'
  | 'tooManyRequests'
  | 'network'
  | 'invalidInput'
  /** Turning off the last factor in a pool that requires MFA. */
  | 'mfaRequired'
  /** Removing the authenticator app in a pool that requires MFA (Cognito refuses it). */
  | 'totpRequired'
  | 'unknown';

export interface AuthError {
  kind: AuthErrorKind;
  name: string;
  message: string;
}

export interface MfaSettings {
  /** Factors the user has turned on. */
  enabled: MfaType[];
  preferred?: MfaType;
}

export interface SecurityState {
  user: UserInfo;
  mfa: MfaSettings;
}

export interface AuthApi {
  restoreSession(): Promise<RestoredSession>;
  signIn(input: { username: string; password: string }): Promise<SignInResult>;
  confirmSignIn(input: { response: string }): Promise<SignInResult>;
  loadUser(): Promise<UserInfo>;
  signOut(input: { global: boolean }): Promise<void>;
  /** Account security. */
  loadSecurity(): Promise<SecurityState>;
  updateMfa(input: { sms?: MfaPreferenceChange; totp?: MfaPreferenceChange }): Promise<void>;
  beginTotpSetup(): Promise<{ secret: string; uri: string }>;
  verifyTotpSetup(input: { code: string }): Promise<void>;
  /** Asks Cognito to check the password (see amplify-auth.ts for how). Resolves when it is right. */
  verifyPassword(input: { password: string }): Promise<void>;
  setPhoneNumber(input: { phoneNumber: string }): Promise<{ verificationSent: boolean; destination?: string }>;
  sendPhoneCode(): Promise<{ destination?: string }>;
  confirmPhone(input: { code: string }): Promise<void>;
}

export type MfaPreferenceChange = 'ENABLED' | 'DISABLED' | 'PREFERRED' | 'NOT_PREFERRED';
