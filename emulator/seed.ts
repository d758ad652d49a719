/** The demo pool, client and users that `npm start` creates once. */
import { callAdmin } from './admin.js';
import type { Services } from './context.js';
import { DEMO_LAMBDA_CONFIG, DEMO_TRIGGER_ATTRIBUTES } from './demo-lambdas/index.js';
import type { PoolRecord } from './services/model.js';

export const DEMO_POOL_NAME = 'demo';
export const DEMO_PASSWORD = 'Demo-Passw0rd!';
export const DEMO_TEMP_PASSWORD = 'Temp-Passw0rd!';
/**
 * Cognito needs an IAM role for SNS before SMS can be an MFA factor; the emulator sends nothing
 * through it (messages go to the outbox), but asks for one as Cognito does.
 */
export const SMS_CONFIGURATION = { SnsCallerArn: 'arn:aws:iam::000000000000:role/cognito-idp-sms', ExternalId: 'cognito-emulator' };

export interface DemoUser {
  username: string;
  password: string;
  what: string;
}

export const DEMO_USERS: DemoUser[] = [
  { username: 'password-user', password: DEMO_PASSWORD, what: 'password only' },
  { username: 'sms-user', password: DEMO_PASSWORD, what: 'SMS MFA to +1 206 555 0100' },
  { username: 'new-user', password: DEMO_TEMP_PASSWORD, what: 'temporary password: must set a new one' },
  { username: 'totp-user', password: DEMO_PASSWORD, what: 'no MFA yet: set up an authenticator app under Account security' },
  { username: 'unverified-user', password: DEMO_PASSWORD, what: 'e-mail not verified: offered to verify it after sign-in' },
  { username: 'reset-user', password: DEMO_PASSWORD, what: 'password reset by an administrator: sign-in leads to a reset code' },
  { username: 'email-user', password: DEMO_PASSWORD, what: 'e-mail code MFA; tick "Remember this device" to skip it next time' },
  { username: 'passkey-user', password: DEMO_PASSWORD, what: 'passwordless (SIGNIN_PASSWORDLESS=1 npm start): e-mail code or password; add a passkey under Account security' },
  { username: 'question-user', password: DEMO_PASSWORD, what: 'custom challenge (SIGNIN_AUTH_FLOW=customWithSrp npm start): the password, then "your first pet?" (Rex), three tries' },
  { username: 'legacy-user', password: 'Legacy-Passw0rd!', what: 'not in the pool yet: migrated from the "old system" on first sign-in (SIGNIN_AUTH_FLOW=password npm start), or by "Forgot your password?"' },
  { username: 'suspended-user', password: DEMO_PASSWORD, what: 'refused at sign-in by the PreAuthentication trigger, with its reason' },
  { username: 'admin-user', password: DEMO_PASSWORD, what: 'in the groups "admins" and "staff" (cognito:groups), shown once signed in' },
  { username: 'sign up as …@auto.example', password: '', what: 'confirmed by the PreSignUp trigger: signed in without a code (…@blocked.example is refused)' },
];

/** Federated sign-in in the demo: what to press or type, and what happens. */
export const DEMO_FEDERATION: DemoUser[] = [
  { username: 'Continue with Google (demo)', password: '', what: 'the test identity provider\'s page: type any e-mail and name' },
  { username: 'anyone@acme.example', password: '', what: 'typed as the username: single sign-on through the SAML IdP "AcmeSSO"' },
];

/** The demo pool's domain: its OAuth endpoints are at https://localhost:<tls port>/demo. */
export const DEMO_DOMAIN = 'demo';
const DEMO_SCOPES = ['openid', 'email', 'profile', 'aws.cognito.signin.user.admin'];

/** The demo pool sends e-mail through SES (as e-mail MFA requires); the emulator only pretends to. */
export const SES_EMAIL_CONFIGURATION = { EmailSendingAccount: 'DEVELOPER', SourceArn: 'arn:aws:ses:eu-west-1:000000000000:identity/no-reply@example.com' };

export interface DemoConfig {
  oauth?: { domain: string; scopes: string[]; redirectSignIn: string[]; redirectSignOut: string[] };
  providers?: { name: string; label: string; emailDomains?: string[] }[];
  region: string;
  userPoolId: string;
  userPoolClientId: string;
  endpoint: string;
  appName: string;
  sessionMinutes: number;
  signUp: boolean;
  signUpPhone: 'optional';
  emailMfa: boolean;
  rememberDevices: 'off' | 'always' | 'onUserPrompt';
  passwordless: boolean;
  authFlow?: 'srp' | 'customWithSrp' | 'customWithoutSrp' | 'password';
}

/**
 * The demo pool, client and users, made on the first start; on every start, the pool's domain and
 * identity providers (a data folder seeded before federation existed gets them then) and the
 * client's callback URLs for `appOrigin` (the app's port may have changed).
 */
export async function seedDemo(services: Services, endpoint: string, appOrigin?: string): Promise<{ config: DemoConfig; created: boolean }> {
  const existing = services.store.listPools().find((p) => p.name === DEMO_POOL_NAME);
  const client = existing && services.store.listClients(existing.id)[0];
  if (existing && client) {
    await triggersDemo(services, existing.id, client.id);
    const oauth = appOrigin && services.oauthBase() ? await federateDemo(services, existing.id, client.id, appOrigin) : undefined;
    return { created: false, config: { ...configFor(existing, client.id, client.authSessionValidity, endpoint), ...oauth } };
  }
  const { UserPool } = await callAdmin<{ UserPool: { Id: string } }>(services, 'CreateUserPool', {
    PoolName: DEMO_POOL_NAME,
    // Self-registration is open; e-mail and phone are verified with a code.
    AutoVerifiedAttributes: ['email', 'phone_number'],
    VerificationMessageTemplate: { EmailMessage: 'Your Demo verification code is {####}', EmailSubject: 'Your Demo code', SmsMessage: 'Your Demo verification code is {####}' },
    EmailConfiguration: SES_EMAIL_CONFIGURATION,
    // Remembered on the user's prompt, and then a remembered device skips MFA.
    DeviceConfiguration: { ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: true },
    // Choice-based sign-in: passkeys, e-mail and SMS codes besides the password.
    Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN'] } },
    SmsConfiguration: SMS_CONFIGURATION,
  });
  const poolId = UserPool.Id;
  await callAdmin(services, 'SetUserPoolMfaConfig', {
    UserPoolId: poolId,
    MfaConfiguration: 'OPTIONAL',
    SmsMfaConfiguration: { SmsAuthenticationMessage: 'Your Demo sign-in code is {####}', SmsConfiguration: SMS_CONFIGURATION },
    SoftwareTokenMfaConfiguration: { Enabled: true },
    EmailMfaConfiguration: { Message: 'Your Demo sign-in code is {####}', Subject: 'Your Demo sign-in code' },
    // The app runs on http://localhost:5173: passkeys belong to "localhost".
    WebAuthnConfiguration: { RelyingPartyId: 'localhost', UserVerification: 'preferred' },
  });
  const { UserPoolClient } = await callAdmin<{ UserPoolClient: { ClientId: string } }>(services, 'CreateUserPoolClient', {
    UserPoolId: poolId,
    ClientName: 'sign-in-app',
    ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    // The console's default for new clients: unknown users fail like wrong passwords.
    PreventUserExistenceErrors: 'ENABLED',
  });
  const permanent = async (username: string, attributes: { Name: string; Value: string }[]) => {
    await callAdmin(services, 'AdminCreateUser', { UserPoolId: poolId, Username: username, UserAttributes: attributes, MessageAction: 'SUPPRESS' });
    await callAdmin(services, 'AdminSetUserPassword', { UserPoolId: poolId, Username: username, Password: DEMO_PASSWORD, Permanent: true });
  };
  await permanent('password-user', [{ Name: 'email', Value: 'password-user@example.com' }, { Name: 'email_verified', Value: 'true' }]);
  await permanent('sms-user', [{ Name: 'phone_number', Value: '+12065550100' }]);
  await callAdmin(services, 'AdminSetUserMFAPreference', { UserPoolId: poolId, Username: 'sms-user', SMSMfaSettings: { Enabled: true, PreferredMfa: true } });
  await permanent('totp-user', [{ Name: 'email', Value: 'totp-user@example.com' }]);
  await permanent('unverified-user', [{ Name: 'email', Value: 'unverified-user@example.com' }]);
  await permanent('reset-user', [{ Name: 'email', Value: 'reset-user@example.com' }, { Name: 'email_verified', Value: 'true' }]);
  await callAdmin(services, 'AdminResetUserPassword', { UserPoolId: poolId, Username: 'reset-user' });
  await permanent('passkey-user', [{ Name: 'email', Value: 'passkey-user@example.com' }, { Name: 'email_verified', Value: 'true' }]);
  await permanent('email-user', [{ Name: 'email', Value: 'email-user@example.com' }, { Name: 'email_verified', Value: 'true' }]);
  await callAdmin(services, 'AdminSetUserMFAPreference', { UserPoolId: poolId, Username: 'email-user', EmailMfaSettings: { Enabled: true, PreferredMfa: true } });
  await callAdmin(services, 'AdminCreateUser', {
    UserPoolId: poolId,
    Username: 'new-user',
    TemporaryPassword: DEMO_TEMP_PASSWORD,
    MessageAction: 'SUPPRESS',
    UserAttributes: [{ Name: 'email', Value: 'new-user@example.com' }],
  });
  await triggersDemo(services, poolId, UserPoolClient.ClientId);
  const oauth = appOrigin && services.oauthBase() ? await federateDemo(services, poolId, UserPoolClient.ClientId, appOrigin) : undefined;
  return { created: true, config: { ...configFor(services.store.getPool(poolId)!, UserPoolClient.ClientId, 3, endpoint), ...oauth } };
}

/**
 * The demo's Lambda triggers (emulator/demo-lambdas): LambdaConfig, the custom attribute the
 * security question reads, custom authentication for the app client, and the users who show them.
 * Idempotent: a data folder seeded before triggers existed gets them on its next start.
 */
async function triggersDemo(services: Services, poolId: string, clientId: string): Promise<void> {
  const { store } = services;
  const pool = store.getPool(poolId)!;
  const missing = DEMO_TRIGGER_ATTRIBUTES.filter((a) => !pool.schema.customAttributes.some((c) => c.Name === `custom:${a.Name}`));
  if (missing.length) await callAdmin(services, 'AddCustomAttributes', { UserPoolId: poolId, CustomAttributes: missing });
  // Straight into the store: UpdateUserPool would put every other setting back to its default.
  store.putPool({ ...store.getPool(poolId)!, lambdaConfig: DEMO_LAMBDA_CONFIG });
  const client = store.getClient(clientId)!;
  if (!client.explicitAuthFlows.includes('ALLOW_CUSTOM_AUTH')) store.putClient({ ...client, explicitAuthFlows: [...client.explicitAuthFlows, 'ALLOW_CUSTOM_AUTH'] });
  const permanent = async (username: string, attributes: { Name: string; Value: string }[]) => {
    if (store.getUser(poolId, username)) return false;
    await callAdmin(services, 'AdminCreateUser', { UserPoolId: poolId, Username: username, UserAttributes: attributes, MessageAction: 'SUPPRESS' });
    await callAdmin(services, 'AdminSetUserPassword', { UserPoolId: poolId, Username: username, Password: DEMO_PASSWORD, Permanent: true });
    return true;
  };
  await permanent('question-user', [{ Name: 'email', Value: 'question-user@example.com' }, { Name: 'email_verified', Value: 'true' }, { Name: 'custom:pet', Value: 'Rex' }]);
  await permanent('suspended-user', [{ Name: 'email', Value: 'suspended-user@example.com' }, { Name: 'email_verified', Value: 'true' }]);
  if (await permanent('admin-user', [{ Name: 'email', Value: 'admin-user@example.com' }, { Name: 'email_verified', Value: 'true' }])) {
    for (const [GroupName, Precedence, Description] of [['admins', 1, 'Administrators'], ['staff', 10, 'Staff']] as const) {
      if (!store.getGroup(poolId, GroupName)) await callAdmin(services, 'CreateGroup', { UserPoolId: poolId, GroupName, Precedence, Description });
      await callAdmin(services, 'AdminAddUserToGroup', { UserPoolId: poolId, Username: 'admin-user', GroupName });
    }
  }
}

/**
 * Federation for the demo: the domain "demo", Google (on the emulator's test IdP) and the SAML IdP
 * "AcmeSSO" for e-mail addresses at acme.example, and the app client allowed to use them from the
 * app's origin. Idempotent.
 */
async function federateDemo(services: Services, poolId: string, clientId: string, appOrigin: string): Promise<Pick<DemoConfig, 'oauth' | 'providers'>> {
  const base = services.oauthBase()!;
  const { store } = services;
  if (!store.domainOf(poolId)) await callAdmin(services, 'CreateUserPoolDomain', { UserPoolId: poolId, Domain: DEMO_DOMAIN });
  if (!store.getIdentityProvider(poolId, 'Google')) {
    await callAdmin(services, 'CreateIdentityProvider', {
      UserPoolId: poolId,
      ProviderName: 'Google',
      ProviderType: 'Google',
      // The emulator sends Google sign-ins to its test IdP: these are not real credentials.
      ProviderDetails: { client_id: 'demo-google-client', client_secret: 'demo-google-secret', authorize_scopes: 'openid email profile' },
      AttributeMapping: { email: 'email', email_verified: 'email_verified', name: 'name' },
    });
  }
  if (!store.getIdentityProvider(poolId, 'AcmeSSO')) {
    await callAdmin(services, 'CreateIdentityProvider', {
      UserPoolId: poolId,
      ProviderName: 'AcmeSSO',
      ProviderType: 'SAML',
      ProviderDetails: { MetadataURL: `${base}/_idp/saml/metadata` },
      AttributeMapping: { email: 'email', name: 'name' },
      IdpIdentifiers: ['acme.example'],
    });
  } else {
    // The TLS port may have moved since the metadata was read: read it again from where it is now.
    await callAdmin(services, 'UpdateIdentityProvider', { UserPoolId: poolId, ProviderName: 'AcmeSSO', ProviderDetails: { MetadataURL: `${base}/_idp/saml/metadata` } });
  }
  const app = `${appOrigin}/`;
  const client = store.getClient(clientId)!;
  if (!client.oauth.callbackUrls.includes(app) || !client.oauth.enabled) {
    // UpdateUserPoolClient replaces every setting: the client's own are given again with the OAuth ones.
    await callAdmin(services, 'UpdateUserPoolClient', {
      UserPoolId: poolId,
      ClientId: clientId,
      ClientName: client.name,
      ExplicitAuthFlows: client.explicitAuthFlows,
      PreventUserExistenceErrors: client.preventUserExistenceErrors,
      AuthSessionValidity: client.authSessionValidity,
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: DEMO_SCOPES,
      CallbackURLs: [app],
      LogoutURLs: [app],
      SupportedIdentityProviders: ['COGNITO', 'Google', 'AcmeSSO'],
    });
  }
  return {
    oauth: { domain: `${base.replace(/^https:\/\//, '')}/${DEMO_DOMAIN}`, scopes: DEMO_SCOPES, redirectSignIn: [app], redirectSignOut: [app] },
    providers: [
      { name: 'Google', label: 'Google (demo)' },
      { name: 'AcmeSSO', label: 'Acme SSO', emailDomains: ['acme.example'] },
    ],
  };
}

/** What the app must know of the pool, read from the pool itself (a data folder seeded by an older version has less). */
const configFor = (pool: PoolRecord, userPoolClientId: string, sessionMinutes: number, endpoint: string): DemoConfig => ({
  region: pool.region,
  userPoolId: pool.id,
  userPoolClientId,
  endpoint,
  appName: 'Demo',
  sessionMinutes,
  signUp: true,
  signUpPhone: 'optional',
  emailMfa: pool.emailMfa !== undefined,
  rememberDevices: !pool.deviceConfiguration ? 'off' : pool.deviceConfiguration.DeviceOnlyRememberedOnUserPrompt ? 'onUserPrompt' : 'always',
  // Username-first sign-in is the app's choice, not the pool's: off unless asked for (cli.ts).
  passwordless: false,
});
