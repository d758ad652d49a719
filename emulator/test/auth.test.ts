import {
  AdminGetUserCommand,
  AdminInitiateAuthCommand,
  AdminSetUserMFAPreferenceCommand,
  AssociateSoftwareTokenCommand,
  GetTokensFromRefreshTokenCommand,
  GetUserCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  SetUserPoolMfaConfigCommand,
  VerifySoftwareTokenCommand,
  AdminCreateUserCommand,
  SetUserMFAPreferenceCommand,
  UpdateUserPoolClientCommand,
  InitiateAuthCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider';
import { Amplify } from 'aws-amplify';
import { confirmSignIn, fetchAuthSession, signIn, signOut } from 'aws-amplify/auth';
import { createHmac } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createPool, createUser, expectCognitoError, PASSWORD, SMS_CONFIGURATION, totpCode } from './fixtures.js';
import { advanceClock, type Harness, readSms, startHarness } from './harness.js';

let h: Harness;
beforeAll(async () => void (h = await startHarness()));
afterAll(() => h.stop());
afterEach(() => signOut().catch(() => {}));

const configureAmplify = (poolId: string, clientId: string) =>
  Amplify.configure({ Auth: { Cognito: { userPoolId: poolId, userPoolClientId: clientId, userPoolEndpoint: h.emulator.url } } });

const passwordAuth = (clientId: string, username: string, password = PASSWORD) =>
  h.sdk.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: username, PASSWORD: password } }));

const respond = (clientId: string, name: 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA' | 'SELECT_MFA_TYPE' | 'MFA_SETUP' | 'NEW_PASSWORD_REQUIRED', session: string | undefined, responses: Record<string, string>) =>
  h.sdk.send(new RespondToAuthChallengeCommand({ ClientId: clientId, ChallengeName: name, Session: session, ChallengeResponses: responses }));

async function latestSmsCode(username: string): Promise<string> {
  const [latest] = await readSms(h.emulator, username);
  return latest.code;
}

/** Sets up TOTP through the access token and returns the secret. */
async function enrollTotp(accessToken: string): Promise<string> {
  const { SecretCode } = await h.sdk.send(new AssociateSoftwareTokenCommand({ AccessToken: accessToken }));
  await h.sdk.send(new VerifySoftwareTokenCommand({ AccessToken: accessToken, UserCode: totpCode(SecretCode!, h.emulator.clock.now()) }));
  await h.sdk.send(new SetUserMFAPreferenceCommand({ AccessToken: accessToken, SoftwareTokenMfaSettings: { Enabled: true } }));
  return SecretCode!;
}

describe('USER_SRP_AUTH with Amplify v6 as the client', () => {
  it('signs in with the right password (real SRP) and returns verifiable tokens', async () => {
    const { poolId, clientId } = await createPool(h.sdk);
    await createUser(h.sdk, poolId, 'srp-user', [{ Name: 'email', Value: 'srp@example.com' }]);
    configureAmplify(poolId, clientId);
    const result = await signIn({ username: 'srp-user', password: PASSWORD });
    expect(result).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    const { tokens } = await fetchAuthSession();
    expect(tokens?.idToken?.payload['cognito:username']).toBe('srp-user');
    expect(tokens?.idToken?.payload.email).toBe('srp@example.com');
    expect(tokens?.accessToken.payload.iss).toBe(`${h.emulator.url}/${poolId}`);
  });

  it('refuses a wrong password and an unknown user with the same message', async () => {
    const { poolId, clientId } = await createPool(h.sdk);
    await createUser(h.sdk, poolId, 'srp-user');
    await h.sdk.send(new UpdateUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId, ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'], PreventUserExistenceErrors: 'ENABLED' }));
    configureAmplify(poolId, clientId);
    await expectCognitoError(signIn({ username: 'srp-user', password: 'Wrong-Passw0rd!' }), 'NotAuthorizedException', 'Incorrect username or password.');
    await expectCognitoError(signIn({ username: 'nobody', password: PASSWORD }), 'NotAuthorizedException', 'Incorrect username or password.');
  });

  it('does SMS MFA with the masked destination, wrong then right code, and marks the phone verified', async () => {
    const { poolId, clientId } = await createPool(h.sdk, { mfa: 'OPTIONAL', sms: true, totp: true });
    await createUser(h.sdk, poolId, 'sms', [{ Name: 'phone_number', Value: '+12065550100' }]);
    await h.sdk.send(new AdminSetUserMFAPreferenceCommand({ UserPoolId: poolId, Username: 'sms', SMSMfaSettings: { Enabled: true } }));
    configureAmplify(poolId, clientId);
    const first = await signIn({ username: 'sms', password: PASSWORD });
    expect(first.nextStep).toEqual({ signInStep: 'CONFIRM_SIGN_IN_WITH_SMS_CODE', codeDeliveryDetails: { deliveryMedium: 'SMS', destination: '+*******0100' } });
    const [sms] = await readSms(h.emulator, 'sms');
    expect(sms.phoneNumber).toBe('+12065550100');
    expect(sms.message).toBe(`Code: ${sms.code}`);
    const wrong = sms.code === '000000' ? '111111' : '000000';
    await expectCognitoError(confirmSignIn({ challengeResponse: wrong }), 'CodeMismatchException');
    expect((await confirmSignIn({ challengeResponse: sms.code })).isSignedIn).toBe(true);
    const user = await h.sdk.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'sms' }));
    expect(user.UserAttributes).toContainEqual({ Name: 'phone_number_verified', Value: 'true' });
  });

  it('does TOTP set up at first sign-in (MFA_SETUP through the session) when the pool requires MFA', async () => {
    const { poolId, clientId } = await createPool(h.sdk, { mfa: 'ON', totp: true });
    await createUser(h.sdk, poolId, 'setup');
    configureAmplify(poolId, clientId);
    const first = await signIn({ username: 'setup', password: PASSWORD });
    expect(first.nextStep.signInStep).toBe('CONTINUE_SIGN_IN_WITH_TOTP_SETUP');
    const secret = (first.nextStep as { totpSetupDetails: { sharedSecret: string } }).totpSetupDetails.sharedSecret;
    const done = await confirmSignIn({ challengeResponse: totpCode(secret, h.emulator.clock.now()) });
    expect(done.isSignedIn).toBe(true);
    await signOut();
    await advanceClock(h.emulator, 31); // the next code: the one just used can't be replayed
    const again = await signIn({ username: 'setup', password: PASSWORD });
    expect(again.nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_TOTP_CODE');
    expect((await confirmSignIn({ challengeResponse: totpCode(secret, h.emulator.clock.now()) })).isSignedIn).toBe(true);
  });

  it('lets the user choose between SMS and TOTP (SELECT_MFA_TYPE) when both are on and none is preferred', async () => {
    const { poolId, clientId } = await createPool(h.sdk, { mfa: 'OPTIONAL', sms: true, totp: true });
    await createUser(h.sdk, poolId, 'both', [{ Name: 'phone_number', Value: '+447700900123' }]);
    const auth = await passwordAuth(clientId, 'both');
    const secret = await enrollTotp(auth.AuthenticationResult!.AccessToken!);
    await h.sdk.send(new AdminSetUserMFAPreferenceCommand({ UserPoolId: poolId, Username: 'both', SMSMfaSettings: { Enabled: true } }));
    configureAmplify(poolId, clientId);
    const first = await signIn({ username: 'both', password: PASSWORD });
    expect(first.nextStep).toEqual({ signInStep: 'CONTINUE_SIGN_IN_WITH_MFA_SELECTION', allowedMFATypes: ['SMS', 'TOTP'] });
    const chosen = await confirmSignIn({ challengeResponse: 'TOTP' });
    expect(chosen.nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_TOTP_CODE');
    await advanceClock(h.emulator, 31);
    expect((await confirmSignIn({ challengeResponse: totpCode(secret, h.emulator.clock.now()) })).isSignedIn).toBe(true);
  });

  it('requires a new password for a user created with a temporary one', async () => {
    const { poolId, clientId } = await createPool(h.sdk);
    await h.sdk.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'fresh', TemporaryPassword: 'Temp-Passw0rd!', MessageAction: 'SUPPRESS' }));
    configureAmplify(poolId, clientId);
    const first = await signIn({ username: 'fresh', password: 'Temp-Passw0rd!' });
    expect(first.nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED');
    await expectCognitoError(confirmSignIn({ challengeResponse: 'short' }), 'InvalidPasswordException');
    expect((await confirmSignIn({ challengeResponse: 'Brand-New-Passw0rd!' })).isSignedIn).toBe(true);
    const user = await h.sdk.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'fresh' }));
    expect(user.UserStatus).toBe('CONFIRMED');
  });
});

describe('challenges through the SDK', () => {
  it('expires an SMS code with the client session (3 minutes by default)', async () => {
    const { poolId, clientId } = await createPool(h.sdk, { mfa: 'ON', sms: true });
    await createUser(h.sdk, poolId, 'late', [{ Name: 'phone_number', Value: '+12065550101' }]);
    const challenge = await passwordAuth(clientId, 'late');
    expect(challenge.ChallengeName).toBe('SMS_MFA'); // MFA required + phone on file → SMS, even unverified
    const code = await latestSmsCode('late');
    await advanceClock(h.emulator, 181);
    await expectCognitoError(respond(clientId, 'SMS_MFA', challenge.Session, { USERNAME: 'late', SMS_MFA_CODE: code }), 'NotAuthorizedException', /session is expired/);
  });

  it('honours a longer AuthSessionValidity', async () => {
    const { poolId, clientId } = await createPool(h.sdk, { mfa: 'ON', sms: true, authSessionValidity: 10 });
    await createUser(h.sdk, poolId, 'slow', [{ Name: 'phone_number', Value: '+12065550102' }]);
    const challenge = await passwordAuth(clientId, 'slow');
    await advanceClock(h.emulator, 5 * 60);
    const done = await respond(clientId, 'SMS_MFA', challenge.Session, { USERNAME: 'slow', SMS_MFA_CODE: await latestSmsCode('slow') });
    expect(done.AuthenticationResult?.AccessToken).toBeTruthy();
  });

  it('ends the session after three wrong codes, and a session is single-use', async () => {
    const { poolId, clientId } = await createPool(h.sdk, { mfa: 'ON', sms: true });
    await createUser(h.sdk, poolId, 'guess', [{ Name: 'phone_number', Value: '+12065550103' }]);
    const challenge = await passwordAuth(clientId, 'guess');
    const code = await latestSmsCode('guess');
    const wrong = code === '000000' ? '111111' : '000000';
    await expectCognitoError(respond(clientId, 'SMS_MFA', challenge.Session, { USERNAME: 'guess', SMS_MFA_CODE: wrong }), 'CodeMismatchException');
    await expectCognitoError(respond(clientId, 'SMS_MFA', challenge.Session, { USERNAME: 'guess', SMS_MFA_CODE: wrong }), 'CodeMismatchException');
    await expectCognitoError(respond(clientId, 'SMS_MFA', challenge.Session, { USERNAME: 'guess', SMS_MFA_CODE: wrong }), 'NotAuthorizedException');
    await expectCognitoError(respond(clientId, 'SMS_MFA', challenge.Session, { USERNAME: 'guess', SMS_MFA_CODE: code }), 'NotAuthorizedException');

    const second = await passwordAuth(clientId, 'guess');
    const good = await latestSmsCode('guess');
    expect((await respond(clientId, 'SMS_MFA', second.Session, { USERNAME: 'guess', SMS_MFA_CODE: good })).AuthenticationResult).toBeTruthy();
    await expectCognitoError(respond(clientId, 'SMS_MFA', second.Session, { USERNAME: 'guess', SMS_MFA_CODE: good }), 'NotAuthorizedException');
  });

  it('rejects a replayed TOTP code: ExpiredCodeException "Your software token has already been used once." (observed on Cognito, issue 23)', async () => {
    const { poolId, clientId } = await createPool(h.sdk, { mfa: 'OPTIONAL', totp: true });
    await createUser(h.sdk, poolId, 'replay');
    const secret = await enrollTotp((await passwordAuth(clientId, 'replay')).AuthenticationResult!.AccessToken!);
    await advanceClock(h.emulator, 31);
    const code = totpCode(secret, h.emulator.clock.now());
    const a = await passwordAuth(clientId, 'replay');
    expect(a.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    expect((await respond(clientId, 'SOFTWARE_TOKEN_MFA', a.Session, { USERNAME: 'replay', SOFTWARE_TOKEN_MFA_CODE: code })).AuthenticationResult).toBeTruthy();
    const b = await passwordAuth(clientId, 'replay');
    await expectCognitoError(respond(clientId, 'SOFTWARE_TOKEN_MFA', b.Session, { USERNAME: 'replay', SOFTWARE_TOKEN_MFA_CODE: code }), 'ExpiredCodeException', 'Your software token has already been used once.');
    // A wrong code is still just wrong.
    await expectCognitoError(respond(clientId, 'SOFTWARE_TOKEN_MFA', b.Session, { USERNAME: 'replay', SOFTWARE_TOKEN_MFA_CODE: code === '000000' ? '111111' : '000000' }), 'CodeMismatchException');
  });

  it('keeps TOTP working for enrolled users after the pool disables TOTP, but refuses new enrolments', async () => {
    const { poolId, clientId } = await createPool(h.sdk, { mfa: 'OPTIONAL', totp: true });
    await createUser(h.sdk, poolId, 'early');
    await createUser(h.sdk, poolId, 'late');
    const secret = await enrollTotp((await passwordAuth(clientId, 'early')).AuthenticationResult!.AccessToken!);
    await h.sdk.send(new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, MfaConfiguration: 'OPTIONAL', SmsMfaConfiguration: { SmsAuthenticationMessage: 'c {####}', SmsConfiguration: SMS_CONFIGURATION } }));
    const lateToken = (await passwordAuth(clientId, 'late')).AuthenticationResult!.AccessToken!;
    await expectCognitoError(h.sdk.send(new AssociateSoftwareTokenCommand({ AccessToken: lateToken })), 'SoftwareTokenMFANotFoundException', 'Software Token MFA has not been enabled by the userPool.');
    await expectCognitoError(h.sdk.send(new VerifySoftwareTokenCommand({ AccessToken: lateToken, UserCode: '123456' })), 'SoftwareTokenMFANotFoundException');
    await advanceClock(h.emulator, 31);
    const challenge = await passwordAuth(clientId, 'early');
    expect(challenge.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    const done = await respond(clientId, 'SOFTWARE_TOKEN_MFA', challenge.Session, { USERNAME: 'early', SOFTWARE_TOKEN_MFA_CODE: totpCode(secret, h.emulator.clock.now()) });
    expect(done.AuthenticationResult).toBeTruthy();
  });

  it('accepts AccessToken or Session for AssociateSoftwareToken, never both or neither', async () => {
    const { poolId, clientId } = await createPool(h.sdk, { mfa: 'ON', totp: true });
    await createUser(h.sdk, poolId, 'both-ways');
    const setup = await passwordAuth(clientId, 'both-ways');
    expect(setup.ChallengeName).toBe('MFA_SETUP');
    expect(JSON.parse(setup.ChallengeParameters!.MFAS_CAN_SETUP)).toEqual(['SOFTWARE_TOKEN_MFA']);
    await expectCognitoError(h.sdk.send(new AssociateSoftwareTokenCommand({})), 'InvalidParameterException');
    await expectCognitoError(h.sdk.send(new AssociateSoftwareTokenCommand({ AccessToken: 'a.b.c', Session: setup.Session })), 'InvalidParameterException');
    const assoc = await h.sdk.send(new AssociateSoftwareTokenCommand({ Session: setup.Session }));
    await expectCognitoError(respond(clientId, 'MFA_SETUP', assoc.Session, { USERNAME: 'both-ways' }), 'InvalidParameterException');
    await expectCognitoError(h.sdk.send(new VerifySoftwareTokenCommand({ Session: assoc.Session, UserCode: '000000' === totpCode(assoc.SecretCode!, h.emulator.clock.now()) ? '111111' : '000000' })), 'EnableSoftwareTokenMFAException');
    const verified = await h.sdk.send(new VerifySoftwareTokenCommand({ Session: assoc.Session, UserCode: totpCode(assoc.SecretCode!, h.emulator.clock.now()) }));
    expect(verified.Status).toBe('SUCCESS');
    const done = await respond(clientId, 'MFA_SETUP', verified.Session, { USERNAME: 'both-ways' });
    const me = await h.sdk.send(new GetUserCommand({ AccessToken: done.AuthenticationResult!.AccessToken }));
    expect(me.UserMFASettingList).toEqual(['SOFTWARE_TOKEN_MFA']);
  });

  it('checks SECRET_HASH for clients with a secret', async () => {
    const { poolId, clientId, clientSecret } = await createPool(h.sdk, { secret: true });
    await createUser(h.sdk, poolId, 'hashed');
    const secretHash = createHmac('sha256', clientSecret!).update(`hashed${clientId}`).digest('base64');
    await expectCognitoError(passwordAuth(clientId, 'hashed'), 'NotAuthorizedException', /SECRET_HASH/);
    const ok = await h.sdk.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'hashed', PASSWORD: PASSWORD, SECRET_HASH: secretHash } }));
    expect(ok.AuthenticationResult).toBeTruthy();
  });

  it('refreshes tokens with REFRESH_TOKEN_AUTH and GetTokensFromRefreshToken; AdminInitiateAuth signs in', async () => {
    const { poolId, clientId } = await createPool(h.sdk);
    await createUser(h.sdk, poolId, 'fresh-tokens');
    const admin = await h.sdk.send(new AdminInitiateAuthCommand({ UserPoolId: poolId, ClientId: clientId, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'fresh-tokens', PASSWORD } }));
    const refreshToken = admin.AuthenticationResult!.RefreshToken!;
    const viaInitiate: InitiateAuthCommandOutput = await h.sdk.send(new InitiateAuthCommand({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: clientId, AuthParameters: { REFRESH_TOKEN: refreshToken } }));
    expect(viaInitiate.AuthenticationResult?.AccessToken).toBeTruthy();
    expect(viaInitiate.AuthenticationResult?.RefreshToken).toBeUndefined();
    const viaGet = await h.sdk.send(new GetTokensFromRefreshTokenCommand({ ClientId: clientId, RefreshToken: refreshToken }));
    expect((await h.sdk.send(new GetUserCommand({ AccessToken: viaGet.AuthenticationResult!.AccessToken }))).Username).toBe('fresh-tokens');
    await expectCognitoError(h.sdk.send(new GetTokensFromRefreshTokenCommand({ ClientId: clientId, RefreshToken: 'bogus' })), 'NotAuthorizedException');
  });

  it('refuses flows the client does not allow', async () => {
    const { poolId, clientId } = await createPool(h.sdk, { flows: ['ALLOW_USER_SRP_AUTH'] });
    await createUser(h.sdk, poolId, 'flow');
    await expectCognitoError(passwordAuth(clientId, 'flow'), 'InvalidParameterException', 'USER_PASSWORD_AUTH flow not enabled for this client');
  });
});
