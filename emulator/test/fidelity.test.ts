/**
 * Behaviour an app developer relies on, checked against the emulator with the AWS SDK v3. Each test
 * names where Cognito's behaviour is documented: the API reference (AR), the developer guide (DG),
 * the reference documents in shared/reference, or an issue with a maintainer's reproduction. The
 * README's fidelity table lists them, and says where a source does not settle the exact wording.
 */
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  DescribeUserPoolCommand,
  AssociateSoftwareTokenCommand,
  CreateUserPoolCommand,
  DescribeUserPoolClientCommand,
  GetTokensFromRefreshTokenCommand,
  GetUserCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  RevokeTokenCommand,
  SetUserMFAPreferenceCommand,
  SetUserPoolMfaConfigCommand,
  UpdateUserAttributesCommand,
  UpdateUserPoolClientCommand,
  type UpdateUserPoolClientCommandInput,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { createHmac } from 'node:crypto';
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { poolNameOf } from '../services/users.js';
import { createPool, createUser, expectCognitoError, PASSWORD, SMS_CONFIGURATION, totpCode } from './fixtures.js';
import { advanceClock, type Harness, startHarness } from './harness.js';
import { SrpClient } from './srp-client.js';

let h: Harness;
beforeAll(async () => void (h = await startHarness()));
afterAll(() => h.stop());

const passwordAuth = (clientId: string, username: string, password = PASSWORD, extra: Record<string, string> = {}) =>
  h.sdk.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: username, PASSWORD: password, ...extra } }));

const tokensOf = async (clientId: string, username: string) => (await passwordAuth(clientId, username)).AuthenticationResult!;

const updateClient = (poolId: string, clientId: string, input: Omit<UpdateUserPoolClientCommandInput, 'UserPoolId' | 'ClientId'>) =>
  h.sdk.send(new UpdateUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId, ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'], ...input }));

/** AssociateSoftwareToken + VerifySoftwareToken with the access token; returns the secret. */
async function registerTotp(accessToken: string, deviceName?: string): Promise<string> {
  const { SecretCode } = await h.sdk.send(new AssociateSoftwareTokenCommand({ AccessToken: accessToken }));
  await h.sdk.send(new VerifySoftwareTokenCommand({ AccessToken: accessToken, UserCode: totpCode(SecretCode!, h.emulator.clock.now()), FriendlyDeviceName: deviceName }));
  await advanceClock(h.emulator, 30); // the code just used can't be used again
  return SecretCode!;
}

const enableTotp = (accessToken: string) => h.sdk.send(new SetUserMFAPreferenceCommand({ AccessToken: accessToken, SoftwareTokenMfaSettings: { Enabled: true } }));

describe('1. PreventUserExistenceErrors (AR: CreateUserPoolClient, UpdateUserPoolClient)', () => {
  it('defaults to LEGACY for clients created through the API: an unknown user is UserNotFoundException, with the password flow and with SRP', async () => {
    const { poolId, clientId } = await createPool(h.sdk);
    const { UserPoolClient } = await h.sdk.send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId }));
    expect(UserPoolClient?.PreventUserExistenceErrors).toBe('LEGACY');
    await expectCognitoError(passwordAuth(clientId, 'nobody'), 'UserNotFoundException', 'User does not exist.');
    const srp = new SrpClient(poolNameOf(poolId));
    await expectCognitoError(
      h.sdk.send(new InitiateAuthCommand({ AuthFlow: 'USER_SRP_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'nobody', SRP_A: srp.srpA } })),
      'UserNotFoundException',
      'User does not exist.',
    );
  });

  it('ENABLED answers an unknown user exactly like a wrong password, in both flows', async () => {
    const { poolId, clientId } = await createPool(h.sdk, { preventUserExistenceErrors: 'ENABLED' });
    await createUser(h.sdk, poolId, 'somebody');
    await expectCognitoError(passwordAuth(clientId, 'nobody'), 'NotAuthorizedException', 'Incorrect username or password.');
    await expectCognitoError(passwordAuth(clientId, 'somebody', 'Wrong-Passw0rd!'), 'NotAuthorizedException', 'Incorrect username or password.');
    const srp = new SrpClient(poolNameOf(poolId));
    const start = await h.sdk.send(new InitiateAuthCommand({ AuthFlow: 'USER_SRP_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'nobody', SRP_A: srp.srpA } }));
    expect(start.ChallengeName).toBe('PASSWORD_VERIFIER');
    await expectCognitoError(
      h.sdk.send(new RespondToAuthChallengeCommand({ ClientId: clientId, ChallengeName: 'PASSWORD_VERIFIER', ChallengeResponses: srp.respond(start.ChallengeParameters!, PASSWORD, new Date(h.emulator.clock.now())) })),
      'NotAuthorizedException',
      'Incorrect username or password.',
    );
  });
});

describe('2. A verified TOTP token is registered, not enabled (DG: TOTP software token MFA; shared/reference 002)', () => {
  it('"Next, you can enable TOTP MFA for your user": no TOTP challenge until SetUserMFAPreference turns it on', async () => {
    const { poolId, clientId } = await createPool(h.sdk, { mfa: 'OPTIONAL', totp: true });
    await createUser(h.sdk, poolId, 'registrant');
    const { AccessToken } = await tokensOf(clientId, 'registrant');
    await registerTotp(AccessToken!, 'Pixel 9');
    expect((await h.sdk.send(new GetUserCommand({ AccessToken }))).UserMFASettingList).toBeUndefined();
    expect((await passwordAuth(clientId, 'registrant')).AuthenticationResult).toBeTruthy();
    await enableTotp(AccessToken!);
    expect((await h.sdk.send(new GetUserCommand({ AccessToken }))).UserMFASettingList).toEqual(['SOFTWARE_TOKEN_MFA']);
    const challenge = await passwordAuth(clientId, 'registrant');
    expect(challenge.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    // 9. The challenge carries the FriendlyDeviceName given to VerifySoftwareToken.
    expect(challenge.ChallengeParameters?.FRIENDLY_DEVICE_NAME).toBe('Pixel 9');
  });

  it('in a pool that requires MFA, a registered token is used at sign-in even before it is turned on (AR: AssociateSoftwareToken)', async () => {
    const { poolId, clientId } = await createPool(h.sdk, { mfa: 'ON', totp: true });
    await createUser(h.sdk, poolId, 'required');
    // First sign-in in a required pool: MFA_SETUP through the session…
    const setup = await passwordAuth(clientId, 'required');
    expect(setup.ChallengeName).toBe('MFA_SETUP');
    const assoc = await h.sdk.send(new AssociateSoftwareTokenCommand({ Session: setup.Session }));
    const verified = await h.sdk.send(new VerifySoftwareTokenCommand({ Session: assoc.Session, UserCode: totpCode(assoc.SecretCode!, h.emulator.clock.now()) }));
    const done = await h.sdk.send(new RespondToAuthChallengeCommand({ ClientId: clientId, ChallengeName: 'MFA_SETUP', Session: verified.Session, ChallengeResponses: { USERNAME: 'required' } }));
    expect(done.AuthenticationResult).toBeTruthy();
    await advanceClock(h.emulator, 30);
    // …after which every sign-in asks for the code.
    expect((await passwordAuth(clientId, 'required')).ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
  });
});

describe('3. MFA required: TOTP can\'t be turned off (AR: SoftwareTokenMfaSettingsType)', () => {
  it('"You can\'t turn off TOTP MFA for any of your users when MFA is required"; choosing the preferred factor still works', async () => {
    const { poolId, clientId } = await createPool(h.sdk, { mfa: 'OPTIONAL', sms: true, totp: true });
    await createUser(h.sdk, poolId, 'kept', [{ Name: 'phone_number', Value: '+12065550170' }]);
    const { AccessToken } = await tokensOf(clientId, 'kept');
    await registerTotp(AccessToken!);
    await enableTotp(AccessToken!);
    await h.sdk.send(new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, MfaConfiguration: 'ON', SmsMfaConfiguration: { SmsAuthenticationMessage: 'Code {####}', SmsConfiguration: SMS_CONFIGURATION }, SoftwareTokenMfaConfiguration: { Enabled: true } }));
    await expectCognitoError(
      h.sdk.send(new SetUserMFAPreferenceCommand({ AccessToken, SoftwareTokenMfaSettings: { Enabled: false } })),
      'InvalidParameterException',
      /can't turn off software token MFA/,
    );
    await h.sdk.send(new SetUserMFAPreferenceCommand({ AccessToken, SMSMfaSettings: { Enabled: true, PreferredMfa: true } }));
    const me = await h.sdk.send(new GetUserCommand({ AccessToken }));
    expect(me.UserMFASettingList).toEqual(['SMS_MFA', 'SOFTWARE_TOKEN_MFA']);
    expect(me.PreferredMfaSetting).toBe('SMS_MFA');
  });
});

describe('4. App-client settings (AR: UpdateUserPoolClient, TokenValidityUnitsType, RefreshTokenRotationType)', () => {
  it('honours token lifetimes in their units: a 5-minute access token lives 5 minutes', async () => {
    const { poolId, clientId } = await createPool(h.sdk);
    await createUser(h.sdk, poolId, 'short');
    await updateClient(poolId, clientId, { AccessTokenValidity: 5, IdTokenValidity: 2, RefreshTokenValidity: 90, TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'hours', RefreshToken: 'minutes' } });
    const tokens = await tokensOf(clientId, 'short');
    expect(tokens.ExpiresIn).toBe(300);
    const access = decodeJwt(tokens.AccessToken!);
    const id = decodeJwt(tokens.IdToken!);
    expect(access.exp! - access.iat!).toBe(300);
    expect(id.exp! - id.iat!).toBe(7200);
    await advanceClock(h.emulator, 301);
    await expectCognitoError(h.sdk.send(new GetUserCommand({ AccessToken: tokens.AccessToken })), 'NotAuthorizedException', 'Access Token has expired');
    const refreshed = await h.sdk.send(new GetTokensFromRefreshTokenCommand({ ClientId: clientId, RefreshToken: tokens.RefreshToken }));
    expect(refreshed.AuthenticationResult?.AccessToken).toBeTruthy();
    await advanceClock(h.emulator, 90 * 60);
    await expectCognitoError(h.sdk.send(new GetTokensFromRefreshTokenCommand({ ClientId: clientId, RefreshToken: tokens.RefreshToken })), 'NotAuthorizedException', 'Refresh Token has expired');
  });

  it('describes what was set, and resets what an update leaves out to the defaults ("If you don\'t provide a value … sets it to its default value")', async () => {
    const { poolId, clientId } = await createPool(h.sdk);
    await updateClient(poolId, clientId, {
      AccessTokenValidity: 10,
      TokenValidityUnits: { AccessToken: 'minutes' },
      AuthSessionValidity: 12,
      PreventUserExistenceErrors: 'ENABLED',
      EnableTokenRevocation: false,
      ReadAttributes: ['email'],
      WriteAttributes: ['email'],
      RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 10 },
    });
    const set = (await h.sdk.send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId }))).UserPoolClient!;
    expect(set).toMatchObject({
      AccessTokenValidity: 10,
      TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' },
      AuthSessionValidity: 12,
      PreventUserExistenceErrors: 'ENABLED',
      EnableTokenRevocation: false,
      ReadAttributes: ['email'],
      WriteAttributes: ['email'],
      RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 10 },
    });
    await h.sdk.send(new UpdateUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId }));
    const reset = (await h.sdk.send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId }))).UserPoolClient!;
    expect(reset).toMatchObject({
      AccessTokenValidity: 60,
      AuthSessionValidity: 3,
      PreventUserExistenceErrors: 'LEGACY',
      EnableTokenRevocation: true,
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      RefreshTokenRotation: { Feature: 'DISABLED', RetryGracePeriodSeconds: 0 },
    });
    expect(reset.ReadAttributes).toBeUndefined();
  });

  it('refuses out-of-range lifetimes, unknown enum values and unknown clients', async () => {
    const { poolId, clientId } = await createPool(h.sdk);
    await expectCognitoError(updateClient(poolId, clientId, { AccessTokenValidity: 2, TokenValidityUnits: { AccessToken: 'days' } }), 'InvalidParameterException');
    await expectCognitoError(updateClient(poolId, clientId, { RefreshTokenValidity: 30, TokenValidityUnits: { RefreshToken: 'minutes' } }), 'InvalidParameterException');
    await expectCognitoError(updateClient(poolId, clientId, { PreventUserExistenceErrors: 'SOMETIMES' as 'LEGACY' }), 'InvalidParameterException');
    await expectCognitoError(updateClient(poolId, 'unknownclient123', {}), 'ResourceNotFoundException');
    await expectCognitoError(h.sdk.send(new UpdateUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId, AuthSessionValidity: 30 })), 'InvalidParameterException');
  });

  it('ReadAttributes limit GetUser and the ID token; WriteAttributes limit UpdateUserAttributes', async () => {
    const { poolId, clientId } = await createPool(h.sdk);
    await createUser(h.sdk, poolId, 'private', [{ Name: 'email', Value: 'p@example.com' }, { Name: 'phone_number', Value: '+12065550171' }]);
    await updateClient(poolId, clientId, { ReadAttributes: ['email'], WriteAttributes: ['email'] });
    const { AccessToken, IdToken } = await tokensOf(clientId, 'private');
    const attributes = (await h.sdk.send(new GetUserCommand({ AccessToken }))).UserAttributes!.map((a) => a.Name).sort();
    expect(attributes).toEqual(['email', 'sub']);
    const claims = decodeJwt(IdToken!);
    expect(claims.email).toBe('p@example.com');
    expect(claims.phone_number).toBeUndefined();
    await expectCognitoError(
      h.sdk.send(new UpdateUserAttributesCommand({ AccessToken, UserAttributes: [{ Name: 'phone_number', Value: '+12065550172' }] })),
      'NotAuthorizedException',
      'A client attempted to write unauthorized attribute',
    );
    await h.sdk.send(new UpdateUserAttributesCommand({ AccessToken, UserAttributes: [{ Name: 'email', Value: 'q@example.com' }] }));
  });

  it('EnableTokenRevocation false: RevokeToken is refused', async () => {
    const { poolId, clientId } = await createPool(h.sdk);
    await createUser(h.sdk, poolId, 'unrevocable');
    await updateClient(poolId, clientId, { EnableTokenRevocation: false });
    const { RefreshToken } = await tokensOf(clientId, 'unrevocable');
    await expectCognitoError(h.sdk.send(new RevokeTokenCommand({ ClientId: clientId, Token: RefreshToken })), 'UnsupportedOperationException');
  });

  it('refresh-token rotation: GetTokensFromRefreshToken issues a new refresh token, the old one lasts the grace period, and REFRESH_TOKEN_AUTH is not available', async () => {
    const { poolId, clientId } = await createPool(h.sdk);
    await createUser(h.sdk, poolId, 'rotator');
    await updateClient(poolId, clientId, { RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 10 } });
    const first = (await tokensOf(clientId, 'rotator')).RefreshToken!;
    const rotated = (await h.sdk.send(new GetTokensFromRefreshTokenCommand({ ClientId: clientId, RefreshToken: first }))).AuthenticationResult!;
    expect(rotated.RefreshToken).toBeTruthy();
    expect(rotated.RefreshToken).not.toBe(first);
    // A client-side retry within the grace period still works…
    expect((await h.sdk.send(new GetTokensFromRefreshTokenCommand({ ClientId: clientId, RefreshToken: first }))).AuthenticationResult?.AccessToken).toBeTruthy();
    await advanceClock(h.emulator, 11);
    // …and then the rotated-out token is dead, while the new one works.
    await expectCognitoError(h.sdk.send(new GetTokensFromRefreshTokenCommand({ ClientId: clientId, RefreshToken: first })), 'NotAuthorizedException');
    expect((await h.sdk.send(new GetTokensFromRefreshTokenCommand({ ClientId: clientId, RefreshToken: rotated.RefreshToken }))).AuthenticationResult).toBeTruthy();
    await expectCognitoError(
      h.sdk.send(new InitiateAuthCommand({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: clientId, AuthParameters: { REFRESH_TOKEN: rotated.RefreshToken! } })),
      'InvalidParameterException',
    );
  });
});

describe('5. E-mail as username, aliases and the schema (DG: user pool attributes; AR: CreateUserPool)', () => {
  it('UsernameAttributes: Cognito generates the username (a UUID), keeps the e-mail as an attribute, and signs in by e-mail', async () => {
    const { poolId, clientId } = await createPool(h.sdk, { pool: { UsernameAttributes: ['email'] } });
    const { User } = await h.sdk.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'jane@example.com', MessageAction: 'SUPPRESS' }));
    expect(User?.Username).toMatch(/^[0-9a-f-]{36}$/);
    expect(User?.Attributes).toEqual(expect.arrayContaining([{ Name: 'email', Value: 'jane@example.com' }, { Name: 'sub', Value: User?.Username }]));
    await h.sdk.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'jane@example.com', Password: PASSWORD, Permanent: true }));
    expect((await h.sdk.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'jane@example.com' }))).Username).toBe(User?.Username);
    const { IdToken, AccessToken } = await tokensOf(clientId, 'jane@example.com');
    expect(decodeJwt(IdToken!)['cognito:username']).toBe(User?.Username);
    expect((await h.sdk.send(new GetUserCommand({ AccessToken }))).Username).toBe(User?.Username);
    // SRP too: the client computes with USER_ID_FOR_SRP, the generated username.
    const srp = new SrpClient(poolNameOf(poolId));
    const start = await h.sdk.send(new InitiateAuthCommand({ AuthFlow: 'USER_SRP_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'jane@example.com', SRP_A: srp.srpA } }));
    expect(start.ChallengeParameters?.USER_ID_FOR_SRP).toBe(User?.Username);
    const done = await h.sdk.send(
      new RespondToAuthChallengeCommand({ ClientId: clientId, ChallengeName: 'PASSWORD_VERIFIER', ChallengeResponses: srp.respond(start.ChallengeParameters!, PASSWORD, new Date(h.emulator.clock.now())) }),
    );
    expect(done.AuthenticationResult).toBeTruthy();
    await expectCognitoError(h.sdk.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'jane', MessageAction: 'SUPPRESS' })), 'InvalidParameterException', 'Username should be an email.');
    await expectCognitoError(
      h.sdk.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'jane@example.com', MessageAction: 'SUPPRESS' })),
      'UsernameExistsException',
      'An account with the given email already exists.',
    );
  });

  it('AliasAttributes: a verified e-mail signs in as an alias, an unverified one does not, and a username can\'t look like an e-mail', async () => {
    await expectCognitoError(
      h.sdk.send(new CreateUserPoolCommand({ PoolName: 'both', UsernameAttributes: ['email'], AliasAttributes: ['email'] })),
      'InvalidParameterException',
      'Only one of the aliasAttributes or usernameAttributes can be set in a User Pool.',
    );
    const { poolId, clientId } = await createPool(h.sdk, { pool: { AliasAttributes: ['email', 'preferred_username'] } });
    await createUser(h.sdk, poolId, 'aliased', [{ Name: 'email', Value: 'al@example.com' }, { Name: 'email_verified', Value: 'true' }, { Name: 'preferred_username', Value: 'Al' }]);
    await createUser(h.sdk, poolId, 'unverified', [{ Name: 'email', Value: 'un@example.com' }]);
    expect(decodeJwt((await tokensOf(clientId, 'al@example.com')).IdToken!)['cognito:username']).toBe('aliased');
    expect(decodeJwt((await tokensOf(clientId, 'Al')).IdToken!)['cognito:username']).toBe('aliased');
    await expectCognitoError(passwordAuth(clientId, 'un@example.com'), 'UserNotFoundException');
    await expectCognitoError(
      h.sdk.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'x@example.com', MessageAction: 'SUPPRESS' })),
      'InvalidParameterException',
      'Username cannot be of email format, since user pool is configured for email alias.',
    );
    const described = (await h.sdk.send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).UserPool!;
    expect(described.AliasAttributes).toEqual(['email', 'preferred_username']);
  });

  it('Schema: custom attributes must be declared, can\'t be required; required standard attributes are asked for at NEW_PASSWORD_REQUIRED', async () => {
    await expectCognitoError(
      h.sdk.send(new CreateUserPoolCommand({ PoolName: 'req', Schema: [{ Name: 'tier', AttributeDataType: 'String', Required: true }] })),
      'InvalidParameterException',
      'Required custom attributes are not supported currently.',
    );
    const { poolId, clientId } = await createPool(h.sdk, { pool: { Schema: [{ Name: 'team', AttributeDataType: 'String', Mutable: true }, { Name: 'email', AttributeDataType: 'String', Required: true }] } });
    const described = (await h.sdk.send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).UserPool!;
    expect(described.SchemaAttributes).toEqual(expect.arrayContaining([expect.objectContaining({ Name: 'custom:team' }), expect.objectContaining({ Name: 'email', Required: true })]));
    await expectCognitoError(
      h.sdk.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'typo', UserAttributes: [{ Name: 'custom:tema', Value: 'x' }], MessageAction: 'SUPPRESS' })),
      'InvalidParameterException',
    );
    await h.sdk.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'newbie', TemporaryPassword: 'Temp-Passw0rd!', MessageAction: 'SUPPRESS' }));
    const challenge = await passwordAuth(clientId, 'newbie', 'Temp-Passw0rd!');
    expect(challenge.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    expect(JSON.parse(challenge.ChallengeParameters!.requiredAttributes)).toEqual(['userAttributes.email']);
    const answer = (extra: Record<string, string>) =>
      h.sdk.send(new RespondToAuthChallengeCommand({ ClientId: clientId, ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: challenge.Session, ChallengeResponses: { USERNAME: 'newbie', NEW_PASSWORD: 'Brand-New-Passw0rd!', ...extra } }));
    await expectCognitoError(answer({}), 'InvalidParameterException', 'Invalid attributes given, email is missing');
    expect((await answer({ 'userAttributes.email': 'newbie@example.com' })).AuthenticationResult).toBeTruthy();
  });
});

describe('6. A client with a secret needs SECRET_HASH on refresh too (AR: InitiateAuth AuthParameters)', () => {
  it('refuses REFRESH_TOKEN_AUTH without SECRET_HASH: "Unable to verify secret hash for client"', async () => {
    const { poolId, clientId, clientSecret } = await createPool(h.sdk, { secret: true });
    await createUser(h.sdk, poolId, 'secretive');
    const hash = (name: string) => createHmac('sha256', clientSecret!).update(`${name}${clientId}`).digest('base64');
    const { RefreshToken } = (await passwordAuth(clientId, 'secretive', PASSWORD, { SECRET_HASH: hash('secretive') })).AuthenticationResult!;
    const refresh = (params: Record<string, string>) =>
      h.sdk.send(new InitiateAuthCommand({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: clientId, AuthParameters: { REFRESH_TOKEN: RefreshToken!, ...params } }));
    await expectCognitoError(refresh({}), 'NotAuthorizedException', `Unable to verify secret hash for client ${clientId}`);
    await expectCognitoError(refresh({ SECRET_HASH: hash('someone-else') }), 'NotAuthorizedException', `Unable to verify secret hash for client ${clientId}`);
    expect((await refresh({ SECRET_HASH: hash('secretive') })).AuthenticationResult?.AccessToken).toBeTruthy();
    await expectCognitoError(h.sdk.send(new GetTokensFromRefreshTokenCommand({ ClientId: clientId, RefreshToken })), 'NotAuthorizedException');
    expect((await h.sdk.send(new GetTokensFromRefreshTokenCommand({ ClientId: clientId, RefreshToken, ClientSecret: clientSecret }))).AuthenticationResult).toBeTruthy();
  });
});

describe('8. Pool validation (AR: SetUserPoolMfaConfig; aws-cdk issue 12075)', () => {
  it('refuses SMS as an MFA factor without an SMS configuration, on create and on update', async () => {
    const message = 'SMS configuration and Auto verification for phone_number are required when MFA is required/optional';
    await expectCognitoError(h.sdk.send(new CreateUserPoolCommand({ PoolName: 'no-sms-role', MfaConfiguration: 'ON' })), 'InvalidParameterException', message);
    const { poolId } = await createPool(h.sdk);
    await expectCognitoError(
      h.sdk.send(new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, MfaConfiguration: 'OPTIONAL', SmsMfaConfiguration: { SmsAuthenticationMessage: 'Code {####}' } })),
      'InvalidParameterException',
      message,
    );
    await h.sdk.send(new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, MfaConfiguration: 'OPTIONAL', SmsMfaConfiguration: { SmsAuthenticationMessage: 'Code {####}', SmsConfiguration: SMS_CONFIGURATION } }));
  });

  it('refuses e-mail MFA rather than dropping it where the pool sends e-mail with COGNITO_DEFAULT (see email-mfa.test.ts)', async () => {
    const { poolId, clientId } = await createPool(h.sdk, { mfa: 'OPTIONAL', totp: true });
    await expectCognitoError(
      h.sdk.send(new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, MfaConfiguration: 'OPTIONAL', EmailMfaConfiguration: { Message: 'Code {####}', Subject: 'Code' }, SoftwareTokenMfaConfiguration: { Enabled: true } })),
      'InvalidParameterException',
    );
    await createUser(h.sdk, poolId, 'mailer', [{ Name: 'email', Value: 'm@example.com' }]);
    const { AccessToken } = await tokensOf(clientId, 'mailer');
    await expectCognitoError(h.sdk.send(new SetUserMFAPreferenceCommand({ AccessToken, EmailMfaSettings: { Enabled: true } })), 'InvalidParameterException');
  });
});

describe('9. Response shapes', () => {
  it('AdminGetUser and GetUser leave UserMFASettingList out until the user has a factor', async () => {
    const { poolId, clientId } = await createPool(h.sdk, { mfa: 'OPTIONAL', totp: true });
    await createUser(h.sdk, poolId, 'bare');
    const admin = await h.sdk.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'bare' }));
    expect(admin.UserMFASettingList).toBeUndefined();
    expect('UserMFASettingList' in admin).toBe(false);
    const { AccessToken } = await tokensOf(clientId, 'bare');
    expect((await h.sdk.send(new GetUserCommand({ AccessToken }))).UserMFASettingList).toBeUndefined();
  });

  it('signs ID and access tokens with different keys of the JWKS', async () => {
    const { poolId, clientId } = await createPool(h.sdk);
    await createUser(h.sdk, poolId, 'keys');
    const { AccessToken, IdToken } = await tokensOf(clientId, 'keys');
    const jwks = (await (await fetch(`${h.emulator.url}/${poolId}/.well-known/jwks.json`)).json()) as { keys: { kid: string }[] };
    expect(jwks.keys).toHaveLength(2);
    const accessKid = decodeProtectedHeader(AccessToken!).kid;
    const idKid = decodeProtectedHeader(IdToken!).kid;
    expect(accessKid).not.toBe(idKid);
    expect(jwks.keys.map((k) => k.kid).sort()).toEqual([accessKid, idKid].sort());
    const keySet = createRemoteJWKSet(new URL(`${h.emulator.url}/${poolId}/.well-known/jwks.json`));
    await jwtVerify(AccessToken!, keySet);
    await jwtVerify(IdToken!, keySet);
  });

  it('answers an expired session and a replayed one with Cognito\'s messages', async () => {
    const { poolId, clientId } = await createPool(h.sdk, { mfa: 'OPTIONAL', totp: true });
    await createUser(h.sdk, poolId, 'sessions');
    const { AccessToken } = await tokensOf(clientId, 'sessions');
    const secret = await registerTotp(AccessToken!);
    await enableTotp(AccessToken!);
    const answer = (session: string | undefined) =>
      h.sdk.send(new RespondToAuthChallengeCommand({ ClientId: clientId, ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: session, ChallengeResponses: { USERNAME: 'sessions', SOFTWARE_TOKEN_MFA_CODE: totpCode(secret, h.emulator.clock.now()) } }));
    const first = await passwordAuth(clientId, 'sessions');
    expect((await answer(first.Session)).AuthenticationResult).toBeTruthy();
    await expectCognitoError(answer(first.Session), 'NotAuthorizedException', 'Invalid session for the user, session can only be used once.');
    await advanceClock(h.emulator, 30);
    const second = await passwordAuth(clientId, 'sessions');
    await advanceClock(h.emulator, 3 * 60 + 1);
    await expectCognitoError(answer(second.Session), 'NotAuthorizedException', 'Invalid session for the user, session is expired.');
  });
});

describe('10. Associating a new token while TOTP is on (AR: AssociateSoftwareToken; amplify-js issues 1226, 3844)', () => {
  it('SetUserMFAPreference refuses TOTP before a token is set up, and before it is verified', async () => {
    const { poolId, clientId } = await createPool(h.sdk, { mfa: 'OPTIONAL', totp: true });
    await createUser(h.sdk, poolId, 'eager');
    const { AccessToken } = await tokensOf(clientId, 'eager');
    await expectCognitoError(enableTotp(AccessToken!), 'InvalidParameterException', 'User has not set up software token mfa');
    await h.sdk.send(new AssociateSoftwareTokenCommand({ AccessToken }));
    await expectCognitoError(enableTotp(AccessToken!), 'InvalidParameterException', 'User has not verified software token mfa');
  });

  it('until the new token is verified the user signs in without TOTP (MFA_SETUP where MFA is required), while GetUser still lists it', async () => {
    const { poolId, clientId } = await createPool(h.sdk, { mfa: 'OPTIONAL', totp: true });
    await createUser(h.sdk, poolId, 'replacer');
    const { AccessToken } = await tokensOf(clientId, 'replacer');
    const oldSecret = await registerTotp(AccessToken!);
    await enableTotp(AccessToken!);
    expect((await passwordAuth(clientId, 'replacer')).ChallengeName).toBe('SOFTWARE_TOKEN_MFA');

    const { SecretCode: newSecret } = await h.sdk.send(new AssociateSoftwareTokenCommand({ AccessToken }));
    expect((await h.sdk.send(new GetUserCommand({ AccessToken }))).UserMFASettingList).toEqual(['SOFTWARE_TOKEN_MFA']);
    expect((await passwordAuth(clientId, 'replacer')).AuthenticationResult).toBeTruthy();

    await h.sdk.send(new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, MfaConfiguration: 'ON', SoftwareTokenMfaConfiguration: { Enabled: true } }));
    expect((await passwordAuth(clientId, 'replacer')).ChallengeName).toBe('MFA_SETUP');

    await h.sdk.send(new VerifySoftwareTokenCommand({ AccessToken, UserCode: totpCode(newSecret!, h.emulator.clock.now()) }));
    await advanceClock(h.emulator, 30);
    const challenge = await passwordAuth(clientId, 'replacer');
    expect(challenge.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    const respond = (secret: string) =>
      h.sdk.send(new RespondToAuthChallengeCommand({ ClientId: clientId, ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: challenge.Session, ChallengeResponses: { USERNAME: 'replacer', SOFTWARE_TOKEN_MFA_CODE: totpCode(secret, h.emulator.clock.now()) } }));
    // The old authenticator stopped working; the new one works.
    await expectCognitoError(respond(oldSecret), 'CodeMismatchException');
    expect((await respond(newSecret!)).AuthenticationResult).toBeTruthy();
  });
});
