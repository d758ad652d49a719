/** The first factor: SRP (USER_SRP_AUTH → PASSWORD_VERIFIER) or a plain password, with lockout. */
import { randomBytes } from 'node:crypto';
import type { Services } from '../context.js';
import { CognitoError, badCredentials, invalidParameter, notAuthorized } from '../errors.js';
import type { ClientRecord, CustomChallengeResult, ExplicitAuthFlow, PoolRecord, UserRecord } from './model.js';
import { afterCustomPassword } from './custom-auth.js';
import { afterPassword, type SignInStep } from './sign-in.js';
import { createServerEphemeral, parseClientA, verifyPasswordClaim, isSrpTimestamp } from './srp.js';
import { checkSecretHash, findUser, passwordMatches, poolNameOf, unknownUser } from './users.js';
import { checkSignInDevice } from './devices.js';
import { preAuthentication } from './trigger-events.js';
import { migrateUser } from './user-migration.js';

export function requireFlow(client: ClientRecord, flow: ExplicitAuthFlow, name: string): void {
  if (!client.explicitAuthFlows.includes(flow)) throw invalidParameter(`${name} flow not enabled for this client`);
}

/** A federated user signs in at its identity provider, never with a password here (aws-cli issue 3348). */
export function refuseFederated(user: UserRecord): void {
  if (user.status === 'EXTERNAL_PROVIDER') throw notAuthorized('User is not authorized to get auth details.');
}

export function assertCanSignIn(user: UserRecord): void {
  if (!user.enabled) throw notAuthorized('User is disabled.');
  if (user.status === 'UNCONFIRMED') throw new CognitoError('UserNotConfirmedException', 'User is not confirmed.');
  if (user.status === 'RESET_REQUIRED') throw new CognitoError('PasswordResetRequiredException', 'Password reset required for the user');
}

/** The USERNAME / PASSWORD (and SECRET_HASH) parameters of USER_PASSWORD_AUTH and ADMIN_USER_PASSWORD_AUTH. */
export function passwordFlow(svc: Services, pool: PoolRecord, client: ClientRecord, params: Map<string, string>): Promise<SignInStep> {
  const username = params.get('USERNAME');
  const password = params.get('PASSWORD');
  if (!username || !password) throw invalidParameter('Missing required parameter USERNAME or PASSWORD');
  checkSecretHash(client, username, params.get('SECRET_HASH'));
  return passwordSignIn(svc, pool, client, username, password, params.get('DEVICE_KEY'));
}

/**
 * USER_PASSWORD_AUTH and ADMIN_USER_PASSWORD_AUTH (and managed login, and USER_AUTH's PASSWORD). An
 * unknown user may be migrated by the UserMigration trigger with the password typed here; the
 * PreAuthentication trigger runs before the password is checked.
 */
export async function passwordSignIn(svc: Services, pool: PoolRecord, client: ClientRecord, username: string, password: string, deviceKey?: string): Promise<SignInStep> {
  const user = findUser(svc.store, pool, username) ?? (await migrateUser(svc, pool, client, username, { source: 'UserMigration_Authentication', password }));
  if (!user) {
    await preAuthentication(svc, pool, client, undefined, username);
    throw unknownUser(client);
  }
  refuseFederated(user);
  await preAuthentication(svc, pool, client, user, username);
  if (!user.password) throw badCredentials();
  if (!(await svc.passwordAttempts.check(pool.id, user.username, () => passwordMatches(pool, user, password)))) throw badCredentials();
  assertCanSignIn(user);
  return afterPassword(svc, pool, client, user, deviceKey);
}

/**
 * USER_SRP_AUTH. With PreventUserExistenceErrors ENABLED an unknown user gets a challenge that
 * looks the same (random salt and verifier), so whether a username exists can't be learnt here:
 * the answer fails like a wrong password. LEGACY clients are told UserNotFoundException at once.
 */
export async function startSrp(svc: Services, pool: PoolRecord, client: ClientRecord, username: string, srpA: string): Promise<SignInStep> {
  const A = parseSrpA(srpA);
  const user = findUser(svc.store, pool, username);
  if (!user && client.preventUserExistenceErrors !== 'ENABLED') throw unknownUser(client);
  if (user) refuseFederated(user);
  // Before the password proof, as for a plain password (no migration: SRP never shows the password).
  await preAuthentication(svc, pool, client, user, username);
  return srpChallenge(svc, client, user, username, A);
}

export function parseSrpA(srpA: string): bigint {
  const A = parseClientA(srpA);
  if (A === undefined) throw invalidParameter('Invalid SRP_A value.');
  return A;
}

/**
 * The PASSWORD_VERIFIER challenge for SRP_A (a made-up verifier for a user that doesn't exist).
 * `custom`: the CUSTOM_AUTH challenges so far, when DefineAuthChallenge asked for the password (custom-auth.ts).
 */
export async function srpChallenge(svc: Services, client: ClientRecord, user: UserRecord | undefined, username: string, A: bigint, custom?: CustomChallengeResult[]): Promise<SignInStep> {
  const verifier = user?.password?.verifier ?? randomBytes(384).toString('hex');
  const salt = user?.password?.salt ?? randomBytes(16).toString('hex');
  const ephemeral = await createServerEphemeral(verifier);
  const userId = user?.username ?? username;
  const secretBlock = randomBytes(64).toString('base64');
  svc.sessions.create(client, userId, { authTime: 0 }, { step: 'PASSWORD_VERIFIER', A: A.toString(16), b: ephemeral.b, B: ephemeral.B, secretBlock, ...(custom ? { custom } : {}) }, secretBlock);
  return {
    ChallengeName: 'PASSWORD_VERIFIER',
    ChallengeParameters: { SALT: salt, SECRET_BLOCK: secretBlock, SRP_B: ephemeral.B, USERNAME: userId, USER_ID_FOR_SRP: userId },
  };
}

/** PASSWORD_VERIFIER: the session is found by the secret block it handed out, and is used once. */
export async function answerPasswordVerifier(svc: Services, pool: PoolRecord, client: ClientRecord, responses: Map<string, string>): Promise<SignInStep> {
  const secretBlock = responses.get('PASSWORD_CLAIM_SECRET_BLOCK');
  const signature = responses.get('PASSWORD_CLAIM_SIGNATURE');
  const timestamp = responses.get('TIMESTAMP');
  const username = responses.get('USERNAME');
  if (!secretBlock || !signature || !timestamp || !username) {
    throw invalidParameter('Missing required parameter PASSWORD_CLAIM_SECRET_BLOCK, PASSWORD_CLAIM_SIGNATURE, TIMESTAMP or USERNAME');
  }
  if (!isSrpTimestamp(timestamp)) throw invalidParameter('Invalid TIMESTAMP format.');
  const session = svc.sessions.open(secretBlock, client);
  const deviceKey = responses.get('DEVICE_KEY');
  const { state } = session.record;
  const user = state.step === 'PASSWORD_VERIFIER' && session.record.username === username ? svc.store.getUser(pool.id, username) : undefined;
  // Before the session is used up: Amplify v6 answers "Device does not exist." by dropping its device
  // keys and sending the same PASSWORD_VERIFIER again (retryOnResourceNotFoundException).
  if (user) checkSignInDevice(pool, user, deviceKey);
  svc.sessions.consume(session);
  if (state.step !== 'PASSWORD_VERIFIER' || !user || !user.password) throw badCredentials();
  const { password } = user;
  const ok = await svc.passwordAttempts.check(pool.id, user.username, () =>
    verifyPasswordClaim({
      A: BigInt(`0x${state.A}`),
      ephemeral: { b: state.b, B: state.B },
      verifierHex: password.verifier,
      poolName: poolNameOf(pool.id),
      userId: user.username,
      secretBlock,
      timestamp,
      signature,
    }),
  );
  if (!ok) throw badCredentials();
  assertCanSignIn(user);
  // The answer's DEVICE_KEY counts (Amplify sends it with InitiateAuth too, but leaves it out of its retry).
  // In a custom sign-in (CUSTOM_WITH_SRP), DefineAuthChallenge says what follows the password.
  if (state.custom) return afterCustomPassword(svc, pool, client, user, deviceKey, state.custom);
  return afterPassword(svc, pool, client, user, deviceKey);
}
