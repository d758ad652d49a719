/**
 * Choice-based sign-in (USER_AUTH) and passkeys, with the AWS SDK v3 and Amplify v6. Sources: API
 * reference (AR) InitiateAuth (USER_AUTH, PREFERRED_CHALLENGE, AvailableChallenges),
 * RespondToAuthChallenge (SELECT_CHALLENGE, EMAIL_OTP, SMS_OTP, WEB_AUTHN), SignInPolicyType,
 * WebAuthnConfigurationType, Start/CompleteWebAuthnRegistration, List/DeleteWebAuthnCredential;
 * DG "Authentication flows" (passwordless factors and MFA); Amplify v6 handleUserAuthFlow.
 */
import {
  AdminSetUserMFAPreferenceCommand,
  type ChallengeNameType,
  CompleteWebAuthnRegistrationCommand,
  CreateUserPoolCommand,
  DeleteWebAuthnCredentialCommand,
  DescribeUserPoolCommand,
  GetUserPoolMfaConfigCommand,
  InitiateAuthCommand,
  ListWebAuthnCredentialsCommand,
  RespondToAuthChallengeCommand,
  SetUserPoolMfaConfigCommand,
  StartWebAuthnRegistrationCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { Amplify } from 'aws-amplify';
import { confirmSignIn, signIn, signOut } from 'aws-amplify/auth';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createPool, createUser, expectCognitoError, PASSWORD, SES_EMAIL, SMS_CONFIGURATION } from './fixtures.js';
import { type Harness, latestMessage, startHarness } from './harness.js';
import { SoftPasskey } from './soft-authenticator.js';
import { SrpClient } from './srp-client.js';

let h: Harness;
beforeAll(async () => void (h = await startHarness()));
afterAll(() => h.stop());
afterEach(() => signOut().catch(() => {}));

const RP = 'localhost';
const ORIGIN = 'http://localhost:5173';
const FLOWS = ['ALLOW_USER_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] as const;

/** A pool with every first factor, passkeys for localhost, and SMS as an (optional) MFA factor. */
async function passwordlessPool(enabled: 'LEGACY' | 'ENABLED' = 'LEGACY') {
  const pool = await createPool(h.sdk, {
    mfa: 'OPTIONAL',
    sms: true,
    flows: [...FLOWS],
    preventUserExistenceErrors: enabled,
    pool: { EmailConfiguration: SES_EMAIL, SmsConfiguration: SMS_CONFIGURATION, Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN'] } } },
  });
  await h.sdk.send(
    new SetUserPoolMfaConfigCommand({
      UserPoolId: pool.poolId,
      MfaConfiguration: 'OPTIONAL',
      SmsMfaConfiguration: { SmsAuthenticationMessage: 'Code: {####}', SmsConfiguration: SMS_CONFIGURATION },
      EmailMfaConfiguration: { Message: 'Your sign-in code is {####}', Subject: 'Sign-in code' },
      WebAuthnConfiguration: { RelyingPartyId: RP, UserVerification: 'preferred' },
    }),
  );
  return pool;
}

const verifiedUser = (poolId: string, username: string) =>
  createUser(h.sdk, poolId, username, [
    { Name: 'email', Value: `${username}@example.com` },
    { Name: 'email_verified', Value: 'true' },
    { Name: 'phone_number', Value: '+15555550177' },
    { Name: 'phone_number_verified', Value: 'true' },
  ]);

const userAuth = (clientId: string, username: string, extra: Record<string, string> = {}) =>
  h.sdk.send(new InitiateAuthCommand({ AuthFlow: 'USER_AUTH', ClientId: clientId, AuthParameters: { USERNAME: username, ...extra } }));
const respond = (clientId: string, name: ChallengeNameType, session: string | undefined, responses: Record<string, string>) =>
  h.sdk.send(new RespondToAuthChallengeCommand({ ClientId: clientId, ChallengeName: name, Session: session, ChallengeResponses: responses }));

async function tokensFor(clientId: string, username: string) {
  const started = await userAuth(clientId, username, { PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD });
  return started.AuthenticationResult!.AccessToken!;
}

async function registerPasskey(clientId: string, username: string, passkey = new SoftPasskey(RP, ORIGIN)) {
  const AccessToken = await tokensFor(clientId, username);
  const { CredentialCreationOptions } = await h.sdk.send(new StartWebAuthnRegistrationCommand({ AccessToken }));
  await h.sdk.send(new CompleteWebAuthnRegistrationCommand({ AccessToken, Credential: passkey.register(CredentialCreationOptions as { challenge: string }) }));
  return { passkey, AccessToken };
}

describe('InitiateAuth USER_AUTH', () => {
  it('SELECT_CHALLENGE lists the first factors this user can use, in AvailableChallenges; ALLOW_USER_AUTH is needed', async () => {
    const { poolId, clientId } = await passwordlessPool();
    await verifiedUser(poolId, 'ava');
    const step = await userAuth(clientId, 'ava');
    expect(step.ChallengeName).toBe('SELECT_CHALLENGE');
    expect(step.AvailableChallenges).toEqual(['EMAIL_OTP', 'SMS_OTP', 'PASSWORD', 'PASSWORD_SRP']);
    await createUser(h.sdk, poolId, 'unverified', [{ Name: 'email', Value: 'u@example.com' }]);
    expect((await userAuth(clientId, 'unverified')).AvailableChallenges).toEqual(['PASSWORD', 'PASSWORD_SRP']);
    const plain = await createPool(h.sdk);
    await expectCognitoError(userAuth(plain.clientId, 'ava'), 'InvalidParameterException', 'USER_AUTH flow not enabled for this client');
  });

  it('EMAIL_OTP as the first factor: the code from the outbox ends the sign-in (no MFA after a passwordless factor); a wrong one is a mismatch', async () => {
    const { poolId, clientId } = await passwordlessPool();
    await verifiedUser(poolId, 'bea');
    const select = await userAuth(clientId, 'bea');
    const sent = await respond(clientId, 'SELECT_CHALLENGE', select.Session, { USERNAME: 'bea', ANSWER: 'EMAIL_OTP' });
    expect(sent.ChallengeName).toBe('EMAIL_OTP');
    expect(sent.ChallengeParameters).toMatchObject({ CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL', CODE_DELIVERY_DESTINATION: 'b***@e***' });
    const { code } = await latestMessage(h.emulator, 'bea');
    await expectCognitoError(respond(clientId, 'EMAIL_OTP', sent.Session, { USERNAME: 'bea', EMAIL_OTP_CODE: code === '000000' ? '111111' : '000000' }), 'CodeMismatchException');
    const done = await respond(clientId, 'EMAIL_OTP', sent.Session, { USERNAME: 'bea', EMAIL_OTP_CODE: code });
    expect(done.AuthenticationResult?.AccessToken).toBeTruthy();
  });

  it('PREFERRED_CHALLENGE starts that factor at once: SMS_OTP, PASSWORD, PASSWORD_SRP; one not available falls back to SELECT_CHALLENGE', async () => {
    const { poolId, clientId } = await passwordlessPool();
    await verifiedUser(poolId, 'cal');
    const sms = await userAuth(clientId, 'cal', { PREFERRED_CHALLENGE: 'SMS_OTP' });
    expect(sms.ChallengeName).toBe('SMS_OTP');
    const { code } = await latestMessage(h.emulator, 'cal');
    expect((await respond(clientId, 'SMS_OTP', sms.Session, { USERNAME: 'cal', SMS_OTP_CODE: code })).AuthenticationResult).toBeDefined();
    expect((await userAuth(clientId, 'cal', { PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD })).AuthenticationResult).toBeDefined();
    await expectCognitoError(userAuth(clientId, 'cal', { PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD: 'Wrong-Passw0rd!' }), 'NotAuthorizedException', 'Incorrect username or password.');
    const srp = new SrpClient(poolId.split('_')[1]);
    const verifier = await userAuth(clientId, 'cal', { PREFERRED_CHALLENGE: 'PASSWORD_SRP', SRP_A: srp.srpA });
    expect(verifier.ChallengeName).toBe('PASSWORD_VERIFIER');
    const proof = srp.respond(verifier.ChallengeParameters!, PASSWORD, new Date());
    expect((await respond(clientId, 'PASSWORD_VERIFIER', verifier.Session, proof)).AuthenticationResult).toBeDefined();
    // No passkey registered yet: WEB_AUTHN is not available, so the user chooses.
    expect((await userAuth(clientId, 'cal', { PREFERRED_CHALLENGE: 'WEB_AUTHN' })).ChallengeName).toBe('SELECT_CHALLENGE');
    await expectCognitoError(userAuth(clientId, 'cal', { PREFERRED_CHALLENGE: 'CARRIER_PIGEON' }), 'InvalidParameterException');
  });

  it('a user with MFA is offered only the password, and MFA follows it', async () => {
    const { poolId, clientId } = await passwordlessPool();
    await verifiedUser(poolId, 'dex');
    await h.sdk.send(new AdminSetUserMFAPreferenceCommand({ UserPoolId: poolId, Username: 'dex', SMSMfaSettings: { Enabled: true } }));
    const select = await userAuth(clientId, 'dex');
    expect(select.AvailableChallenges).toEqual(['PASSWORD', 'PASSWORD_SRP']);
    await expectCognitoError(respond(clientId, 'SELECT_CHALLENGE', select.Session, { USERNAME: 'dex', ANSWER: 'EMAIL_OTP' }), 'InvalidParameterException');
    const again = await userAuth(clientId, 'dex');
    const mfa = await respond(clientId, 'SELECT_CHALLENGE', again.Session, { USERNAME: 'dex', ANSWER: 'PASSWORD', PASSWORD });
    expect(mfa.ChallengeName).toBe('SMS_MFA');
  });

  it('unknown users: UserNotFoundException for LEGACY clients; with ENABLED the same choice as anyone, and codes that never match', async () => {
    const legacy = await passwordlessPool();
    await expectCognitoError(userAuth(legacy.clientId, 'ghost'), 'UserNotFoundException');
    const { clientId } = await passwordlessPool('ENABLED');
    const select = await userAuth(clientId, 'ghost');
    expect(select.AvailableChallenges).toEqual(['EMAIL_OTP', 'SMS_OTP', 'PASSWORD', 'PASSWORD_SRP']);
    const sent = await respond(clientId, 'SELECT_CHALLENGE', select.Session, { USERNAME: 'ghost', ANSWER: 'EMAIL_OTP' });
    expect(sent.ChallengeName).toBe('EMAIL_OTP');
    await expectCognitoError(respond(clientId, 'EMAIL_OTP', sent.Session, { USERNAME: 'ghost', EMAIL_OTP_CODE: '123456' }), 'CodeMismatchException');
    const another = await userAuth(clientId, 'ghost');
    await expectCognitoError(respond(clientId, 'SELECT_CHALLENGE', another.Session, { USERNAME: 'ghost', ANSWER: 'PASSWORD', PASSWORD }), 'NotAuthorizedException', 'Incorrect username or password.');
  });
});

describe('The pool: SignInPolicy and WebAuthnConfiguration', () => {
  it('describes AllowedFirstAuthFactors and the passkey configuration back', async () => {
    const { poolId } = await passwordlessPool();
    const { UserPool } = await h.sdk.send(new DescribeUserPoolCommand({ UserPoolId: poolId }));
    expect(UserPool!.Policies!.SignInPolicy).toEqual({ AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN'] });
    expect((await h.sdk.send(new GetUserPoolMfaConfigCommand({ UserPoolId: poolId }))).WebAuthnConfiguration).toEqual({ RelyingPartyId: 'localhost', UserVerification: 'preferred' });
  });

  it('refuses passwordless factors on the LITE tier, beside required MFA, and a policy without PASSWORD', async () => {
    const policy = (factors: ('PASSWORD' | 'EMAIL_OTP' | 'WEB_AUTHN')[]) => ({ SignInPolicy: { AllowedFirstAuthFactors: factors } });
    await expectCognitoError(
      h.sdk.send(new CreateUserPoolCommand({ PoolName: 'lite', UserPoolTier: 'LITE', Policies: policy(['PASSWORD', 'WEB_AUTHN']) })),
      'FeatureUnavailableInTierException',
    );
    await expectCognitoError(h.sdk.send(new CreateUserPoolCommand({ PoolName: 'no-password', Policies: policy(['WEB_AUTHN']) })), 'InvalidParameterException');
    await expectCognitoError(h.sdk.send(new CreateUserPoolCommand({ PoolName: 'no-ses', Policies: policy(['PASSWORD', 'EMAIL_OTP']) })), 'InvalidParameterException');
    const { poolId } = await passwordlessPool();
    await expectCognitoError(
      h.sdk.send(new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, MfaConfiguration: 'ON', SoftwareTokenMfaConfiguration: { Enabled: true } })),
      'InvalidParameterException',
      'Passwordless first factors cannot be allowed when MFA is required.',
    );
  });
});

describe('Passkeys', () => {
  it('registers a passkey, lists it, signs in with it (WEB_AUTHN, CREDENTIAL_REQUEST_OPTIONS), and deletes it', async () => {
    const { poolId, clientId } = await passwordlessPool();
    await verifiedUser(poolId, 'eli');
    const { passkey, AccessToken } = await registerPasskey(clientId, 'eli');
    const { Credentials } = await h.sdk.send(new ListWebAuthnCredentialsCommand({ AccessToken }));
    expect(Credentials).toHaveLength(1);
    expect(Credentials![0]).toMatchObject({ RelyingPartyId: RP, AuthenticatorAttachment: 'platform', FriendlyCredentialName: 'Passkey' });
    expect(Credentials![0].CreatedAt).toBeInstanceOf(Date);

    const challenge = await userAuth(clientId, 'eli', { PREFERRED_CHALLENGE: 'WEB_AUTHN' });
    expect(challenge.ChallengeName).toBe('WEB_AUTHN');
    const options = JSON.parse(challenge.ChallengeParameters!.CREDENTIAL_REQUEST_OPTIONS!) as { challenge: string; rpId: string; allowCredentials: { id: string }[] };
    expect(options.rpId).toBe(RP);
    expect(options.allowCredentials.map((c) => c.id)).toEqual([Credentials![0].CredentialId]);
    const done = await respond(clientId, 'WEB_AUTHN', challenge.Session, { USERNAME: 'eli', CREDENTIAL: JSON.stringify(passkey.assert(options)) });
    expect(done.AuthenticationResult?.AccessToken).toBeTruthy();
    expect((await userAuth(clientId, 'eli')).AvailableChallenges).toEqual(['WEB_AUTHN', 'EMAIL_OTP', 'SMS_OTP', 'PASSWORD', 'PASSWORD_SRP']);

    await h.sdk.send(new DeleteWebAuthnCredentialCommand({ AccessToken, CredentialId: Credentials![0].CredentialId }));
    expect((await h.sdk.send(new ListWebAuthnCredentialsCommand({ AccessToken }))).Credentials).toEqual([]);
    await expectCognitoError(h.sdk.send(new DeleteWebAuthnCredentialCommand({ AccessToken, CredentialId: Credentials![0].CredentialId })), 'ResourceNotFoundException');
  });

  it('refuses a wrong signature, another challenge, a counter that went back, another origin; the third failure ends the session', async () => {
    const { poolId, clientId } = await passwordlessPool();
    await verifiedUser(poolId, 'fin');
    const { passkey } = await registerPasskey(clientId, 'fin');
    const impostor = new SoftPasskey(RP, ORIGIN);
    const start = await userAuth(clientId, 'fin', { PREFERRED_CHALLENGE: 'WEB_AUTHN' });
    const options = JSON.parse(start.ChallengeParameters!.CREDENTIAL_REQUEST_OPTIONS!) as { challenge: string };
    const forged = { ...impostor.assert(options), id: passkey.register({ challenge: 'x' }).id, rawId: passkey.register({ challenge: 'x' }).id };
    await expectCognitoError(respond(clientId, 'WEB_AUTHN', start.Session, { USERNAME: 'fin', CREDENTIAL: JSON.stringify(forged) }), 'NotAuthorizedException');
    await expectCognitoError(respond(clientId, 'WEB_AUTHN', start.Session, { USERNAME: 'fin', CREDENTIAL: JSON.stringify(passkey.assert({ challenge: 'c29tZXRoaW5nLWVsc2U' })) }), 'NotAuthorizedException');
    await expectCognitoError(respond(clientId, 'WEB_AUTHN', start.Session, { USERNAME: 'fin', CREDENTIAL: JSON.stringify(forged) }), 'NotAuthorizedException', /too many failed attempts/);
    // The session is over: even the right passkey can't answer it now.
    await expectCognitoError(respond(clientId, 'WEB_AUTHN', start.Session, { USERNAME: 'fin', CREDENTIAL: JSON.stringify(passkey.assert(options)) }), 'NotAuthorizedException');

    const good = await userAuth(clientId, 'fin', { PREFERRED_CHALLENGE: 'WEB_AUTHN' });
    const goodOptions = JSON.parse(good.ChallengeParameters!.CREDENTIAL_REQUEST_OPTIONS!) as { challenge: string };
    await respond(clientId, 'WEB_AUTHN', good.Session, { USERNAME: 'fin', CREDENTIAL: JSON.stringify(passkey.assert(goodOptions, { counter: 5 })) });
    const next = await userAuth(clientId, 'fin', { PREFERRED_CHALLENGE: 'WEB_AUTHN' });
    const nextOptions = JSON.parse(next.ChallengeParameters!.CREDENTIAL_REQUEST_OPTIONS!) as { challenge: string };
    await expectCognitoError(
      respond(clientId, 'WEB_AUTHN', next.Session, { USERNAME: 'fin', CREDENTIAL: JSON.stringify(passkey.assert(nextOptions, { origin: 'https://evil.example.com' })) }),
      'WebAuthnOriginNotAllowedException',
    );
    // The counter stands at 5 now: one that does not move forward says the key was cloned.
    await expectCognitoError(respond(clientId, 'WEB_AUTHN', next.Session, { USERNAME: 'fin', CREDENTIAL: JSON.stringify(passkey.assert(nextOptions, { counter: 1 })) }), 'NotAuthorizedException');
  });

  it('registration errors: not enabled, no challenge, another origin, another relying party', async () => {
    const plain = await createPool(h.sdk, { flows: [...FLOWS], pool: { Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD'] } } } });
    await createUser(h.sdk, plain.poolId, 'gus');
    const plainToken = await tokensFor(plain.clientId, 'gus');
    await expectCognitoError(h.sdk.send(new StartWebAuthnRegistrationCommand({ AccessToken: plainToken })), 'WebAuthnNotEnabledException');

    const { poolId, clientId } = await passwordlessPool();
    await verifiedUser(poolId, 'hal');
    const AccessToken = await tokensFor(clientId, 'hal');
    const passkey = new SoftPasskey(RP, ORIGIN);
    await expectCognitoError(
      h.sdk.send(new CompleteWebAuthnRegistrationCommand({ AccessToken, Credential: passkey.register({ challenge: 'bm8tY2hhbGxlbmdl' }) })),
      'WebAuthnChallengeNotFoundException',
    );
    const { CredentialCreationOptions } = await h.sdk.send(new StartWebAuthnRegistrationCommand({ AccessToken }));
    const options = CredentialCreationOptions as { challenge: string; rp: { id: string }; authenticatorSelection: { residentKey: string } };
    expect(options.rp.id).toBe(RP);
    expect(options.authenticatorSelection.residentKey).toBe('required');
    await expectCognitoError(
      h.sdk.send(new CompleteWebAuthnRegistrationCommand({ AccessToken, Credential: passkey.register(options, { origin: 'https://evil.example.com' }) })),
      'WebAuthnOriginNotAllowedException',
    );
    await expectCognitoError(
      h.sdk.send(new CompleteWebAuthnRegistrationCommand({ AccessToken, Credential: passkey.register(options, { rpId: 'evil.example.com' }) })),
      'WebAuthnRelyingPartyMismatchException',
    );
    await expectCognitoError(h.sdk.send(new CompleteWebAuthnRegistrationCommand({ AccessToken, Credential: { nonsense: true } })), 'InvalidParameterException');
  });
});

describe('Amplify v6', () => {
  it('first-factor selection, then an e-mail code', async () => {
    const { poolId, clientId } = await passwordlessPool();
    await verifiedUser(poolId, 'ivy');
    Amplify.configure({ Auth: { Cognito: { userPoolId: poolId, userPoolClientId: clientId, userPoolEndpoint: h.emulator.url } } });
    const first = await signIn({ username: 'ivy', options: { authFlowType: 'USER_AUTH' } });
    expect(first.nextStep).toMatchObject({ signInStep: 'CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION', availableChallenges: ['EMAIL_OTP', 'SMS_OTP', 'PASSWORD', 'PASSWORD_SRP'] });
    const sent = await confirmSignIn({ challengeResponse: 'EMAIL_OTP' });
    expect(sent.nextStep).toMatchObject({ signInStep: 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE', codeDeliveryDetails: { destination: 'i***@e***' } });
    expect((await confirmSignIn({ challengeResponse: (await latestMessage(h.emulator, 'ivy')).code })).isSignedIn).toBe(true);
  });

  it('password as the chosen factor (CONFIRM_SIGN_IN_WITH_PASSWORD), and PASSWORD_SRP as the preferred one', async () => {
    const { poolId, clientId } = await passwordlessPool();
    await verifiedUser(poolId, 'jay');
    Amplify.configure({ Auth: { Cognito: { userPoolId: poolId, userPoolClientId: clientId, userPoolEndpoint: h.emulator.url } } });
    await signIn({ username: 'jay', options: { authFlowType: 'USER_AUTH' } });
    expect((await confirmSignIn({ challengeResponse: 'PASSWORD' })).nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_PASSWORD');
    expect((await confirmSignIn({ challengeResponse: PASSWORD })).isSignedIn).toBe(true);
    await signOut();
    expect((await signIn({ username: 'jay', password: PASSWORD, options: { authFlowType: 'USER_AUTH', preferredChallenge: 'PASSWORD_SRP' } })).isSignedIn).toBe(true);
  });
});
