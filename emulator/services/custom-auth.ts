/**
 * CUSTOM_AUTH (DG = Amazon Cognito developer guide, "Custom authentication challenge Lambda
 * triggers"): DefineAuthChallenge decides each step from the challenges so far (`session`);
 * CreateAuthChallenge makes each CUSTOM_CHALLENGE (public parameters for the app, private ones for
 * the check); VerifyAuthChallengeResponse judges the ANSWER. With AuthParameters CHALLENGE_NAME=SRP_A
 * (Amplify's CUSTOM_WITH_SRP, amazon-cognito-identity-js's CUSTOM_AUTH authenticateUser), the first
 * session entry is {SRP_A, true}, and a PASSWORD_VERIFIER named by DefineAuthChallenge is the usual
 * SRP proof (password-sign-in.ts), after which DefineAuthChallenge is asked again with
 * {PASSWORD_VERIFIER, true} appended (DG, Define auth challenge).
 */
import type { Services } from '../context.js';
import { badCredentials, invalidParameter, notAuthorized } from '../errors.js';
import { nowSeconds } from './clock.js';
import { checkSignInDevice } from './devices.js';
import type { ChallengeState, ClientRecord, CustomChallengeResult, PoolRecord, UserRecord } from './model.js';
import { assertCanSignIn, parseSrpA, refuseFederated, srpChallenge } from './password-sign-in.js';
import type { OpenSession } from './sessions.js';
import { type SignInAuth, type SignInStep, tokens } from './sign-in.js';
import { eventAttributes, metadataUnlessInitiating, preAuthentication } from './trigger-events.js';
import { hasTrigger, invalidResponse, responseBoolean, responseString, responseStringMap, runTrigger } from './triggers.js';
import { checkSecretHash, findUser, unknownUser } from './users.js';

/** What Cognito answers when the pool has no DefineAuthChallenge (amplify-js issues 5623, 6327). */
const notConfigured = () => invalidParameter('Custom auth lambda trigger is not configured for the user pool.');

/** A custom sign-in between steps: the user (none when unknown, with PreventUserExistenceErrors ENABLED), the name given, the challenges so far. */
interface CustomSignIn {
  user: UserRecord | undefined;
  username: string;
  auth: SignInAuth;
  history: CustomChallengeResult[];
  /** CUSTOM_WITH_SRP: the client's SRP_A, for the PASSWORD_VERIFIER DefineAuthChallenge may ask for. */
  srpA?: bigint;
}

/** The request fields every challenge trigger gets: userAttributes, clientMetadata (not from InitiateAuth), userNotFound (only with PreventUserExistenceErrors ENABLED). */
function commonRequest(client: ClientRecord, sign: CustomSignIn): Record<string, unknown> {
  return {
    userAttributes: sign.user ? eventAttributes(sign.user) : {},
    ...metadataUnlessInitiating(),
    ...(client.preventUserExistenceErrors === 'ENABLED' ? { userNotFound: !sign.user } : {}),
  };
}

/** `session` as the triggers see it: challengeMetadata is null where there is none (amplify-js issue 5834's event). */
const sessionOf = (history: CustomChallengeResult[]) => history.map((r) => ({ challengeName: r.challengeName, challengeResult: r.challengeResult, challengeMetadata: r.challengeMetadata ?? null }));

/** InitiateAuth / AdminInitiateAuth CUSTOM_AUTH (the client's ALLOW_CUSTOM_AUTH is checked by the caller). */
export async function startCustomAuth(svc: Services, pool: PoolRecord, client: ClientRecord, params: Map<string, string>): Promise<SignInStep> {
  const username = params.get('USERNAME');
  if (!username) throw invalidParameter('Missing required parameter USERNAME');
  checkSecretHash(client, username, params.get('SECRET_HASH'));
  if (!hasTrigger(pool, 'DefineAuthChallenge')) throw notConfigured();
  // "If you don't want to start your custom auth flow with password verification, you can initiate
  // sign-in with the AuthParameters map including CHALLENGE_NAME: CUSTOM_CHALLENGE" (DG): anything
  // but SRP_A starts without.
  const withSrp = params.get('CHALLENGE_NAME') === 'SRP_A';
  let srpA: bigint | undefined;
  if (withSrp) {
    const given = params.get('SRP_A');
    if (!given) throw invalidParameter('Missing required parameter SRP_A');
    srpA = parseSrpA(given);
  }
  const user = findUser(svc.store, pool, username);
  if (!user && client.preventUserExistenceErrors !== 'ENABLED') throw unknownUser(client);
  if (user) refuseFederated(user);
  await preAuthentication(svc, pool, client, user, username);
  // Without a password step, a user who can't sign in is told now; with one, after the proof (as USER_SRP_AUTH does).
  if (user && !withSrp) assertCanSignIn(user);
  const deviceKey = user && !withSrp ? checkSignInDevice(pool, user, params.get('DEVICE_KEY')) : undefined;
  return defineNext(svc, pool, client, {
    user,
    username: user?.username ?? username,
    auth: { authTime: nowSeconds(svc.clock), ...(deviceKey ? { deviceKey } : {}) },
    history: withSrp ? [{ challengeName: 'SRP_A', challengeResult: true }] : [],
    ...(srpA !== undefined ? { srpA } : {}),
  });
}

/** CUSTOM_WITH_SRP after a right PASSWORD_VERIFIER: DefineAuthChallenge again, with the proof in the session. */
export function afterCustomPassword(svc: Services, pool: PoolRecord, client: ClientRecord, user: UserRecord, deviceKey: string | undefined, history: CustomChallengeResult[]): Promise<SignInStep> {
  const device = checkSignInDevice(pool, user, deviceKey);
  return defineNext(svc, pool, client, {
    user,
    username: user.username,
    auth: { authTime: nowSeconds(svc.clock), ...(device ? { deviceKey: device } : {}) },
    history: [...history, { challengeName: 'PASSWORD_VERIFIER', challengeResult: true }],
  });
}

/**
 * DefineAuthChallenge's decision: failAuthentication ends the sign-in ("Incorrect username or
 * password.", as Cognito answers it), issueTokens ends it with tokens, challengeName asks for
 * another challenge.
 */
async function defineNext(svc: Services, pool: PoolRecord, client: ClientRecord, sign: CustomSignIn): Promise<SignInStep> {
  const request = commonRequest(client, sign);
  const response = await runTrigger(svc, pool, 'DefineAuthChallenge', () => ({
    triggerSource: 'DefineAuthChallenge_Authentication',
    userName: sign.username,
    clientId: client.id,
    request: { ...request, session: sessionOf(sign.history) },
  }));
  if (!response) throw notConfigured();
  const fail = responseBoolean(response, 'failAuthentication') ?? false;
  const issue = responseBoolean(response, 'issueTokens') ?? false;
  const next = responseString(response, 'challengeName');
  if (fail) throw badCredentials();
  if (issue) {
    // A user who doesn't exist never gets tokens, whatever the function says.
    const user = sign.user && svc.store.getUser(pool.id, sign.user.username);
    if (!user) throw badCredentials();
    assertCanSignIn(user);
    return tokens(svc, pool, client, user, sign.auth);
  }
  if (next === 'PASSWORD_VERIFIER' && sign.srpA !== undefined && !sign.history.some((r) => r.challengeName === 'PASSWORD_VERIFIER')) {
    return srpChallenge(svc, client, sign.user, sign.username, sign.srpA, sign.history);
  }
  // Wording ours (not established).
  if (next !== 'CUSTOM_CHALLENGE') throw invalidResponse(`challengeName ${next ?? 'null'} cannot be issued here`);
  if (!hasTrigger(pool, 'CreateAuthChallenge')) throw notConfigured();
  const created = await runTrigger(svc, pool, 'CreateAuthChallenge', () => ({
    triggerSource: 'CreateAuthChallenge_Authentication',
    userName: sign.username,
    clientId: client.id,
    request: { ...request, challengeName: next, session: sessionOf(sign.history) },
  }));
  const publicParameters = responseStringMap(created ?? {}, 'publicChallengeParameters') ?? {};
  const privateParameters = responseStringMap(created ?? {}, 'privateChallengeParameters') ?? {};
  const challengeMetadata = responseString(created ?? {}, 'challengeMetadata');
  const state: ChallengeState = {
    step: 'CUSTOM_CHALLENGE',
    history: sign.history,
    privateParameters,
    ...(challengeMetadata !== undefined ? { challengeMetadata } : {}),
    ...(sign.user ? {} : { unknown: true }),
  };
  const Session = svc.sessions.create(client, sign.username, sign.auth, state);
  return { ChallengeName: 'CUSTOM_CHALLENGE', Session, ChallengeParameters: { ...publicParameters, USERNAME: sign.username } };
}

/**
 * RespondToAuthChallenge CUSTOM_CHALLENGE: ChallengeResponses USERNAME and ANSWER. The session is
 * used up whatever the answer: VerifyAuthChallengeResponse judges it, the result joins the session
 * history, and DefineAuthChallenge says what follows (another try gets a new Session).
 */
export async function answerCustomChallenge(svc: Services, pool: PoolRecord, client: ClientRecord, session: OpenSession, responses: Map<string, string>): Promise<SignInStep> {
  const { record } = session;
  const { state } = record;
  if (state.step !== 'CUSTOM_CHALLENGE') throw invalidParameter('Invalid challenge name CUSTOM_CHALLENGE');
  const username = responses.get('USERNAME');
  if (!username) throw invalidParameter('Missing required parameter USERNAME');
  checkSecretHash(client, username, responses.get('SECRET_HASH'));
  const answer = responses.get('ANSWER');
  if (answer === undefined) throw invalidParameter('Missing required parameter ANSWER');
  const user = state.unknown ? undefined : svc.store.getUser(pool.id, record.username);
  // USERNAME may be the username or an alias of the same user (as for the other challenges).
  const sameUser = state.unknown ? username === record.username : user !== undefined && findUser(svc.store, pool, username)?.username === user.username;
  svc.sessions.consume(session);
  if (!sameUser) throw notAuthorized('Invalid session for the user.');
  const sign: CustomSignIn = {
    user,
    username: record.username,
    auth: { authTime: record.authTime, ...(record.deviceKey ? { deviceKey: record.deviceKey } : {}) },
    history: state.history,
  };
  if (!hasTrigger(pool, 'VerifyAuthChallengeResponse')) throw notConfigured();
  const verified = await runTrigger(svc, pool, 'VerifyAuthChallengeResponse', () => ({
    triggerSource: 'VerifyAuthChallengeResponse_Authentication',
    userName: record.username,
    clientId: client.id,
    request: { ...commonRequest(client, sign), privateChallengeParameters: state.privateParameters, challengeAnswer: answer },
  }));
  const correct = responseBoolean(verified ?? {}, 'answerCorrect') ?? false;
  return defineNext(svc, pool, client, {
    ...sign,
    history: [...state.history, { challengeName: 'CUSTOM_CHALLENGE', challengeResult: correct, ...(state.challengeMetadata !== undefined ? { challengeMetadata: state.challengeMetadata } : {}) }],
  });
}
