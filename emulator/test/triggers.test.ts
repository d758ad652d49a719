/**
 * Lambda triggers (DG = Amazon Cognito developer guide, one page per trigger): PreSignUp,
 * PostConfirmation, PreAuthentication, PostAuthentication, CustomMessage and UserMigration: the
 * events they receive, how their answers apply, and what a throw, a timeout, a malformed answer or a
 * function that isn't there does. Handlers are given inline; two are real module files (ESM, CJS).
 */
import {
  AdminConfirmSignUpCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminInitiateAuthCommand,
  AdminResetUserPasswordCommand,
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  ForgotPasswordCommand,
  GetUserAttributeVerificationCodeCommand,
  InitiateAuthCommand,
  ResendConfirmationCodeCommand,
  RespondToAuthChallengeCommand,
  SignUpCommand,
  UpdateUserAttributesCommand,
  UpdateUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { federatedPool, nextIdentity, oidcClient, startCodeFlow, APP } from './federation-fixtures.js';
import { createPool, createUser, expectCognitoError, PASSWORD, type PoolSetup } from './fixtures.js';
import { type Harness, latestMessage, startHarness } from './harness.js';
import { SrpClient } from './srp-client.js';
import { type Event, triggerRecorder } from './trigger-recorder.js';
import { landed, TestBrowser } from './test-browser.js';

const { events, behaviour, recorder } = triggerRecorder();
const INLINE = ['preSignUp', 'postConfirmation', 'preAuth', 'postAuth', 'customMessage', 'migrate'] as const;

const moduleFile = (name: string) => fileURLToPath(new URL(`./lambdas/${name}`, import.meta.url));
const arn = (name: string) => `arn:aws:lambda:eu-west-1:123456789012:function:${name}`;

let h: Harness;
beforeAll(async () => {
  h = await startHarness(undefined, {
    tls: true,
    lambdas: {
      ...Object.fromEntries(INLINE.map((n) => [n, recorder(n)])),
      // A function that never answers, one that answers what no trigger can read.
      silent: () => new Promise(() => {}),
      garbled: async () => 'not an event',
      esmPreSignUp: moduleFile('pre-sign-up.mjs'),
      cjsCustomMessage: moduleFile('custom-message.cjs'),
    },
  });
});
afterAll(() => h.stop());
beforeEach(() => {
  for (const name of Object.keys(events)) delete events[name];
  for (const name of Object.keys(behaviour)) delete behaviour[name];
});

const fail = (message: string) => () => {
  throw new Error(message);
};
const respond = (response: Record<string, unknown>) => (event: Event) => ({ ...event, response: { ...event.response, ...response } });

/** A pool whose LambdaConfig names these functions (trigger → function name). */
function triggerPool(triggers: Record<string, string>, setup: PoolSetup = {}) {
  return createPool(h.sdk, { ...setup, pool: { ...setup.pool, LambdaConfig: Object.fromEntries(Object.entries(triggers).map(([t, n]) => [t, arn(n)])) } });
}

const emailPool = { pool: { AutoVerifiedAttributes: ['email' as const] } };

const userOf = (poolId: string, username: string) => h.sdk.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: username }));
const attributesOf = async (poolId: string, username: string) => Object.fromEntries((await userOf(poolId, username)).UserAttributes!.map((a) => [a.Name, a.Value]));
const passwordSignIn = (clientId: string, username: string, password = PASSWORD, metadata?: Record<string, string>) =>
  h.sdk.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: username, PASSWORD: password }, ClientMetadata: metadata }));
const outbox = async (username: string) => (await (await fetch(`${h.emulator.url}/_emulator/outbox?username=${encodeURIComponent(username)}`)).json()) as { message: string; code: string }[];

function expectCommon(event: Event, poolId: string, triggerSource: string, userName: string, clientId = 'CLIENT_ID_NOT_APPLICABLE') {
  expect(event).toMatchObject({ version: '1', triggerSource, region: 'eu-west-1', userPoolId: poolId, userName, callerContext: { clientId } });
  expect(typeof event.callerContext.awsSdkVersion).toBe('string');
}

describe('PreSignUp (DG, pre sign-up Lambda trigger)', () => {
  it('SignUp: the event; autoConfirmUser and autoVerifyEmail confirm the user without a code, then PostConfirmation runs', async () => {
    const { poolId, clientId } = await triggerPool({ PreSignUp: 'preSignUp', PostConfirmation: 'postConfirmation' }, emailPool);
    behaviour.preSignUp = respond({ autoConfirmUser: true, autoVerifyEmail: true });
    const result = await h.sdk.send(
      new SignUpCommand({
        ClientId: clientId,
        Username: 'pre-ann',
        Password: PASSWORD,
        UserAttributes: [{ Name: 'email', Value: 'ann@example.com' }],
        ValidationData: [{ Name: 'invite', Value: 'abc' }],
        ClientMetadata: { app: 'web' },
      }),
    );
    const [event] = events.preSignUp!;
    expectCommon(event, poolId, 'PreSignUp_SignUp', 'pre-ann', clientId);
    expect(event.request).toEqual({ userAttributes: { email: 'ann@example.com' }, validationData: { invite: 'abc' }, clientMetadata: { app: 'web' } });
    expect(event.response).toEqual({ autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false });
    expect(result.UserConfirmed).toBe(true);
    expect(result.CodeDeliveryDetails).toBeUndefined();
    expect(await outbox('pre-ann')).toEqual([]);
    expect((await userOf(poolId, 'pre-ann')).UserStatus).toBe('CONFIRMED');
    expect(await attributesOf(poolId, 'pre-ann')).toMatchObject({ email_verified: 'true' });
    expect(events.postConfirmation).toHaveLength(1);
    expect(events.postConfirmation![0].triggerSource).toBe('PostConfirmation_ConfirmSignUp');
    expect((await passwordSignIn(clientId, 'pre-ann')).AuthenticationResult?.IdToken).toBeDefined();
  });

  it('SignUp: an empty answer leaves the user unconfirmed with a code; a throw refuses the sign-up and stores nothing', async () => {
    const { poolId, clientId } = await triggerPool({ PreSignUp: 'preSignUp' }, emailPool);
    const plain = await h.sdk.send(new SignUpCommand({ ClientId: clientId, Username: 'pre-bob', Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: 'bob@example.com' }] }));
    expect(plain.UserConfirmed).toBe(false);
    expect(plain.CodeDeliveryDetails?.DeliveryMedium).toBe('EMAIL');
    expect(events.preSignUp![0].request.validationData).toBeNull();

    behaviour.preSignUp = fail('Invitations only');
    await expectCognitoError(
      h.sdk.send(new SignUpCommand({ ClientId: clientId, Username: 'pre-cat', Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: 'cat@example.com' }] })),
      'UserLambdaValidationException',
      'PreSignUp failed with error Invitations only.',
    );
    await expectCognitoError(userOf(poolId, 'pre-cat'), 'UserNotFoundException');
    expect(await outbox('pre-cat')).toEqual([]);
  });

  it('autoVerifyPhone without a phone number is an error and no user (DG: "the phone_number attribute must have a valid, non-null value")', async () => {
    const { poolId, clientId } = await triggerPool({ PreSignUp: 'preSignUp' }, emailPool);
    behaviour.preSignUp = respond({ autoConfirmUser: true, autoVerifyPhone: true });
    await expectCognitoError(
      h.sdk.send(new SignUpCommand({ ClientId: clientId, Username: 'pre-dan', Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: 'dan@example.com' }] })),
      'InvalidLambdaResponseException',
    );
    await expectCognitoError(userOf(poolId, 'pre-dan'), 'UserNotFoundException');
  });

  it('AdminCreateUser: PreSignUp_AdminCreateUser; its answer is ignored; a throw stores nothing', async () => {
    const { poolId } = await triggerPool({ PreSignUp: 'preSignUp' });
    behaviour.preSignUp = respond({ autoConfirmUser: true });
    await h.sdk.send(
      new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'pre-eve', MessageAction: 'SUPPRESS', ValidationData: [{ Name: 'k', Value: 'v' }], ClientMetadata: { by: 'admin' } }),
    );
    const [event] = events.preSignUp!;
    expectCommon(event, poolId, 'PreSignUp_AdminCreateUser', 'pre-eve');
    expect(event.request).toMatchObject({ validationData: { k: 'v' }, clientMetadata: { by: 'admin' } });
    expect((await userOf(poolId, 'pre-eve')).UserStatus).toBe('FORCE_CHANGE_PASSWORD');

    behaviour.preSignUp = fail('No admins today');
    await expectCognitoError(h.sdk.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'pre-fay' })), 'UserLambdaValidationException', 'PreSignUp failed with error No admins today.');
    await expectCognitoError(userOf(poolId, 'pre-fay'), 'UserNotFoundException');
  });

  it('a module file (ESM, async handler) confirms one domain and refuses another', async () => {
    const { poolId, clientId } = await triggerPool({ PreSignUp: 'esmPreSignUp' }, emailPool);
    const confirmed = await h.sdk.send(new SignUpCommand({ ClientId: clientId, Username: 'esm-gus', Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: 'gus@example.com' }] }));
    expect(confirmed.UserConfirmed).toBe(true);
    await expectCognitoError(
      h.sdk.send(new SignUpCommand({ ClientId: clientId, Username: 'esm-hal', Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: 'hal@blocked.example' }] })),
      'UserLambdaValidationException',
      'PreSignUp failed with error Sign-ups from blocked.example are closed.',
    );
    await expectCognitoError(userOf(poolId, 'esm-hal'), 'UserNotFoundException');
  });

  it('a function that never answers: UnexpectedLambdaException after Cognito\'s 5 seconds, nothing stored', async () => {
    const { poolId, clientId } = await triggerPool({ PreSignUp: 'silent' });
    const started = Date.now();
    await expectCognitoError(h.sdk.send(new SignUpCommand({ ClientId: clientId, Username: 'slow-ivy', Password: PASSWORD })), 'UnexpectedLambdaException');
    expect(Date.now() - started).toBeGreaterThanOrEqual(4900);
    await expectCognitoError(userOf(poolId, 'slow-ivy'), 'UserNotFoundException');
  }, 10_000);

  it('first federated sign-in: PreSignUp_ExternalProvider with the mapped attributes; a throw refuses the sign-in and stores nobody', async () => {
    const fed = await federatedPool(h);
    await h.sdk.send(new UpdateUserPoolCommand({ UserPoolId: fed.poolId, LambdaConfig: { PreSignUp: arn('preSignUp') } }));
    const config = await oidcClient(h.emulator, fed);
    const signIn = async () => {
      const flow = await startCodeFlow(config, { identity_provider: 'Google' });
      return landed(await new TestBrowser(h.emulator.tls!.ca).go(flow.url, APP));
    };
    await nextIdentity(h.emulator, { provider: 'google', email: 'jo@gmail.example', sub: '1111' });
    expect((await signIn()).searchParams.get('code')).toBeTruthy();
    const [event] = events.preSignUp!;
    expectCommon(event, fed.poolId, 'PreSignUp_ExternalProvider', 'Google_1111', fed.clientId);
    expect(event.request.userAttributes).toMatchObject({ email: 'jo@gmail.example' });
    // The next sign-in is not a sign-up.
    await nextIdentity(h.emulator, { provider: 'google', email: 'jo@gmail.example', sub: '1111' });
    await signIn();
    expect(events.preSignUp).toHaveLength(1);

    behaviour.preSignUp = fail('Not from Google');
    await nextIdentity(h.emulator, { provider: 'google', email: 'kim@gmail.example', sub: '2222' });
    const back = await signIn();
    expect(back.searchParams.get('code')).toBeNull();
    expect(back.searchParams.get('error_description')).toBe('PreSignUp failed with error Not from Google.');
    await expectCognitoError(userOf(fed.poolId, 'Google_2222'), 'UserNotFoundException');
  });
});

describe('PostConfirmation (DG, post confirmation Lambda trigger)', () => {
  it('ConfirmSignUp: the confirmed user\'s attributes with cognito:user_status, and ClientMetadata', async () => {
    const { poolId, clientId } = await triggerPool({ PostConfirmation: 'postConfirmation' }, emailPool);
    await h.sdk.send(new SignUpCommand({ ClientId: clientId, Username: 'pc-ann', Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: 'pc-ann@example.com' }] }));
    const { code } = await latestMessage(h.emulator, 'pc-ann');
    await h.sdk.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: 'pc-ann', ConfirmationCode: code, ClientMetadata: { step: 'confirm' } }));
    const [event] = events.postConfirmation!;
    expectCommon(event, poolId, 'PostConfirmation_ConfirmSignUp', 'pc-ann', clientId);
    expect(event.request).toEqual({
      userAttributes: { sub: expect.any(String), email: 'pc-ann@example.com', email_verified: 'true', 'cognito:user_status': 'CONFIRMED' },
      clientMetadata: { step: 'confirm' },
    });
    expect(event.response).toEqual({});
  });

  it('AdminConfirmSignUp and ConfirmForgotPassword', async () => {
    const { poolId, clientId } = await triggerPool({ PostConfirmation: 'postConfirmation' }, emailPool);
    await h.sdk.send(new SignUpCommand({ ClientId: clientId, Username: 'pc-bob', Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: 'pc-bob@example.com' }] }));
    await h.sdk.send(new AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: 'pc-bob' }));
    expectCommon(events.postConfirmation![0], poolId, 'PostConfirmation_ConfirmSignUp', 'pc-bob');

    await createUser(h.sdk, poolId, 'pc-cat', [{ Name: 'email', Value: 'pc-cat@example.com' }, { Name: 'email_verified', Value: 'true' }]);
    await h.sdk.send(new ForgotPasswordCommand({ ClientId: clientId, Username: 'pc-cat' }));
    const { code } = await latestMessage(h.emulator, 'pc-cat');
    await h.sdk.send(new ConfirmForgotPasswordCommand({ ClientId: clientId, Username: 'pc-cat', ConfirmationCode: code, Password: 'New-Passw0rd!' }));
    expectCommon(events.postConfirmation![1], poolId, 'PostConfirmation_ConfirmForgotPassword', 'pc-cat', clientId);
  });

  it('a throw is the caller\'s error; the confirmation stands (the trigger runs after it)', async () => {
    const { poolId, clientId } = await triggerPool({ PostConfirmation: 'postConfirmation' }, emailPool);
    behaviour.postConfirmation = fail('CRM is down');
    await h.sdk.send(new SignUpCommand({ ClientId: clientId, Username: 'pc-dan', Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: 'pc-dan@example.com' }] }));
    const { code } = await latestMessage(h.emulator, 'pc-dan');
    await expectCognitoError(
      h.sdk.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: 'pc-dan', ConfirmationCode: code })),
      'UserLambdaValidationException',
      'PostConfirmation failed with error CRM is down.',
    );
    expect((await userOf(poolId, 'pc-dan')).UserStatus).toBe('CONFIRMED');
  });

  it('an ARN with no function behind it: UnexpectedLambdaException, and the emulator goes on', async () => {
    const { poolId, clientId } = await triggerPool({ PostConfirmation: 'nosuchfunction' });
    await h.sdk.send(new SignUpCommand({ ClientId: clientId, Username: 'pc-fay', Password: PASSWORD }));
    await expectCognitoError(h.sdk.send(new AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: 'pc-fay' })), 'UnexpectedLambdaException');
    expect((await userOf(poolId, 'pc-fay')).UserStatus).toBe('CONFIRMED');
    expect((await passwordSignIn(clientId, 'pc-fay')).AuthenticationResult?.AccessToken).toBeDefined();
  });
});

describe('PreAuthentication and PostAuthentication (DG, pre / post authentication Lambda triggers)', () => {
  it('USER_PASSWORD_AUTH: PreAuthentication gets the attributes and ClientMetadata as validationData; PostAuthentication follows, without it; tokens', async () => {
    const { poolId, clientId } = await triggerPool({ PreAuthentication: 'preAuth', PostAuthentication: 'postAuth' });
    await createUser(h.sdk, poolId, 'auth-ann', [{ Name: 'email', Value: 'auth-ann@example.com' }]);
    const result = await passwordSignIn(clientId, 'auth-ann', PASSWORD, { device: 'kiosk' });
    expect(result.AuthenticationResult?.IdToken).toBeDefined();
    const [pre] = events.preAuth!;
    expectCommon(pre, poolId, 'PreAuthentication_Authentication', 'auth-ann', clientId);
    expect(pre.request).toEqual({ userAttributes: expect.objectContaining({ email: 'auth-ann@example.com', 'cognito:user_status': 'CONFIRMED' }), validationData: { device: 'kiosk' } });
    const [post] = events.postAuth!;
    expectCommon(post, poolId, 'PostAuthentication_Authentication', 'auth-ann', clientId);
    // newDeviceUsed only when the pool remembers devices. InitiateAuth "invokes the following triggers
    // without ClientMetadata as input: Post authentication, Custom message, …" (API reference, InitiateAuth ClientMetadata).
    expect(post.request).toEqual({ userAttributes: expect.objectContaining({ email: 'auth-ann@example.com' }) });
  });

  it('a PreAuthentication throw refuses the sign-in before the password is checked (every password flow)', async () => {
    const { poolId, clientId } = await triggerPool({ PreAuthentication: 'preAuth', PostAuthentication: 'postAuth' }, {
      flows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    });
    await createUser(h.sdk, poolId, 'auth-bob');
    behaviour.preAuth = fail('Blocked');
    const refused = ['UserLambdaValidationException', 'PreAuthentication failed with error Blocked.'] as const;
    await expectCognitoError(passwordSignIn(clientId, 'auth-bob', 'Wrong-Passw0rd!'), ...refused);
    await expectCognitoError(
      h.sdk.send(new AdminInitiateAuthCommand({ UserPoolId: poolId, ClientId: clientId, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'auth-bob', PASSWORD } })),
      ...refused,
    );
    await expectCognitoError(h.sdk.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: 'auth-bob', SRP_A: new SrpClient('x').srpA } })), ...refused);
    await expectCognitoError(
      h.sdk.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: 'auth-bob', PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD } })),
      ...refused,
    );
    expect(events.postAuth).toBeUndefined();
    // SRP runs it at InitiateAuth, before the proof: allowed, the sign-in completes.
    delete behaviour.preAuth;
    const srp = new SrpClient(poolId.split('_')[1]!);
    const start = await h.sdk.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: 'auth-bob', SRP_A: srp.srpA } }));
    const done = await h.sdk.send(
      new RespondToAuthChallengeCommand({ ClientId: clientId, ChallengeName: 'PASSWORD_VERIFIER', ChallengeResponses: srp.respond(start.ChallengeParameters!, PASSWORD, new Date()) }),
    );
    expect(done.AuthenticationResult?.AccessToken).toBeDefined();
    expect(events.postAuth).toHaveLength(1);
  });

  it('PreventUserExistenceErrors ENABLED: an unknown user reaches PreAuthentication with userNotFound', async () => {
    const { poolId, clientId } = await triggerPool({ PreAuthentication: 'preAuth' }, { preventUserExistenceErrors: 'ENABLED' });
    await createUser(h.sdk, poolId, 'auth-cat');
    await passwordSignIn(clientId, 'auth-cat');
    expect(events.preAuth![0].request.userNotFound).toBe(false);
    await expectCognitoError(passwordSignIn(clientId, 'auth-nobody'), 'NotAuthorizedException', 'Incorrect username or password.');
    expect(events.preAuth![1]).toMatchObject({ userName: 'auth-nobody', request: { userAttributes: {}, userNotFound: true } });
  });

  it('a malformed PreAuthentication answer: InvalidLambdaResponseException "Unrecognizable lambda output"', async () => {
    const { poolId, clientId } = await triggerPool({ PreAuthentication: 'garbled' });
    await createUser(h.sdk, poolId, 'auth-dan');
    await expectCognitoError(passwordSignIn(clientId, 'auth-dan'), 'InvalidLambdaResponseException', 'Unrecognizable lambda output');
  });

  it('newDeviceUsed in a pool that remembers devices; a PostAuthentication throw refuses the tokens', async () => {
    const { poolId, clientId } = await triggerPool(
      { PostAuthentication: 'postAuth' },
      { pool: { DeviceConfiguration: { ChallengeRequiredOnNewDevice: false, DeviceOnlyRememberedOnUserPrompt: false } } },
    );
    await createUser(h.sdk, poolId, 'auth-eve');
    const ok = await passwordSignIn(clientId, 'auth-eve');
    expect(ok.AuthenticationResult?.NewDeviceMetadata).toBeDefined();
    expect(events.postAuth![0].request.newDeviceUsed).toBe(true);
    behaviour.postAuth = fail('Audit log is full');
    await expectCognitoError(passwordSignIn(clientId, 'auth-eve'), 'UserLambdaValidationException', 'PostAuthentication failed with error Audit log is full.');
  });
});

describe('CustomMessage (DG, custom message Lambda trigger)', () => {
  const custom = (event: Event) => {
    event.response.smsMessage = `SMS ${event.triggerSource} ${event.request.codeParameter}`;
    event.response.emailMessage = `Mail ${event.triggerSource} ${event.request.codeParameter}${event.request.usernameParameter ? ` for ${event.request.usernameParameter}` : ''}`;
    event.response.emailSubject = 'Hello';
    return event;
  };

  it('SignUp: the event (placeholders, attributes, ClientMetadata); the text sent has the code, which confirms', async () => {
    const { poolId, clientId } = await triggerPool({ CustomMessage: 'customMessage' }, emailPool);
    behaviour.customMessage = custom;
    await h.sdk.send(
      new SignUpCommand({ ClientId: clientId, Username: 'cm-ann', Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: 'cm-ann@example.com' }], ClientMetadata: { lang: 'en' } }),
    );
    const [event] = events.customMessage!;
    expectCommon(event, poolId, 'CustomMessage_SignUp', 'cm-ann', clientId);
    expect(event.request).toEqual({
      userAttributes: { sub: expect.any(String), email: 'cm-ann@example.com', email_verified: 'false', 'cognito:user_status': 'UNCONFIRMED' },
      codeParameter: '{####}',
      linkParameter: '{##Click Here##}',
      usernameParameter: null,
      clientMetadata: { lang: 'en' },
    });
    expect(event.response).toEqual({ smsMessage: null, emailMessage: null, emailSubject: null });
    const sent = await latestMessage(h.emulator, 'cm-ann');
    expect(sent.message).toBe(`Mail CustomMessage_SignUp ${sent.code}`);
    await h.sdk.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: 'cm-ann', ConfirmationCode: sent.code }));
  });

  it('every message: ResendCode, ForgotPassword (and AdminResetUserPassword), UpdateUserAttribute, VerifyUserAttribute, AdminCreateUser, Authentication', async () => {
    const { poolId, clientId } = await triggerPool({ CustomMessage: 'customMessage' }, { mfa: 'ON', sms: true, pool: { AutoVerifiedAttributes: ['email'] } });
    behaviour.customMessage = custom;
    const last = async (username: string) => (await latestMessage(h.emulator, username)).message;
    const sources = () => events.customMessage!.map((e: Event) => e.triggerSource);

    await h.sdk.send(new SignUpCommand({ ClientId: clientId, Username: 'cm-bob', Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: 'cm-bob@example.com' }] }));
    await h.sdk.send(new ResendConfirmationCodeCommand({ ClientId: clientId, Username: 'cm-bob' }));
    expect(await last('cm-bob')).toMatch(/^Mail CustomMessage_ResendCode \d{6}$/);

    await h.sdk.send(
      new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'cm-cat', TemporaryPassword: 'Temp-Passw0rd!', DesiredDeliveryMediums: ['EMAIL'], UserAttributes: [{ Name: 'email', Value: 'cm-cat@example.com' }, { Name: 'email_verified', Value: 'true' }, { Name: 'phone_number', Value: '+12065550123' }] }),
    );
    expect(await last('cm-cat')).toBe('Mail CustomMessage_AdminCreateUser Temp-Passw0rd! for cm-cat');
    expect(events.customMessage!.at(-1).request.usernameParameter).toBe('{username}');

    await h.sdk.send(new ForgotPasswordCommand({ ClientId: clientId, Username: 'cm-cat' }));
    expect(await last('cm-cat')).toMatch(/^Mail CustomMessage_ForgotPassword \d{6}$/);
    await h.sdk.send(new AdminResetUserPasswordCommand({ UserPoolId: poolId, Username: 'cm-cat' }));
    expect(await last('cm-cat')).toMatch(/^Mail CustomMessage_ForgotPassword \d{6}$/);
    await h.sdk.send(new ConfirmForgotPasswordCommand({ ClientId: clientId, Username: 'cm-cat', ConfirmationCode: (await latestMessage(h.emulator, 'cm-cat')).code, Password: PASSWORD }));

    // MFA is required and cm-cat has a phone: the SMS code's text.
    const mfa = await passwordSignIn(clientId, 'cm-cat', PASSWORD, { via: 'kiosk' });
    expect(mfa.ChallengeName).toBe('SMS_MFA');
    const sms = await latestMessage(h.emulator, 'cm-cat');
    expect(sms.message).toBe(`SMS CustomMessage_Authentication ${sms.code}`);
    // Sent by InitiateAuth, which runs the custom message trigger without ClientMetadata (API reference, InitiateAuth ClientMetadata).
    expect(events.customMessage!.at(-1).request).not.toHaveProperty('clientMetadata');
    const tokens = await h.sdk.send(
      new RespondToAuthChallengeCommand({ ClientId: clientId, ChallengeName: 'SMS_MFA', Session: mfa.Session, ChallengeResponses: { USERNAME: 'cm-cat', SMS_MFA_CODE: sms.code } }),
    );
    const accessToken = tokens.AuthenticationResult!.AccessToken!;
    await h.sdk.send(new UpdateUserAttributesCommand({ AccessToken: accessToken, UserAttributes: [{ Name: 'email', Value: 'cm-cat2@example.com' }] }));
    expect(await last('cm-cat')).toMatch(/^Mail CustomMessage_UpdateUserAttribute \d{6}$/);
    await h.sdk.send(new GetUserAttributeVerificationCodeCommand({ AccessToken: accessToken, AttributeName: 'email' }));
    expect(await last('cm-cat')).toMatch(/^Mail CustomMessage_VerifyUserAttribute \d{6}$/);
    expect(sources()).toEqual([
      'CustomMessage_SignUp',
      'CustomMessage_ResendCode',
      'CustomMessage_AdminCreateUser',
      'CustomMessage_ForgotPassword',
      'CustomMessage_ForgotPassword',
      'CustomMessage_Authentication',
      'CustomMessage_UpdateUserAttribute',
      'CustomMessage_VerifyUserAttribute',
    ]);
  });

  it('an empty answer keeps the pool\'s message; a text without the code parameter is refused and the sign-up stores nothing', async () => {
    const { poolId, clientId } = await triggerPool({ CustomMessage: 'customMessage' }, emailPool);
    await h.sdk.send(new SignUpCommand({ ClientId: clientId, Username: 'cm-dan', Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: 'cm-dan@example.com' }] }));
    const plain = await latestMessage(h.emulator, 'cm-dan');
    expect(plain.message).toContain(plain.code);
    expect(plain.message).not.toContain('CustomMessage');

    behaviour.customMessage = respond({ emailMessage: 'Welcome aboard!' });
    await expectCognitoError(
      h.sdk.send(new SignUpCommand({ ClientId: clientId, Username: 'cm-eve', Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: 'cm-eve@example.com' }] })),
      'InvalidParameterException',
      /^1 validation error detected: Value at 'emailBody' failed to satisfy constraint/,
    );
    await expectCognitoError(userOf(poolId, 'cm-eve'), 'UserNotFoundException');
    behaviour.customMessage = fail('Templates unavailable');
    await expectCognitoError(
      h.sdk.send(new ResendConfirmationCodeCommand({ ClientId: clientId, Username: 'cm-dan' })),
      'UserLambdaValidationException',
      'CustomMessage failed with error Templates unavailable.',
    );
  });

  it('a module file (CommonJS, callback handler) writes the SMS', async () => {
    const { clientId } = await triggerPool({ CustomMessage: 'cjsCustomMessage' });
    await h.sdk.send(new SignUpCommand({ ClientId: clientId, Username: 'cm-fay', Password: PASSWORD, UserAttributes: [{ Name: 'phone_number', Value: '+12065550142' }] }));
    const sms = await latestMessage(h.emulator, 'cm-fay');
    expect(sms.message).toBe(`[CustomMessage_SignUp] cjsCustomMessage: ${sms.code}`);
  });
});

describe('UserMigration (DG, migrate user Lambda trigger)', () => {
  const legacy = (event: Event) => {
    if (event.request.password !== undefined && event.request.password !== 'Legacy-Passw0rd!') throw new Error('Bad password');
    event.response.userAttributes = { email: `${event.userName}@legacy.example`, email_verified: 'true' };
    event.response.messageAction = 'SUPPRESS';
    return event;
  };

  it('USER_PASSWORD_AUTH of an unknown user: the event; the user is created with the typed password and signs in; the next sign-in (even SRP) needs no trigger', async () => {
    const { poolId, clientId } = await triggerPool({ UserMigration: 'migrate' });
    behaviour.migrate = (event: Event) => ({ ...legacy(event), response: { ...event.response, finalUserStatus: 'CONFIRMED' } });
    const first = await passwordSignIn(clientId, 'mig-ann', 'Legacy-Passw0rd!', { source: 'app' });
    expect(first.AuthenticationResult?.IdToken).toBeDefined();
    const [event] = events.migrate!;
    expectCommon(event, poolId, 'UserMigration_Authentication', 'mig-ann', clientId);
    expect(event.request).toEqual({ password: 'Legacy-Passw0rd!', validationData: { source: 'app' }, clientMetadata: { source: 'app' } });
    const user = await userOf(poolId, 'mig-ann');
    expect(user.UserStatus).toBe('CONFIRMED');
    expect(await attributesOf(poolId, 'mig-ann')).toMatchObject({ email: 'mig-ann@legacy.example', email_verified: 'true' });
    await passwordSignIn(clientId, 'mig-ann', 'Legacy-Passw0rd!');
    const srp = new SrpClient(poolId.split('_')[1]!);
    const start = await h.sdk.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: 'mig-ann', SRP_A: srp.srpA } }));
    const done = await h.sdk.send(
      new RespondToAuthChallengeCommand({ ClientId: clientId, ChallengeName: 'PASSWORD_VERIFIER', ChallengeResponses: srp.respond(start.ChallengeParameters!, 'Legacy-Passw0rd!', new Date()) }),
    );
    expect(done.AuthenticationResult?.AccessToken).toBeDefined();
    expect(events.migrate).toHaveLength(1);
  });

  it('finalUserStatus RESET_REQUIRED: PasswordResetRequiredException; SRP never migrates; a throw is UserLambdaValidationException and no user', async () => {
    const { poolId, clientId } = await triggerPool({ UserMigration: 'migrate' });
    behaviour.migrate = (event: Event) => ({ ...legacy(event), response: { ...legacy(event).response, finalUserStatus: 'RESET_REQUIRED' } });
    await expectCognitoError(passwordSignIn(clientId, 'mig-bob', 'Legacy-Passw0rd!'), 'PasswordResetRequiredException');
    expect((await userOf(poolId, 'mig-bob')).UserStatus).toBe('RESET_REQUIRED');

    await expectCognitoError(h.sdk.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: 'mig-srp', SRP_A: new SrpClient('x').srpA } })), 'UserNotFoundException');
    expect(events.migrate).toHaveLength(1);

    await expectCognitoError(passwordSignIn(clientId, 'mig-cat', 'Guess-Passw0rd!'), 'UserLambdaValidationException', 'UserMigration failed with error Bad password.');
    await expectCognitoError(userOf(poolId, 'mig-cat'), 'UserNotFoundException');
  });

  it('ForgotPassword of an unknown user: UserMigration_ForgotPassword (no password); the code goes to the migrated e-mail and sets the password', async () => {
    const { poolId, clientId } = await triggerPool({ UserMigration: 'migrate' });
    behaviour.migrate = legacy;
    const forgot = await h.sdk.send(new ForgotPasswordCommand({ ClientId: clientId, Username: 'mig-dan', ClientMetadata: { via: 'reset' } }));
    expect(forgot.CodeDeliveryDetails?.DeliveryMedium).toBe('EMAIL');
    const [event] = events.migrate!;
    expectCommon(event, poolId, 'UserMigration_ForgotPassword', 'mig-dan', clientId);
    expect(event.request.password).toBeUndefined();
    expect(event.request.clientMetadata).toEqual({ via: 'reset' });
    const { code } = await latestMessage(h.emulator, 'mig-dan');
    await h.sdk.send(new ConfirmForgotPasswordCommand({ ClientId: clientId, Username: 'mig-dan', ConfirmationCode: code, Password: PASSWORD }));
    expect((await passwordSignIn(clientId, 'mig-dan')).AuthenticationResult?.IdToken).toBeDefined();
    expect(events.migrate).toHaveLength(1);
  });

  it('an answer without userAttributes: ENABLED clients answer as for any unknown user (DG, managing user existence errors); LEGACY ones say the migration failed', async () => {
    const enabled = await triggerPool({ UserMigration: 'migrate' }, { preventUserExistenceErrors: 'ENABLED' });
    await expectCognitoError(passwordSignIn(enabled.clientId, 'mig-eve', 'Legacy-Passw0rd!'), 'NotAuthorizedException', 'Incorrect username or password.');
    const forgot = await h.sdk.send(new ForgotPasswordCommand({ ClientId: enabled.clientId, Username: 'mig-eve' }));
    expect(forgot.CodeDeliveryDetails).toBeDefined();
    const legacyPool = await triggerPool({ UserMigration: 'migrate' });
    await expectCognitoError(passwordSignIn(legacyPool.clientId, 'mig-eve', 'Legacy-Passw0rd!'), 'UserNotFoundException', `Exception migrating user in app client ${legacyPool.clientId}`);
    await expectCognitoError(userOf(legacyPool.poolId, 'mig-eve'), 'UserNotFoundException');
  });
});
