/** The boundary between the sign-in machine and whatever talks to Cognito (Amplify in the app, fakes in tests). */
import type { FederationTarget } from './federation';

/** Where a hosted sign-in hands the user back. Checked against the allow-lists before it gets here. */
export type ReturnTarget = { kind: 'redirect'; uri: string; state?: string } | { kind: 'postMessage'; origin: string };

export type MfaType = 'SMS' | 'TOTP' | 'EMAIL';
/** What a passwordless (choice-based) sign-in can start with; PASSWORD is answered with SRP. */
export type FirstFactor = 'WEB_AUTHN' | 'EMAIL_OTP' | 'SMS_OTP' | 'PASSWORD';

/** Where a sign-in stands after a call, reduced from Amplify's `nextStep`. */
export type SignInResult =
  | { step: 'DONE' }
  | { step: 'SMS_CODE'; destination: string }
  | { step: 'EMAIL_CODE'; destination: string }
  | { step: 'TOTP_CODE' }
  | { step: 'SELECT_MFA'; choices: MfaType[] }
  | { step: 'TOTP_SETUP'; secret: string; uri: string }
  /** MFA is required and the user has none: which factor to set up (authenticator app or e-mail). */
  | { step: 'SELECT_MFA_SETUP'; choices: MfaType[] }
  /** Setting up e-mail codes at sign-in: the address to send them to. */
  | { step: 'EMAIL_SETUP' }
  /** Choice-based sign-in: the first factors Cognito offers this user (the last one used here first). */
  | { step: 'SELECT_FIRST_FACTOR'; choices: FirstFactor[] }
  /** Choice-based sign-in with the password chosen: the password, next. */
  | { step: 'PASSWORD' }
  | { step: 'NEW_PASSWORD'; requiredAttributes: string[] }
  /** The account is not confirmed yet (UserNotConfirmedException). */
  | { step: 'CONFIRM_SIGN_UP' }
  /** An administrator reset the password (PasswordResetRequiredException). */
  | { step: 'RESET_PASSWORD' }
  /** A custom challenge from the pool's auth-challenge triggers: its public parameters (a question, a prompt…). */
  | { step: 'CUSTOM_CHALLENGE'; parameters: Record<string, string> }
  | { step: 'UNSUPPORTED'; name: string };

/** Where a code went, as Cognito says it (masked). */
export interface CodeDelivery {
  medium?: 'EMAIL' | 'SMS' | 'PHONE';
  destination?: string;
}

/** The attributes a user can verify with a code. */
export type ContactAttribute = 'email' | 'phone_number';

export interface UserInfo {
  username: string;
  attributes: Record<string, string>;
  /** This session came through an identity provider: the label the app gave it ("Google"). */
  signedInWith?: string;
  /** The user's groups (the ID token's cognito:groups), by precedence. */
  groups?: string[];
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
  | 'codeUsed'
  | 'invalidPassword'
  | 'totpNotEnabled'
  | 'tooManyRequests'
  | 'network'
  | 'invalidInput'
  /** The passkey prompt was cancelled or timed out (the browser does not say which). */
  | 'passkeyCanceled'
  /** This browser can't use passkeys, or none of this account's is on this device. */
  | 'passkeyUnavailable'
  /** The passkey was refused: another site's, an authenticator the pool does not allow, or a failed check. */
  | 'passkeyRejected'
  /** Adding a passkey: this device (authenticator) already holds one for the account. */
  | 'passkeyExists'
  /** Adding a passkey: the prompt was cancelled or timed out. */
  | 'passkeyRegistrationCanceled'
  /** Adding a passkey: this browser or device can't create one (here, for this site). */
  | 'passkeyNotSupported'
  /** Turning off the last factor in a pool that requires MFA. */
  | 'mfaRequired'
  /** Removing the authenticator app in a pool that requires MFA (Cognito refuses it). */
  | 'totpRequired'
  /** Forgotten password, but no verified e-mail or phone to send the code to. */
  | 'noRecovery'
  | 'usernameExists'
  /** The pool lets only administrators create users. */
  | 'signUpDisabled'
  /** Changing the password: the current one given is wrong. */
  | 'wrongCurrentPassword'
  /** Federated sign-in: the person cancelled at the provider, or came back without finishing. */
  | 'providerCancelled'
  /** The provider or Cognito refused the sign-in (the return's error / error_description). */
  | 'providerFailed'
  /** The provider didn't share an attribute the pool requires ("attributes required: [email]"). */
  | 'providerAttributes'
  /** The return's state isn't the one this browser sent: refused (another tab's, or tampered with). */
  | 'providerState'
  /** A Lambda trigger of the pool refused (sign-up, sign-in…): `message` is the trigger's reason. */
  | 'triggerRefused'
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

/** A device Cognito tracks for the user (remembered devices skip MFA). */
export interface DeviceInfo {
  id: string;
  name?: string;
  /** Last sign-in on it (ms since epoch). */
  lastSignIn?: number;
  remembered: boolean;
  /** The browser this page runs in. */
  current: boolean;
}

/** A passkey of the user (ListWebAuthnCredentials; Cognito keeps no "last used"). */
export interface PasskeyInfo {
  id: string;
  name: string;
  /** platform (this device's) or cross-platform (a security key). */
  attachment?: string;
  createdAt?: number;
}

export interface SecurityState {
  user: UserInfo;
  mfa: MfaSettings;
  /** Listed when the pool offers passkeys (config passwordless). */
  passkeys?: PasskeyInfo[];
  /** Listed when the pool tracks devices (config rememberDevices). */
  devices?: DeviceInfo[];
  /** When the user last signed in (the ID token's auth_time, in ms): a fresh sign-in may delete the account. */
  authTime?: number;
}

export interface AuthApi {
  restoreSession(): Promise<RestoredSession>;
  signIn(input: { username: string; password: string }): Promise<SignInResult>;
  /** `attributes`: required attributes asked for with a new password (NEW_PASSWORD_REQUIRED). */
  confirmSignIn(input: { response: string; attributes?: Record<string, string> }): Promise<SignInResult>;
  loadUser(): Promise<UserInfo>;
  /**
   * Signs out on this device (or everywhere). A session from an identity provider also ends the pool
   * domain's (its /logout): the page then leaves, and comes back to `returnTo`'s hand-over.
   */
  signOut(input: { global: boolean; returnTo?: ReturnTarget | undefined }): Promise<void>;
  /**
   * Federated sign-in: keeps what the way back needs (where a hosted sign-in returns), then sends the
   * browser through the pool domain to the provider (Amplify's signInWithRedirect, with PKCE and
   * state). Resolves as the page leaves.
   */
  federatedSignIn(input: { target: FederationTarget; returnTo?: ReturnTarget | undefined; initialFlow?: 'signUp' | 'recovery' | undefined }): Promise<void>;
  /** Back from the provider with a code: Amplify checks the state and exchanges the code. Resolves signed in. */
  completeFederatedSignIn(input: { label: string }): Promise<void>;
  /**
   * Back from the provider without a code (an error, or nothing): Amplify still has the sign-in
   * in flight until it has seen the return. Resolves once it has (never rejects).
   */
  settleFederatedReturn(): Promise<void>;
  /** Resolves when this page shows again without a sign-in (the back button brought it back from the provider). */
  backWithoutSignIn(): Promise<void>;
  /** The person chose another way while the browser was on its way to the provider: it stays here. */
  abandonFederatedSignIn(): Promise<void>;
  /** Account security. */
  loadSecurity(): Promise<SecurityState>;
  updateMfa(input: MfaChange): Promise<void>;
  /** Choice-based sign-in (USER_AUTH): starts with the username alone; `factor` asks for one at once. */
  startPasswordless(input: { username: string; factor?: FirstFactor }): Promise<SignInResult>;
  /** The first factor chosen (a passkey prompts the browser here). */
  chooseFirstFactor(input: { factor: FirstFactor }): Promise<SignInResult>;
  addPasskey(): Promise<void>;
  deletePasskey(input: { id: string }): Promise<void>;
  /** After MFA, when the user asked: this browser skips MFA from now on (UpdateDeviceStatus). */
  rememberDevice(): Promise<void>;
  /** Forgets a device; `current`: this browser, whose device keys go too. */
  forgetDevice(input: { id: string; current: boolean }): Promise<void>;
  beginTotpSetup(): Promise<{ secret: string; uri: string }>;
  verifyTotpSetup(input: { code: string }): Promise<void>;
  /** Asks Cognito to check the password (see amplify-auth.ts for how). Resolves when it is right. */
  verifyPassword(input: { password: string }): Promise<void>;
  /** Sets e-mail or phone; Cognito unverifies it and, for auto-verified attributes, sends a code. */
  setContact(input: { attribute: ContactAttribute; value: string }): Promise<{ verificationSent: boolean; destination?: string }>;
  sendContactCode(input: { attribute: ContactAttribute }): Promise<{ destination?: string }>;
  confirmContact(input: { attribute: ContactAttribute; code: string }): Promise<void>;
  changePassword(input: { oldPassword: string; newPassword: string }): Promise<void>;
  /**
   * Deletes the signed-in user's account (DeleteUser) and ends the session here; a session from an
   * identity provider also ends at the domain (`returnTo`: where a hosted deletion goes after that).
   */
  deleteAccount(input: { returnTo?: ReturnTarget | undefined }): Promise<void>;
  /** Account lifecycle. */
  resetPassword(input: { username: string }): Promise<CodeDelivery>;
  confirmResetPassword(input: { username: string; code: string; newPassword: string }): Promise<void>;
  /** Registers with autoSignIn armed, so that confirming signs the user in. */
  signUp(input: { username: string; password: string; email: string; phoneNumber?: string }): Promise<{ confirmed: boolean; delivery?: CodeDelivery }>;
  confirmSignUp(input: { username: string; code: string }): Promise<void>;
  resendSignUpCode(input: { username: string }): Promise<CodeDelivery>;
  /** After confirmSignUp of a sign-up made here: the sign-in Amplify prepared. */
  autoSignIn(): Promise<SignInResult>;
}

export type MfaPreferenceChange = 'ENABLED' | 'DISABLED' | 'PREFERRED' | 'NOT_PREFERRED';
export interface MfaChange {
  sms?: MfaPreferenceChange;
  totp?: MfaPreferenceChange;
  email?: MfaPreferenceChange;
}
