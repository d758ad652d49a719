/**
 * CUSTOM_AUTH with the challenge triggers, and the PreTokenGeneration trigger (DG = Amazon Cognito
 * developer guide: "Custom authentication challenge Lambda triggers" (define, create, verify auth
 * challenge), "Pre token generation Lambda trigger"; API reference: InitiateAuth,
 * RespondToAuthChallenge ClientMetadata). Handlers are given inline; each test says what they do.
 */
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminInitiateAuthCommand,
  AdminRespondToAuthChallengeCommand,
  CreateGroupCommand,
  type ExplicitAuthFlowsType,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { AuthenticationDetails, CognitoUser, type CognitoUserSession, CognitoUserPool } from 'amazon-cognito-identity-js';
import { Amplify } from 'aws-amplify';
import { confirmSignIn, signIn, signOut } from 'aws-amplify/auth';
import { decodeJwt } from 'jose';
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPool, createUser, expectCognitoError, PASSWORD, type PoolSetup } from './fixtures.js';
import { type Harness, startHarness } from './harness.js';
import { SrpClient } from './srp-client.js';
import { type Event, triggerRecorder } from './trigger-recorder.js';

const { events, behaviour, recorder } = triggerRecorder();
const INLINE = ['define', 'create', 'verify', 'preToken', 'preAuth', 'postAuth'] as const;
const arn = (name: string) => `arn:aws:lambda:eu-west-1:123456789012:function:${name}`;

let h: Harness;
beforeAll(async () => {
  h = await startHarness(undefined, { lambdas: Object.fromEntries(INLINE.map((n) => [n, recorder(n)])) });
});
afterAll(() => h.stop());
beforeEach(() => {
  for (const name of Object.keys(events)) delete events[name];
  for (const name of Object.keys(behaviour)) delete behaviour[name];
  behaviour.define = standardDefine;
  behaviour.create = standardCreate;
  behaviour.verify = standardVerify;
});

/**
 * The DG's example, generalised: SRP_A → PASSWORD_VERIFIER; a right custom answer → tokens; three
 * wrong ones → fail; otherwise another CUSTOM_CHALLENGE.
 */
function standardDefine(event: Event) {
  const session: Event[] = event.request.session;
  const last = session.at(-1);
  const wrong = session.filter((s) => s.challengeName === 'CUSTOM_CHALLENGE' && !s.challengeResult).length;
  if (last?.challengeName === 'SRP_A') event.response.challengeName = 'PASSWORD_VERIFIER';
  else if (last?.challengeName === 'CUSTOM_CHALLENGE' && last.challengeResult) event.response.issueTokens = true;
  else if (wrong >= 3) event.response.failAuthentication = true;
  else event.response.challengeName = 'CUSTOM_CHALLENGE';
  if (!event.response.issueTokens) event.response.issueTokens = false;
  if (!event.response.failAuthentication) event.response.failAuthentication = false;
  return event;
}
function standardCreate(event: Event) {
  event.response.publicChallengeParameters = { question: 'Favourite colour?' };
  event.response.privateChallengeParameters = { answer: 'blue' };
  event.response.challengeMetadata = `ROUND-${event.request.session.length}`;
  return event;
}
function standardVerify(event: Event) {
  event.response.answerCorrect = event.request.challengeAnswer === event.request.privateChallengeParameters.answer;
  return event;
}

const CHALLENGES = { DefineAuthChallenge: arn('define'), CreateAuthChallenge: arn('create'), VerifyAuthChallengeResponse: arn('verify') };
const FLOWS: ExplicitAuthFlowsType[] = ['ALLOW_CUSTOM_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'];

function customPool(lambdaConfig: Record<string, unknown> = CHALLENGES, setup: PoolSetup = {}) {
  return createPool(h.sdk, { flows: FLOWS, ...setup, pool: { ...setup.pool, LambdaConfig: lambdaConfig } });
}

const initiate = (clientId: string, username: string, extra: Record<string, string> = {}, clientMetadata?: Record<string, string>) =>
  h.sdk.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'CUSTOM_AUTH', AuthParameters: { USERNAME: username, ...extra }, ClientMetadata: clientMetadata }));
const answer = (clientId: string, session: string | undefined, username: string, value: string, clientMetadata?: Record<string, string>) =>
  h.sdk.send(
    new RespondToAuthChallengeCommand({ ClientId: clientId, ChallengeName: 'CUSTOM_CHALLENGE', Session: session, ChallengeResponses: { USERNAME: username, ANSWER: value }, ClientMetadata: clientMetadata }),
  );
const incorrect = ['NotAuthorizedException', 'Incorrect username or password.'] as const;

describe('CUSTOM_AUTH without SRP (DG, custom authentication challenge Lambda triggers)', () => {
  it('a right answer: the events of define, create and verify; the challenge shows the public parameters and USERNAME; tokens', async () => {
    const { poolId, clientId } = await customPool();
    await createUser(h.sdk, poolId, 'ann', [{ Name: 'email', Value: 'ann@example.com' }]);
    const start = await initiate(clientId, 'ann', {}, { from: 'initiate' });
    expect(start.ChallengeName).toBe('CUSTOM_CHALLENGE');
    expect(start.ChallengeParameters).toEqual({ question: 'Favourite colour?', USERNAME: 'ann' });
    expect(start.Session).toBeDefined();

    const [define0] = events.define!;
    expect(define0).toMatchObject({ version: '1', triggerSource: 'DefineAuthChallenge_Authentication', userPoolId: poolId, userName: 'ann', callerContext: { clientId } });
    expect(define0.request.session).toEqual([]);
    expect(define0.request.userAttributes).toMatchObject({ email: 'ann@example.com', 'cognito:user_status': 'CONFIRMED' });
    expect(define0.request.userAttributes.sub).toBeDefined();
    // InitiateAuth's ClientMetadata goes to no challenge trigger (API reference, InitiateAuth ClientMetadata).
    expect(define0.request.clientMetadata).toBeUndefined();
    expect(define0.request.userNotFound).toBeUndefined();
    const [create0] = events.create!;
    expect(create0).toMatchObject({ triggerSource: 'CreateAuthChallenge_Authentication', userName: 'ann', request: { challengeName: 'CUSTOM_CHALLENGE', session: [] } });
    expect(create0.request.clientMetadata).toBeUndefined();

    const done = await answer(clientId, start.Session, 'ann', 'blue', { from: 'respond' });
    expect(done.ChallengeName).toBeUndefined();
    const id = decodeJwt(done.AuthenticationResult!.IdToken!);
    expect(id['cognito:username']).toBe('ann');
    expect(id.email).toBe('ann@example.com');
    expect(done.AuthenticationResult!.RefreshToken).toBeDefined();

    const [verify0] = events.verify!;
    expect(verify0).toMatchObject({
      triggerSource: 'VerifyAuthChallengeResponse_Authentication',
      userName: 'ann',
      request: { privateChallengeParameters: { answer: 'blue' }, challengeAnswer: 'blue', clientMetadata: { from: 'respond' } },
    });
    expect(verify0.request.userAttributes.email).toBe('ann@example.com');
    const define1 = events.define![1];
    expect(define1.request.session).toEqual([{ challengeName: 'CUSTOM_CHALLENGE', challengeResult: true, challengeMetadata: 'ROUND-0' }]);
    expect(define1.request.clientMetadata).toEqual({ from: 'respond' });
    expect(events.define).toHaveLength(2);
    expect(events.create).toHaveLength(1);
  });

  it('a wrong answer, then a right one: each answer has its own session; the history holds both results', async () => {
    const { poolId, clientId } = await customPool();
    await createUser(h.sdk, poolId, 'ben');
    const start = await initiate(clientId, 'ben');
    const retry = await answer(clientId, start.Session, 'ben', 'red');
    expect(retry.ChallengeName).toBe('CUSTOM_CHALLENGE');
    expect(retry.Session).not.toBe(start.Session);
    // The first session is used up.
    await expectCognitoError(answer(clientId, start.Session, 'ben', 'blue'), 'NotAuthorizedException', /session/);
    const done = await answer(clientId, retry.Session, 'ben', 'blue');
    expect(done.AuthenticationResult?.AccessToken!).toBeDefined();
    expect(events.create![1].request.session).toEqual([{ challengeName: 'CUSTOM_CHALLENGE', challengeResult: false, challengeMetadata: 'ROUND-0' }]);
    expect(events.define!.at(-1).request.session).toEqual([
      { challengeName: 'CUSTOM_CHALLENGE', challengeResult: false, challengeMetadata: 'ROUND-0' },
      { challengeName: 'CUSTOM_CHALLENGE', challengeResult: true, challengeMetadata: 'ROUND-1' },
    ]);
  });

  it('out of tries: DefineAuthChallenge fails the third wrong answer with "Incorrect username or password."', async () => {
    const { poolId, clientId } = await customPool();
    await createUser(h.sdk, poolId, 'cat');
    let step = await initiate(clientId, 'cat');
    step = await answer(clientId, step.Session, 'cat', 'red');
    step = await answer(clientId, step.Session, 'cat', 'green');
    await expectCognitoError(answer(clientId, step.Session, 'cat', 'pink'), ...incorrect);
    await expectCognitoError(answer(clientId, step.Session, 'cat', 'blue'), 'NotAuthorizedException');
  });

  it('failAuthentication at once; a define that names no next step; a session of another client', async () => {
    const { poolId, clientId } = await customPool();
    await createUser(h.sdk, poolId, 'dan');
    behaviour.define = (event: Event) => ({ ...event, response: { issueTokens: false, failAuthentication: true } });
    await expectCognitoError(initiate(clientId, 'dan'), ...incorrect);
    expect(events.create).toBeUndefined();
    behaviour.define = (event: Event) => ({ ...event, response: { issueTokens: false, failAuthentication: false } });
    await expectCognitoError(initiate(clientId, 'dan'), 'InvalidLambdaResponseException');
    behaviour.define = standardDefine;
    const start = await initiate(clientId, 'dan');
    const other = await customPool();
    await expectCognitoError(answer(other.clientId, start.Session, 'dan', 'blue'), 'NotAuthorizedException');
  });

  it('a throwing CreateAuthChallenge: UserLambdaValidationException; a public parameter that is no string: InvalidLambdaResponseException', async () => {
    const { poolId, clientId } = await customPool();
    await createUser(h.sdk, poolId, 'eve');
    behaviour.create = () => {
      throw new Error('no challenge today');
    };
    await expectCognitoError(initiate(clientId, 'eve'), 'UserLambdaValidationException', 'CreateAuthChallenge failed with error no challenge today.');
    behaviour.create = (event: Event) => ({ ...event, response: { publicChallengeParameters: { n: 1 } } });
    await expectCognitoError(initiate(clientId, 'eve'), 'InvalidLambdaResponseException');
  });

  it('AdminInitiateAuth / AdminRespondToAuthChallenge, with a client secret', async () => {
    const { poolId, clientId, clientSecret } = await customPool(CHALLENGES, { secret: true });
    await createUser(h.sdk, poolId, 'fay');
    const secretHash = createHmac('sha256', clientSecret!).update(`fay${clientId}`).digest('base64');
    const start = await h.sdk.send(
      new AdminInitiateAuthCommand({ UserPoolId: poolId, ClientId: clientId, AuthFlow: 'CUSTOM_AUTH', AuthParameters: { USERNAME: 'fay', SECRET_HASH: secretHash }, ClientMetadata: { admin: 'yes' } }),
    );
    expect(start.ChallengeName).toBe('CUSTOM_CHALLENGE');
    expect(events.define![0].request.clientMetadata).toBeUndefined();
    const done = await h.sdk.send(
      new AdminRespondToAuthChallengeCommand({
        UserPoolId: poolId,
        ClientId: clientId,
        ChallengeName: 'CUSTOM_CHALLENGE',
        Session: start.Session,
        ChallengeResponses: { USERNAME: 'fay', ANSWER: 'blue', SECRET_HASH: secretHash },
        ClientMetadata: { admin: 'yes' },
      }),
    );
    expect(done.AuthenticationResult?.IdToken).toBeDefined();
    expect(events.verify![0].request.clientMetadata).toEqual({ admin: 'yes' });
    await expectCognitoError(
      h.sdk.send(new AdminInitiateAuthCommand({ UserPoolId: poolId, ClientId: clientId, AuthFlow: 'CUSTOM_AUTH', AuthParameters: { USERNAME: 'fay', SECRET_HASH: 'bad' } })),
      'NotAuthorizedException',
    );
  });

  it('no DefineAuthChallenge: "Custom auth lambda trigger is not configured for the user pool."; a client without ALLOW_CUSTOM_AUTH is refused', async () => {
    const bare = await customPool({});
    await createUser(h.sdk, bare.poolId, 'gus');
    await expectCognitoError(initiate(bare.clientId, 'gus'), 'InvalidParameterException', 'Custom auth lambda trigger is not configured for the user pool.');
    const noFlow = await createPool(h.sdk, { pool: { LambdaConfig: CHALLENGES } });
    await createUser(h.sdk, noFlow.poolId, 'gus');
    await expectCognitoError(initiate(noFlow.clientId, 'gus'), 'InvalidParameterException');
    expect(events.define).toBeUndefined();
    await expectCognitoError(h.sdk.send(new InitiateAuthCommand({ ClientId: bare.clientId, AuthFlow: 'CUSTOM_AUTH', AuthParameters: {} })), 'InvalidParameterException');
  });

  it('unknown users: UserNotFoundException for LEGACY clients; with PreventUserExistenceErrors ENABLED the triggers run with userNotFound, and there are never tokens', async () => {
    const legacy = await customPool();
    await expectCognitoError(initiate(legacy.clientId, 'nobody'), 'UserNotFoundException');
    expect(events.define).toBeUndefined();

    const enabled = await customPool(CHALLENGES, { preventUserExistenceErrors: 'ENABLED' });
    await createUser(h.sdk, enabled.poolId, 'hal');
    const start = await initiate(enabled.clientId, 'nobody');
    expect(start.ChallengeName).toBe('CUSTOM_CHALLENGE');
    expect(start.ChallengeParameters?.USERNAME).toBe('nobody');
    expect(events.define![0].request).toMatchObject({ userNotFound: true, userAttributes: {}, session: [] });
    expect(events.create![0].request.userNotFound).toBe(true);
    await expectCognitoError(answer(enabled.clientId, start.Session, 'nobody', 'blue'), ...incorrect);
    expect(events.verify![0].request.userNotFound).toBe(true);
    // A known user of that client: userNotFound false.
    await initiate(enabled.clientId, 'hal');
    expect(events.define!.at(-1).request.userNotFound).toBe(false);
  });

  it('a disabled user is told at InitiateAuth; PreAuthentication and PostAuthentication run around the custom sign-in', async () => {
    const { poolId, clientId } = await customPool({ ...CHALLENGES, PreAuthentication: arn('preAuth'), PostAuthentication: arn('postAuth') });
    await createUser(h.sdk, poolId, 'ida');
    const start = await initiate(clientId, 'ida', {}, { from: 'initiate' });
    expect(events.preAuth).toHaveLength(1);
    expect(events.postAuth).toBeUndefined();
    await answer(clientId, start.Session, 'ida', 'blue', { from: 'respond' });
    expect(events.postAuth).toHaveLength(1);
    // RespondToAuthChallenge passes its ClientMetadata to post authentication (API reference, RespondToAuthChallenge ClientMetadata).
    expect(events.postAuth![0].request.clientMetadata).toEqual({ from: 'respond' });
    await h.sdk.send(new AdminDisableUserCommand({ UserPoolId: poolId, Username: 'ida' }));
    await expectCognitoError(initiate(clientId, 'ida'), 'NotAuthorizedException', 'User is disabled.');
  });
});

describe('CUSTOM_AUTH with SRP (CHALLENGE_NAME SRP_A: Amplify CUSTOM_WITH_SRP, DG define auth challenge)', () => {
  it('SRP_A → PASSWORD_VERIFIER → a custom challenge → tokens; define sees SRP_A, then PASSWORD_VERIFIER', async () => {
    const { poolId, clientId } = await customPool();
    await createUser(h.sdk, poolId, 'kim');
    const srp = new SrpClient(poolId.split('_')[1]!);
    const start = await initiate(clientId, 'kim', { SRP_A: srp.srpA, CHALLENGE_NAME: 'SRP_A' });
    expect(start.ChallengeName).toBe('PASSWORD_VERIFIER');
    expect(start.ChallengeParameters).toMatchObject({ USERNAME: 'kim', USER_ID_FOR_SRP: 'kim' });
    expect(events.define![0].request.session).toEqual([{ challengeName: 'SRP_A', challengeResult: true, challengeMetadata: null }]);
    const custom = await h.sdk.send(
      new RespondToAuthChallengeCommand({ ClientId: clientId, ChallengeName: 'PASSWORD_VERIFIER', Session: start.Session, ChallengeResponses: srp.respond(start.ChallengeParameters!, PASSWORD, new Date()) }),
    );
    expect(custom.ChallengeName).toBe('CUSTOM_CHALLENGE');
    expect(events.define![1].request.session).toEqual([
      { challengeName: 'SRP_A', challengeResult: true, challengeMetadata: null },
      { challengeName: 'PASSWORD_VERIFIER', challengeResult: true, challengeMetadata: null },
    ]);
    expect(events.create![0].request.challengeName).toBe('CUSTOM_CHALLENGE');
    const done = await answer(clientId, custom.Session, 'kim', 'blue');
    expect(decodeJwt(done.AuthenticationResult!.AccessToken!).username).toBe('kim');
  });

  it('a wrong password fails the sign-in before DefineAuthChallenge is asked again; define may also issue tokens right after the password', async () => {
    const { poolId, clientId } = await customPool();
    await createUser(h.sdk, poolId, 'lou');
    const srp = new SrpClient(poolId.split('_')[1]!);
    const start = await initiate(clientId, 'lou', { SRP_A: srp.srpA, CHALLENGE_NAME: 'SRP_A' });
    await expectCognitoError(
      h.sdk.send(new RespondToAuthChallengeCommand({ ClientId: clientId, ChallengeName: 'PASSWORD_VERIFIER', ChallengeResponses: srp.respond(start.ChallengeParameters!, 'Wrong-Passw0rd!', new Date()) })),
      ...incorrect,
    );
    expect(events.define).toHaveLength(1);
    behaviour.define = (event: Event) => {
      const last = event.request.session.at(-1);
      event.response = last.challengeName === 'SRP_A' ? { challengeName: 'PASSWORD_VERIFIER' } : { issueTokens: last.challengeName === 'PASSWORD_VERIFIER' && last.challengeResult };
      return event;
    };
    const srp2 = new SrpClient(poolId.split('_')[1]!);
    const again = await initiate(clientId, 'lou', { SRP_A: srp2.srpA, CHALLENGE_NAME: 'SRP_A' });
    const done = await h.sdk.send(
      new RespondToAuthChallengeCommand({ ClientId: clientId, ChallengeName: 'PASSWORD_VERIFIER', ChallengeResponses: srp2.respond(again.ChallengeParameters!, PASSWORD, new Date()) }),
    );
    expect(done.AuthenticationResult?.AccessToken!).toBeDefined();
    expect(events.create).toBeUndefined();
  });
});

describe('client libraries', () => {
  it('amazon-cognito-identity-js: initiateAuth (CUSTOM_AUTH) and sendCustomChallengeAnswer, a wrong answer first', async () => {
    const { poolId, clientId } = await customPool();
    await createUser(h.sdk, poolId, 'mia');
    const pool = new CognitoUserPool({ UserPoolId: poolId, ClientId: clientId, endpoint: h.emulator.url });
    const user = new CognitoUser({ Username: 'mia', Pool: pool });
    user.setAuthenticationFlowType('CUSTOM_AUTH');
    const answers = ['red', 'blue'];
    const asked: Record<string, string>[] = [];
    const session = await new Promise<CognitoUserSession>((resolve, reject) => {
      const callbacks = {
        onSuccess: resolve,
        onFailure: reject,
        customChallenge: (parameters: Record<string, string>) => {
          asked.push(parameters);
          user.sendCustomChallengeAnswer(answers.shift()!, callbacks);
        },
      };
      user.initiateAuth(new AuthenticationDetails({ Username: 'mia' }), callbacks);
    });
    expect(asked).toEqual([
      { question: 'Favourite colour?', USERNAME: 'mia' },
      { question: 'Favourite colour?', USERNAME: 'mia' },
    ]);
    expect(session.getIdToken().decodePayload()['cognito:username']).toBe('mia');
  });

  it('amazon-cognito-identity-js: authenticateUser with CUSTOM_AUTH (SRP first), then the custom challenge', async () => {
    const { poolId, clientId } = await customPool();
    await createUser(h.sdk, poolId, 'ned');
    const pool = new CognitoUserPool({ UserPoolId: poolId, ClientId: clientId, endpoint: h.emulator.url });
    const user = new CognitoUser({ Username: 'ned', Pool: pool });
    user.setAuthenticationFlowType('CUSTOM_AUTH');
    const session = await new Promise<CognitoUserSession>((resolve, reject) => {
      const callbacks = { onSuccess: resolve, onFailure: reject, customChallenge: () => user.sendCustomChallengeAnswer('blue', callbacks) };
      user.authenticateUser(new AuthenticationDetails({ Username: 'ned', Password: PASSWORD }), callbacks);
    });
    expect(session.isValid()).toBe(true);
    expect(events.define!.map((e: Event) => e.request.session.length)).toEqual([1, 2, 3]);
  });

  it('Amplify v6: CUSTOM_WITHOUT_SRP and CUSTOM_WITH_SRP, answered with confirmSignIn', async () => {
    const { poolId, clientId } = await customPool();
    await createUser(h.sdk, poolId, 'ola');
    Amplify.configure({ Auth: { Cognito: { userPoolId: poolId, userPoolClientId: clientId, userPoolEndpoint: h.emulator.url } } });
    const first = await signIn({ username: 'ola', options: { authFlowType: 'CUSTOM_WITHOUT_SRP' } });
    expect(first.nextStep).toEqual({ signInStep: 'CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE', additionalInfo: { question: 'Favourite colour?', USERNAME: 'ola' } });
    expect((await confirmSignIn({ challengeResponse: 'blue' })).isSignedIn).toBe(true);
    await signOut();
    const withSrp = await signIn({ username: 'ola', password: PASSWORD, options: { authFlowType: 'CUSTOM_WITH_SRP' } });
    expect(withSrp.nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE');
    expect((await confirmSignIn({ challengeResponse: 'blue' })).isSignedIn).toBe(true);
    await signOut();
  });
});

describe('PreTokenGeneration (DG, pre token generation Lambda trigger)', () => {
  async function groupsFor(poolId: string, username: string) {
    await h.sdk.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: 'admins', Precedence: 1, RoleArn: 'arn:aws:iam::123456789012:role/admins' }));
    await h.sdk.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: 'staff', Precedence: 2 }));
    await h.sdk.send(new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: username, GroupName: 'admins' }));
    await h.sdk.send(new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: username, GroupName: 'staff' }));
  }
  const passwordSignIn = (clientId: string, username: string, clientMetadata?: Record<string, string>) =>
    h.sdk.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: username, PASSWORD }, ClientMetadata: clientMetadata }));
  const refresh = (clientId: string, token: string) => h.sdk.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: token } }));

  it('V1_0: the event; claims added and suppressed in the ID token only; protected claims unchanged; groups overridden in both tokens; again on refresh', async () => {
    const { poolId, clientId } = await customPool({ PreTokenGeneration: arn('preToken') });
    await createUser(h.sdk, poolId, 'pat', [{ Name: 'email', Value: 'pat@example.com' }]);
    await groupsFor(poolId, 'pat');
    behaviour.preToken = (event: Event) => {
      event.response.claimsOverrideDetails = {
        claimsToAddOrOverride: { tenant: 'acme', email: 'other@example.com', sub: 'forged', token_use: 'access', both: 'x' },
        claimsToSuppress: ['email_verified', 'both'],
        groupOverrideDetails: { groupsToOverride: ['readers'], iamRolesToOverride: ['arn:aws:iam::123456789012:role/readers'], preferredRole: 'arn:aws:iam::123456789012:role/readers' },
      };
      return event;
    };
    const { AuthenticationResult: tokens } = await passwordSignIn(clientId, 'pat', { not: 'passed' });
    const [event] = events.preToken!;
    expect(event).toMatchObject({ version: '1', triggerSource: 'TokenGeneration_Authentication', userName: 'pat', callerContext: { clientId } });
    expect(event.request.userAttributes).toMatchObject({ email: 'pat@example.com', 'cognito:user_status': 'CONFIRMED' });
    expect(event.request.groupConfiguration).toEqual({ groupsToOverride: ['admins', 'staff'], iamRolesToOverride: ['arn:aws:iam::123456789012:role/admins'], preferredRole: 'arn:aws:iam::123456789012:role/admins' });
    expect(event.request.scopes).toBeUndefined();
    expect(event.request.clientMetadata).toBeUndefined();
    expect(event.response).toEqual({ claimsOverrideDetails: null });
    const id = decodeJwt(tokens!.IdToken!);
    const access = decodeJwt(tokens!.AccessToken!);
    expect(id).toMatchObject({ tenant: 'acme', email: 'other@example.com', token_use: 'id', 'cognito:groups': ['readers'], 'cognito:roles': ['arn:aws:iam::123456789012:role/readers'] });
    expect(id['cognito:preferred_role']).toBe('arn:aws:iam::123456789012:role/readers');
    expect(id.sub).not.toBe('forged');
    expect(id.email_verified).toBeUndefined();
    expect(id.both).toBeUndefined();
    expect(access.tenant).toBeUndefined();
    expect(access['cognito:groups']).toEqual(['readers']);

    const refreshed = await refresh(clientId, tokens!.RefreshToken!);
    expect(events.preToken![1].triggerSource).toBe('TokenGeneration_RefreshTokens');
    expect(decodeJwt(refreshed.AuthenticationResult!.IdToken!).tenant).toBe('acme');
  });

  it('V2_0: version "2" with scopes; ID and access tokens customised; scopes added and suppressed; an empty groupOverrideDetails suppresses the groups', async () => {
    const { poolId, clientId } = await customPool({ PreTokenGenerationConfig: { LambdaVersion: 'V2_0', LambdaArn: arn('preToken') } });
    await createUser(h.sdk, poolId, 'quinn');
    await groupsFor(poolId, 'quinn');
    behaviour.preToken = (event: Event) => {
      event.response.claimsAndScopeOverrideDetails = {
        idTokenGeneration: { claimsToAddOrOverride: { plan: 'gold', limits: { max: 3 } }, claimsToSuppress: ['cognito:username'] },
        accessTokenGeneration: { claimsToAddOrOverride: { plan: 'gold', flags: [1, true] }, scopesToAdd: ['api/read'], scopesToSuppress: ['nothing'] },
        groupOverrideDetails: {},
      };
      return event;
    };
    const { AuthenticationResult: tokens } = await passwordSignIn(clientId, 'quinn');
    const [event] = events.preToken!;
    expect(event).toMatchObject({ version: '2', triggerSource: 'TokenGeneration_Authentication' });
    expect(event.request.scopes).toEqual(['aws.cognito.signin.user.admin']);
    expect(event.response).toEqual({ claimsAndScopeOverrideDetails: null });
    const id = decodeJwt(tokens!.IdToken!);
    const access = decodeJwt(tokens!.AccessToken!);
    expect(id).toMatchObject({ plan: 'gold', limits: { max: 3 }, 'cognito:username': 'quinn' });
    expect(id['cognito:groups']).toBeUndefined();
    expect(access).toMatchObject({ plan: 'gold', flags: [1, true], scope: 'aws.cognito.signin.user.admin api/read' });
    expect(access['cognito:groups']).toBeUndefined();

    // Suppressing the admin scope leaves a token the user's own operations refuse.
    behaviour.preToken = (e: Event) => ({ ...e, response: { claimsAndScopeOverrideDetails: { accessTokenGeneration: { scopesToSuppress: ['aws.cognito.signin.user.admin'], scopesToAdd: ['api/read'] } } } });
    const refreshed = await refresh(clientId, tokens!.RefreshToken!);
    expect(decodeJwt(refreshed.AuthenticationResult!.AccessToken!).scope).toBe('api/read');
    expect(events.preToken![1]).toMatchObject({ version: '2', triggerSource: 'TokenGeneration_RefreshTokens' });
    // No changes: groups and claims as Cognito writes them.
    behaviour.preToken = (e: Event) => e;
    const plain = await passwordSignIn(clientId, 'quinn');
    expect(decodeJwt(plain.AuthenticationResult!.AccessToken!)['cognito:groups']).toEqual(['admins', 'staff']);
  });

  it('after a custom challenge, with RespondToAuthChallenge\'s ClientMetadata; after NEW_PASSWORD_REQUIRED: TokenGeneration_NewPasswordChallenge', async () => {
    const { poolId, clientId } = await customPool({ ...CHALLENGES, PreTokenGeneration: arn('preToken') });
    await createUser(h.sdk, poolId, 'rae');
    const start = await initiate(clientId, 'rae');
    await answer(clientId, start.Session, 'rae', 'blue', { app: 'web' });
    expect(events.preToken![0]).toMatchObject({ triggerSource: 'TokenGeneration_Authentication', request: { clientMetadata: { app: 'web' } } });

    await h.sdk.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'sam', TemporaryPassword: 'Temp-Passw0rd!', MessageAction: 'SUPPRESS' }));
    const first = await h.sdk.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'sam', PASSWORD: 'Temp-Passw0rd!' } }));
    expect(first.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    await h.sdk.send(
      new RespondToAuthChallengeCommand({ ClientId: clientId, ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: first.Session, ChallengeResponses: { USERNAME: 'sam', NEW_PASSWORD: PASSWORD } }),
    );
    expect(events.preToken!.at(-1).triggerSource).toBe('TokenGeneration_NewPasswordChallenge');
  });

  it('a throw fails the sign-in with UserLambdaValidationException; a claims map that is no object: InvalidLambdaResponseException', async () => {
    const { poolId, clientId } = await customPool({ PreTokenGeneration: arn('preToken') });
    await createUser(h.sdk, poolId, 'tom');
    behaviour.preToken = () => {
      throw new Error('no tokens for you');
    };
    await expectCognitoError(passwordSignIn(clientId, 'tom'), 'UserLambdaValidationException', 'PreTokenGeneration failed with error no tokens for you.');
    behaviour.preToken = (e: Event) => ({ ...e, response: { claimsOverrideDetails: { claimsToAddOrOverride: { n: 1 } } } });
    await expectCognitoError(passwordSignIn(clientId, 'tom'), 'InvalidLambdaResponseException');
  });
});
