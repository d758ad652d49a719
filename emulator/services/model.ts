/** What the emulator keeps for pools, clients and users (stored as JSON documents in SQLite). */
import type { PoolSchema } from './schema.js';

export type MfaConfiguration = 'OFF' | 'ON' | 'OPTIONAL';
export type MfaFactor = 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA' | 'EMAIL_OTP';
export type PoolTier = 'LITE' | 'ESSENTIALS' | 'PLUS';
/** Policies.SignInPolicy.AllowedFirstAuthFactors: what choice-based sign-in (USER_AUTH) may start with. */
export type FirstAuthFactor = 'PASSWORD' | 'EMAIL_OTP' | 'SMS_OTP' | 'WEB_AUTHN';
/** The challenges USER_AUTH offers (PASSWORD stands for both PASSWORD and PASSWORD_SRP in the policy). */
export type FirstFactorChallenge = 'WEB_AUTHN' | 'EMAIL_OTP' | 'SMS_OTP' | 'PASSWORD' | 'PASSWORD_SRP';
/** EXTERNAL_PROVIDER: a user made by a federated sign-in (`<ProviderName>_<id>`, no password). */
export type UserStatus = 'CONFIRMED' | 'FORCE_CHANGE_PASSWORD' | 'UNCONFIRMED' | 'RESET_REQUIRED' | 'EXTERNAL_PROVIDER';

export interface PasswordPolicy {
  MinimumLength: number;
  RequireUppercase: boolean;
  RequireLowercase: boolean;
  RequireNumbers: boolean;
  RequireSymbols: boolean;
  TemporaryPasswordValidityDays: number;
  /** Kept and described (password history is not checked). */
  PasswordHistorySize?: number;
}

export interface PoolRecord {
  id: string;
  name: string;
  region: string;
  createdAt: number;
  lastModifiedAt: number;
  mfaConfiguration: MfaConfiguration;
  smsMfaEnabled: boolean;
  smsAuthenticationMessage: string;
  smsConfiguration?: { SnsCallerArn: string; ExternalId?: string; SnsRegion?: string };
  softwareTokenMfaEnabled: boolean;
  passwordPolicy: PasswordPolicy;
  autoVerifiedAttributes: string[];
  /** E-mail / phone as the username: Cognito generates the username (a UUID) and keeps these as attributes. */
  usernameAttributes: string[];
  /** Sign-in names besides the username: a verified email / phone_number, or preferred_username. */
  aliasAttributes: string[];
  schema: PoolSchema;
  /** AdminCreateUserConfig.AllowAdminCreateUserOnly: SignUp is refused. */
  allowAdminCreateUserOnly: boolean;
  /** AccountRecoverySetting: where ForgotPassword sends its code, by priority. */
  accountRecovery: { Name: 'verified_email' | 'verified_phone_number' | 'admin_only'; Priority: number }[];
  smsVerificationMessage: string;
  emailVerificationMessage: string;
  emailVerificationSubject: string;
  /** UserPoolTier: ESSENTIALS when left out (pools made before it existed read as ESSENTIALS too). */
  tier?: PoolTier;
  /** EmailConfiguration.EmailSendingAccount: e-mail MFA needs DEVELOPER (Amazon SES). */
  emailSendingAccount?: 'COGNITO_DEFAULT' | 'DEVELOPER';
  /** EmailMfaConfiguration: e-mail codes are an MFA factor when present. */
  emailMfa?: { message: string; subject: string };
  /** Policies.SignInPolicy.AllowedFirstAuthFactors; PASSWORD only when left out. */
  allowedFirstAuthFactors?: FirstAuthFactor[];
  /** WebAuthnConfiguration (SetUserPoolMfaConfig): the passkeys' relying party and user verification. */
  webAuthn?: { relyingPartyId?: string; userVerification: 'required' | 'preferred' };
  /** DeviceConfiguration: devices are tracked when present. */
  deviceConfiguration?: { ChallengeRequiredOnNewDevice: boolean; DeviceOnlyRememberedOnUserPrompt: boolean };
  /** DeletionProtection: DeleteUserPool refuses an ACTIVE pool. INACTIVE when left out. */
  deletionProtection?: 'ACTIVE' | 'INACTIVE';
  /** AdminCreateUserConfig.InviteMessageTemplate: AdminCreateUser's invitation. */
  inviteMessageTemplate?: import('./pool-settings.js').InviteMessageTemplate;
  unusedAccountValidityDays?: number;
  /** VerificationMessageTemplate's DefaultEmailOption and link message. */
  verificationLink?: Record<string, string>;
  /** EmailConfiguration's SourceArn, From, ReplyToEmailAddress, ConfigurationSet. */
  emailDetails?: Record<string, string>;
  /** LambdaConfig: the triggers Cognito calls (emulator/services/triggers.ts). */
  lambdaConfig?: import('./triggers.js').LambdaConfig;
  /** Fields given at creation that we keep and describe back but don't act on. */
  extra: Record<string, unknown>;
}

export type ExplicitAuthFlow =
  | 'ALLOW_USER_SRP_AUTH'
  | 'ALLOW_USER_PASSWORD_AUTH'
  | 'ALLOW_ADMIN_USER_PASSWORD_AUTH'
  | 'ALLOW_REFRESH_TOKEN_AUTH'
  | 'ALLOW_CUSTOM_AUTH'
  | 'ALLOW_USER_AUTH';

export type TokenUnit = 'seconds' | 'minutes' | 'hours' | 'days';
export type TokenKind = 'AccessToken' | 'IdToken' | 'RefreshToken';

export type OAuthFlow = 'code' | 'implicit' | 'client_credentials';

/** An app client's use of the pool domain's OAuth endpoints (CreateUserPoolClient's OAuth fields). */
export interface OAuthClientSettings {
  /** AllowedOAuthFlowsUserPoolClient: false means SDK sign-in only. */
  enabled: boolean;
  flows: OAuthFlow[];
  scopes: string[];
  callbackUrls: string[];
  logoutUrls: string[];
  defaultRedirectUri?: string;
  /** COGNITO and the pool's provider names this client may sign in through. */
  identityProviders: string[];
}

/** What UpdateUserPoolClient sets (and resets to defaults when left out, as Cognito does). */
export interface ClientSettings {
  /** The flows the client allows. */
  explicitAuthFlows: ExplicitAuthFlow[];
  /** Legacy ExplicitAuthFlows (ADMIN_NO_SRP_AUTH…) when the client was given those: what Describe shows. */
  legacyAuthFlows?: string[];
  enablePropagateAdditionalUserContextData?: boolean;
  analyticsConfiguration?: Record<string, unknown>;
  /** minutes, 3..15 */
  authSessionValidity: number;
  /** Token lifetimes in their units, as DescribeUserPoolClient shows them. */
  accessTokenValidity: number;
  idTokenValidity: number;
  refreshTokenValidity: number;
  tokenValidityUnits: Record<TokenKind, TokenUnit>;
  enableTokenRevocation: boolean;
  /** LEGACY: unknown users get UserNotFoundException; ENABLED: the same answer as a wrong password. */
  preventUserExistenceErrors: 'LEGACY' | 'ENABLED';
  /** Attributes this client may read / write; undefined means all. */
  readAttributes?: string[];
  writeAttributes?: string[];
  refreshTokenRotation: { Feature: 'ENABLED' | 'DISABLED'; RetryGracePeriodSeconds: number };
  oauth: OAuthClientSettings;
}

export interface ClientRecord extends ClientSettings {
  id: string;
  poolId: string;
  name: string;
  secret?: string;
  createdAt: number;
  lastModifiedAt: number;
  extra: Record<string, unknown>;
}

const UNIT_SECONDS: Record<TokenUnit, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86_400 };

/** A token's lifetime in seconds. */
export const validitySeconds = (client: ClientSettings, kind: TokenKind): number => {
  const value = kind === 'AccessToken' ? client.accessTokenValidity : kind === 'IdToken' ? client.idTokenValidity : client.refreshTokenValidity;
  return value * UNIT_SECONDS[client.tokenValidityUnits[kind]];
};

export interface CodeRecord {
  code: string;
  expiresAt: number;
  attempts: number;
  /** For sign-up and reset codes: the attribute (email / phone_number) the code went to. */
  attribute?: string;
}

export interface UserRecord {
  username: string;
  sub: string;
  createdAt: number;
  lastModifiedAt: number;
  enabled: boolean;
  status: UserStatus;
  /** [name, value] pairs: never a plain object keyed by client input. */
  attributes: [string, string][];
  password: { salt: string; verifier: string } | null;
  temporaryPasswordExpiresAt?: number;
  smsMfaEnabled: boolean;
  /** TOTP turned on by SetUserMFAPreference (or by completing MFA_SETUP): "enabled", as GetUser lists it. */
  totpEnabled: boolean;
  preferredMfa: MfaFactor | null;
  /** Set once VerifySoftwareToken succeeded: the token is "registered" (verified), not yet necessarily enabled. */
  totpSecret: string | null;
  /** FriendlyDeviceName given to VerifySoftwareToken, sent back as the challenge's FRIENDLY_DEVICE_NAME. */
  totpDeviceName?: string;
  /** Time step of the last accepted TOTP code: a code is accepted once. */
  totpLastStep: number;
  /**
   * Issued by AssociateSoftwareToken, awaiting VerifySoftwareToken. While it is pending, the
   * registered token (if any) is not used for sign-in (API reference, AssociateSoftwareToken).
   */
  pendingTotpSecret: string | null;
  failedSignIns: number;
  lockedUntil: number;
  /** Password checks running now: [lease, expires at (ms)] (see password-attempts.ts). */
  passwordChecks?: [string, number][];
  /** Attribute verification codes by attribute name; sign-up and reset codes under #signUp / #reset. */
  verificationCodes: [string, CodeRecord][];
  /** When sign-up and reset codes were sent (ms), for Cognito's resend limit. */
  codeSends?: number[];
  /** E-mail codes turned on as an MFA factor (EmailMfaSettings). */
  emailMfaEnabled?: boolean;
  /** Shared by all the user's devices: the "pool name" of device SRP. */
  deviceGroupKey?: string;
  devices?: DeviceRecord[];
  /** Passkeys (CompleteWebAuthnRegistration). */
  webAuthnCredentials?: WebAuthnCredentialRecord[];
  /** StartWebAuthnRegistration's challenge, awaiting CompleteWebAuthnRegistration. */
  webAuthnRegistration?: { challenge: string; expiresAt: number };
}

export interface WebAuthnCredentialRecord {
  /** base64url */
  id: string;
  /** COSE public key, base64url */
  publicKey: string;
  counter: number;
  transports?: string[];
  attachment?: string;
  name: string;
  rpId: string;
  createdAt: number;
}

/** A device Cognito handed out in NewDeviceMetadata; usable for device SRP once confirmed. */
export interface DeviceRecord {
  key: string;
  /** ConfirmDevice's DeviceSecretVerifierConfig, as hex. */
  verifier?: { salt: string; verifier: string };
  name?: string;
  remembered: boolean;
  createdAt: number;
  lastModifiedAt: number;
  lastAuthenticatedAt: number;
}

export const getAttribute = (user: UserRecord, name: string) => user.attributes.find(([n]) => n === name)?.[1];

export function setAttribute(user: UserRecord, name: string, value: string): void {
  const i = user.attributes.findIndex(([n]) => n === name);
  if (i >= 0) user.attributes[i] = [name, value];
  else user.attributes.push([name, value]);
}

export function deleteAttribute(user: UserRecord, name: string): void {
  user.attributes = user.attributes.filter(([n]) => n !== name);
}

/** What a challenge session remembers between calls. */
/** One element of a custom sign-in's `session` as the challenge triggers see it (DG, Define auth challenge). */
export interface CustomChallengeResult {
  challengeName: string;
  challengeResult: boolean;
  challengeMetadata?: string;
}

export type ChallengeState =
  /** custom: the CUSTOM_AUTH sign-in the password proof belongs to (CUSTOM_WITH_SRP): its challenge history so far. */
  | { step: 'PASSWORD_VERIFIER'; A: string; b: string; B: string; secretBlock: string; custom?: CustomChallengeResult[] }
  /** CUSTOM_AUTH: the challenges so far, and what CreateAuthChallenge said of this one. `unknown`: no such user (PreventUserExistenceErrors). */
  | { step: 'CUSTOM_CHALLENGE'; history: CustomChallengeResult[]; privateParameters: Record<string, string>; challengeMetadata?: string; unknown?: boolean }
  | { step: 'NEW_PASSWORD_REQUIRED' }
  | { step: 'SELECT_MFA_TYPE'; choices: MfaFactor[] }
  | { step: 'SMS_MFA'; code: string }
  /** setupEmail: the address given in MFA_SETUP, saved (verified, e-mail MFA on) once its code is right. */
  | { step: 'EMAIL_OTP'; code: string; setupEmail?: string }
  | { step: 'DEVICE_SRP_AUTH'; deviceKey: string }
  /** USER_AUTH: the first factors this user may choose from. `unknown`: no such user (PreventUserExistenceErrors). */
  | { step: 'SELECT_CHALLENGE'; available: FirstFactorChallenge[]; unknown?: boolean }
  | { step: 'SMS_OTP'; code: string }
  | { step: 'WEB_AUTHN'; challenge: string }
  | { step: 'DEVICE_PASSWORD_VERIFIER'; deviceKey: string; A: string; b: string; B: string; secretBlock: string }
  | { step: 'SOFTWARE_TOKEN_MFA' }
  | { step: 'MFA_SETUP'; canSetup: MfaFactor[]; totpSecret?: string; verified?: boolean };

export interface SessionRecord {
  poolId: string;
  clientId: string;
  username: string;
  state: ChallengeState;
  expiresAt: number;
  failedAttempts: number;
  /** auth_time of the sign-in this session belongs to (seconds). */
  authTime: number;
  /** DEVICE_KEY the client signed in with (a device it confirmed earlier). */
  deviceKey?: string;
  /** Answered already: kept until it expires so a replay gets Cognito's "can only be used once". */
  used?: boolean;
}

/** ProviderType of CreateIdentityProvider. */
export type ProviderType = 'SAML' | 'OIDC' | 'Google' | 'Facebook' | 'LoginWithAmazon' | 'SignInWithApple';
export const SOCIAL_PROVIDERS = ['Google', 'Facebook', 'LoginWithAmazon', 'SignInWithApple'] as const;
export type SocialProvider = (typeof SOCIAL_PROVIDERS)[number];
export const isSocial = (type: ProviderType): type is SocialProvider => (SOCIAL_PROVIDERS as readonly string[]).includes(type);

/** What a SAML IdP's metadata says, read when the provider is created or updated (as Cognito does). */
export interface SamlMetadata {
  entityId: string;
  ssoRedirectUrl: string;
  sloRedirectUrl?: string;
  /** Signing certificates, base64 DER: a response signed by any of them is accepted. */
  certificates: string[];
}

export interface IdentityProviderRecord {
  poolId: string;
  name: string;
  type: ProviderType;
  /** ProviderDetails as given (DescribeIdentityProvider adds the endpoints and leaves out Apple's private_key). */
  details: Record<string, string>;
  /** Pool attribute → the IdP's claim or SAML attribute. */
  attributeMapping: Record<string, string>;
  idpIdentifiers: string[];
  saml?: SamlMetadata;
  createdAt: number;
  lastModifiedAt: number;
}

/** A pool's prefix domain: its OAuth endpoints are served at https://<tls host>/<domain>/. */
export interface DomainRecord {
  domain: string;
  poolId: string;
  managedLoginVersion: number;
  createdAt: number;
}

export interface ResourceServerRecord {
  poolId: string;
  identifier: string;
  name: string;
  scopes: { ScopeName: string; ScopeDescription: string }[];
}

/** AdminLinkProviderForUser: sign-ins through `provider` whose `attribute` is `value` are the native user `username`. */
export interface IdentityLink {
  poolId: string;
  provider: string;
  /** Cognito_Subject (the IdP's user id) or a mapped pool attribute. */
  attribute: string;
  value: string;
  username: string;
}
