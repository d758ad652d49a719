/**
 * E-mail one-time codes as an MFA factor, with the AWS SDK v3 and Amplify v6. Sources: API reference
 * (AR) EmailMfaConfigType, EmailMfaSettingsType, SetUserPoolMfaConfig, RespondToAuthChallenge;
 * Amplify v6's signInHelpers (EMAIL_OTP, MFA_SETUP with EMAIL).
 */
import {
  AdminGetUserCommand,
  AdminSetUserMFAPreferenceCommand,
  CreateUserPoolCommand,
  GetUserCommand,
  GetUserPoolMfaConfigCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  SetUserMFAPreferenceCommand,
  SetUserPoolMfaConfigCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { Amplify } from 'aws-amplify';
import { confirmSignIn, fetchMFAPreference, signIn, signOut, updateMFAPreference } from 'aws-amplify/auth';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createPool, createUser, expectCognitoError, PASSWORD, SES_EMAIL, SMS_CONFIGURATION } from './fixtures.js';
import { type Harness, latestMessage, startHarness } from './harness.js';

let h: Harness;
beforeAll(async () => void (h = await startHarness()));
afterAll(() => h.stop());
afterEach(() => signOut().catch(() => {}));

const signInWithPassword = (clientId: string, username: string) =>
  h.sdk.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: username, PASSWORD } }));

const answer = (clientId: string, name: 'EMAIL_OTP' | 'SELECT_MFA_TYPE' | 'MFA_SETUP', session: string | undefined, responses: Record<string, string>) =>
  h.sdk.send(new RespondToAuthChallengeCommand({ ClientId: clientId, ChallengeName: name, Session: session, ChallengeResponses: responses }));

async function emailMfaUser(username: string, setup: Parameters<typeof createPool>[1] = {}) {
  const pool = await createPool(h.sdk, { mfa: 'OPTIONAL', email: true, ...setup });
  await createUser(h.sdk, pool.poolId, username, [
    { Name: 'email', Value: `${username}@example.com` },
    { Name: 'email_verified', Value: 'true' },
  ]);
  await h.sdk.send(new AdminSetUserMFAPreferenceCommand({ UserPoolId: pool.poolId, Username: username, EmailMfaSettings: { Enabled: true, PreferredMfa: true } }));
  return pool;
}

describe('SetUserPoolMfaConfig / GetUserPoolMfaConfig: EmailMfaConfiguration', () => {
  it('is kept and described back, with the {####} message and subject', async () => {
    const { poolId } = await createPool(h.sdk, { mfa: 'OPTIONAL', email: true });
    const config = await h.sdk.send(new GetUserPoolMfaConfigCommand({ UserPoolId: poolId }));
    expect(config.EmailMfaConfiguration).toEqual({ Message: 'Your sign-in code is {####}', Subject: 'Sign-in code' });
    expect(config.MfaConfiguration).toBe('OPTIONAL');
    // Left out of the next call, the factor is off again, as with SMS and TOTP.
    await h.sdk.send(new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, MfaConfiguration: 'OPTIONAL', SoftwareTokenMfaConfiguration: { Enabled: true } }));
    expect((await h.sdk.send(new GetUserPoolMfaConfigCommand({ UserPoolId: poolId }))).EmailMfaConfiguration).toBeUndefined();
  });

  it('"must be in the Essentials tier or higher" (AR: EmailMfaConfigType): a LITE pool gets FeatureUnavailableInTierException', async () => {
    const { UserPool } = await h.sdk.send(new CreateUserPoolCommand({ PoolName: 'lite', UserPoolTier: 'LITE', EmailConfiguration: SES_EMAIL }));
    await expectCognitoError(
      h.sdk.send(new SetUserPoolMfaConfigCommand({ UserPoolId: UserPool!.Id, MfaConfiguration: 'OPTIONAL', EmailMfaConfiguration: { Message: 'Code {####}' } })),
      'FeatureUnavailableInTierException',
    );
  });

  it('needs a pool that sends e-mail with Amazon SES, and a message with {####}; OFF can\'t carry it', async () => {
    const { poolId } = await createPool(h.sdk);
    await expectCognitoError(
      h.sdk.send(new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, MfaConfiguration: 'OPTIONAL', EmailMfaConfiguration: { Message: 'Code {####}' } })),
      'InvalidParameterException',
      /EmailSendingAccount DEVELOPER/,
    );
    const { UserPool } = await h.sdk.send(new CreateUserPoolCommand({ PoolName: 'ses', EmailConfiguration: SES_EMAIL }));
    await expectCognitoError(
      h.sdk.send(new SetUserPoolMfaConfigCommand({ UserPoolId: UserPool!.Id, MfaConfiguration: 'OPTIONAL', EmailMfaConfiguration: { Message: 'Code without placeholder' } })),
      'InvalidParameterException',
      /\{####\}/,
    );
    // go-to-k/cdkd issue 1923, measured against Cognito: OFF with an e-mail block is refused.
    await expectCognitoError(
      h.sdk.send(new SetUserPoolMfaConfigCommand({ UserPoolId: UserPool!.Id, MfaConfiguration: 'OFF', EmailMfaConfiguration: { Message: 'Code {####}' } })),
      'InvalidParameterException',
      "Invalid MFA configuration given, can't turn off MFA and configure an MFA together.",
    );
  });
});

describe('SetUserMFAPreference / AdminSetUserMFAPreference: EmailMfaSettings', () => {
  it('turns e-mail codes on and preferred, listed as EMAIL_OTP; needs an address and a pool with e-mail MFA', async () => {
    const { poolId, clientId } = await createPool(h.sdk, { mfa: 'OPTIONAL', email: true, totp: true });
    await createUser(h.sdk, poolId, 'no-address');
    await expectCognitoError(
      h.sdk.send(new AdminSetUserMFAPreferenceCommand({ UserPoolId: poolId, Username: 'no-address', EmailMfaSettings: { Enabled: true } })),
      'InvalidParameterException',
      'User does not have delivery config set to turn on EMAIL_OTP',
    );
    await createUser(h.sdk, poolId, 'mailer', [{ Name: 'email', Value: 'mailer@example.com' }]);
    const { AuthenticationResult } = await signInWithPassword(clientId, 'mailer');
    const AccessToken = AuthenticationResult!.AccessToken;
    await h.sdk.send(new SetUserMFAPreferenceCommand({ AccessToken, EmailMfaSettings: { Enabled: true, PreferredMfa: true } }));
    const user = await h.sdk.send(new GetUserCommand({ AccessToken }));
    expect(user.UserMFASettingList).toEqual(['EMAIL_OTP']);
    expect(user.PreferredMfaSetting).toBe('EMAIL_OTP');
    await expectCognitoError(
      h.sdk.send(new SetUserMFAPreferenceCommand({ AccessToken, EmailMfaSettings: { Enabled: true, PreferredMfa: true }, SMSMfaSettings: { PreferredMfa: true } })),
      'InvalidParameterException',
    );
    await h.sdk.send(new SetUserMFAPreferenceCommand({ AccessToken, EmailMfaSettings: { Enabled: false } }));
    const after = await h.sdk.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'mailer' }));
    expect(after.UserMFASettingList).toBeUndefined();
    expect(after.PreferredMfaSetting).toBeUndefined();

    const plain = await createPool(h.sdk, { mfa: 'OPTIONAL', totp: true });
    await createUser(h.sdk, plain.poolId, 'mailer', [{ Name: 'email', Value: 'mailer@example.com' }]);
    await expectCognitoError(
      h.sdk.send(new AdminSetUserMFAPreferenceCommand({ UserPoolId: plain.poolId, Username: 'mailer', EmailMfaSettings: { Enabled: true } })),
      'InvalidParameterException',
    );
  });
});

describe('The EMAIL_OTP challenge', () => {
  it('sends the pool\'s message to the outbox, names EMAIL and the masked address, and takes EMAIL_OTP_CODE', async () => {
    const { clientId } = await emailMfaUser('quinn');
    const step = await signInWithPassword(clientId, 'quinn');
    expect(step.ChallengeName).toBe('EMAIL_OTP');
    expect(step.ChallengeParameters).toMatchObject({ CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL', CODE_DELIVERY_DESTINATION: 'q***@e***' });
    const mail = await latestMessage(h.emulator, 'quinn');
    expect(mail).toMatchObject({ channel: 'EMAIL', destination: 'quinn@example.com', message: `Your sign-in code is ${mail.code}` });
    const wrong = mail.code === '000000' ? '111111' : '000000';
    await expectCognitoError(answer(clientId, 'EMAIL_OTP', step.Session, { USERNAME: 'quinn', EMAIL_OTP_CODE: wrong }), 'CodeMismatchException');
    const done = await answer(clientId, 'EMAIL_OTP', step.Session, { USERNAME: 'quinn', EMAIL_OTP_CODE: mail.code });
    expect(done.AuthenticationResult?.AccessToken).toBeTruthy();
  });

  it('SELECT_MFA_TYPE offers all three factors, and EMAIL_OTP as the answer sends the code', async () => {
    const { poolId, clientId } = await createPool(h.sdk, { mfa: 'OPTIONAL', email: true, sms: true, totp: true });
    await createUser(h.sdk, poolId, 'trio', [
      { Name: 'email', Value: 'trio@example.com' },
      { Name: 'phone_number', Value: '+15555550123' },
    ]);
    await h.sdk.send(new AdminSetUserMFAPreferenceCommand({ UserPoolId: poolId, Username: 'trio', SMSMfaSettings: { Enabled: true }, EmailMfaSettings: { Enabled: true } }));
    const step = await signInWithPassword(clientId, 'trio');
    expect(step.ChallengeName).toBe('SELECT_MFA_TYPE');
    expect(JSON.parse(step.ChallengeParameters!.MFAS_CAN_CHOOSE!)).toEqual(['SMS_MFA', 'EMAIL_OTP']);
    const chosen = await answer(clientId, 'SELECT_MFA_TYPE', step.Session, { USERNAME: 'trio', ANSWER: 'EMAIL_OTP' });
    expect(chosen.ChallengeName).toBe('EMAIL_OTP');
    const { code } = await latestMessage(h.emulator, 'trio');
    expect((await answer(clientId, 'EMAIL_OTP', chosen.Session, { USERNAME: 'trio', EMAIL_OTP_CODE: code })).AuthenticationResult).toBeDefined();
  });

  it('MFA_SETUP offers every factor of a pool that requires MFA; EMAIL sets the address up through a code', async () => {
    const { poolId, clientId } = await createPool(h.sdk, { mfa: 'ON', email: true, totp: true });
    await createUser(h.sdk, poolId, 'newbie');
    const step = await signInWithPassword(clientId, 'newbie');
    expect(step.ChallengeName).toBe('MFA_SETUP');
    expect(JSON.parse(step.ChallengeParameters!.MFAS_CAN_SETUP!)).toEqual(['SOFTWARE_TOKEN_MFA', 'EMAIL_OTP']);
    await expectCognitoError(answer(clientId, 'MFA_SETUP', step.Session, { USERNAME: 'newbie', EMAIL: 'not-an-address' }), 'InvalidParameterException');
    const sent = await answer(clientId, 'MFA_SETUP', step.Session, { USERNAME: 'newbie', EMAIL: 'newbie@example.com' });
    expect(sent.ChallengeName).toBe('EMAIL_OTP');
    expect(sent.ChallengeParameters!.CODE_DELIVERY_DESTINATION).toBe('n***@e***');
    const { code, destination } = await latestMessage(h.emulator, 'newbie');
    expect(destination).toBe('newbie@example.com');
    expect((await answer(clientId, 'EMAIL_OTP', sent.Session, { USERNAME: 'newbie', EMAIL_OTP_CODE: code })).AuthenticationResult).toBeDefined();
    const user = await h.sdk.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'newbie' }));
    expect(user.UserMFASettingList).toEqual(['EMAIL_OTP']);
    expect(user.UserAttributes).toEqual(expect.arrayContaining([{ Name: 'email', Value: 'newbie@example.com' }, { Name: 'email_verified', Value: 'true' }]));
    // The next sign-in asks for an e-mail code.
    expect((await signInWithPassword(clientId, 'newbie')).ChallengeName).toBe('EMAIL_OTP');
  });

  it('an SMS pool without e-mail MFA does not offer EMAIL in MFA_SETUP', async () => {
    const { poolId, clientId } = await createPool(h.sdk, { mfa: 'ON', totp: true, pool: { SmsConfiguration: SMS_CONFIGURATION } });
    await createUser(h.sdk, poolId, 'plain');
    const step = await signInWithPassword(clientId, 'plain');
    await expectCognitoError(answer(clientId, 'MFA_SETUP', step.Session, { USERNAME: 'plain', EMAIL: 'plain@example.com' }), 'InvalidParameterException');
  });
});

describe('Amplify v6', () => {
  const configure = (poolId: string, clientId: string) =>
    Amplify.configure({ Auth: { Cognito: { userPoolId: poolId, userPoolClientId: clientId, userPoolEndpoint: h.emulator.url } } });

  it('CONFIRM_SIGN_IN_WITH_EMAIL_CODE with the masked address; fetchMFAPreference and updateMFAPreference know e-mail', async () => {
    const { poolId, clientId } = await emailMfaUser('amp');
    configure(poolId, clientId);
    const result = await signIn({ username: 'amp', password: PASSWORD });
    expect(result.nextStep).toMatchObject({ signInStep: 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE', codeDeliveryDetails: { deliveryMedium: 'EMAIL', destination: 'a***@e***' } });
    const { code } = await latestMessage(h.emulator, 'amp');
    expect((await confirmSignIn({ challengeResponse: code })).isSignedIn).toBe(true);
    expect(await fetchMFAPreference()).toMatchObject({ enabled: ['EMAIL'], preferred: 'EMAIL' });
    await updateMFAPreference({ email: 'DISABLED' });
    expect((await fetchMFAPreference()).enabled).toBeUndefined();
  });

  it('MFA set-up selection → e-mail set-up → code, in a pool that requires MFA', async () => {
    const { poolId, clientId } = await createPool(h.sdk, { mfa: 'ON', email: true, totp: true });
    await createUser(h.sdk, poolId, 'amp-new');
    configure(poolId, clientId);
    const first = await signIn({ username: 'amp-new', password: PASSWORD });
    expect(first.nextStep).toMatchObject({ signInStep: 'CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION', allowedMFATypes: ['TOTP', 'EMAIL'] });
    expect((await confirmSignIn({ challengeResponse: 'EMAIL' })).nextStep.signInStep).toBe('CONTINUE_SIGN_IN_WITH_EMAIL_SETUP');
    const sent = await confirmSignIn({ challengeResponse: 'amp-new@example.com' });
    expect(sent.nextStep).toMatchObject({ signInStep: 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE', codeDeliveryDetails: { destination: 'a***@e***' } });
    const { code } = await latestMessage(h.emulator, 'amp-new');
    expect((await confirmSignIn({ challengeResponse: code })).isSignedIn).toBe(true);
  });
});
