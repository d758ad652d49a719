/** Lookups and rules about users that several operations share. */
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { CognitoError, badCredentials, invalidParameter, notAuthorized, resourceNotFound } from '../errors.js';
import { E164, EMAIL } from './attributes.js';
import type { ClientRecord, PasswordPolicy, PoolRecord, UserRecord } from './model.js';
import { getAttribute } from './model.js';
import { checkPassword, createVerifier } from './srp.js';
import type { Store } from './store.js';

export const poolNameOf = (poolId: string) => poolId.slice(poolId.indexOf('_') + 1);

export function requirePool(store: Store, poolId: string): PoolRecord {
  const pool = store.getPool(poolId);
  if (!pool) throw resourceNotFound(`User pool ${poolId} does not exist.`);
  return pool;
}

export function requireClient(store: Store, clientId: string, poolId?: string): { client: ClientRecord; pool: PoolRecord } {
  const client = store.getClient(clientId);
  if (!client || (poolId !== undefined && client.poolId !== poolId)) throw resourceNotFound(`User pool client ${clientId} does not exist.`);
  const pool = requirePool(store, client.poolId);
  return { client, pool };
}

/**
 * By username, else by sub, else by what the pool lets users sign in with: a username attribute
 * (email / phone_number, verified or not), or an alias (a verified email / phone_number, or
 * preferred_username).
 */
export function findUser(store: Store, pool: PoolRecord, name: string): UserRecord | undefined {
  const direct = store.getUser(pool.id, name) ?? store.getUserBySub(pool.id, name);
  if (direct) return direct;
  // A federated user's mapped e-mail or phone is not a sign-in name: a native account may have the same.
  const native = () => store.listUsers(pool.id).filter((u) => u.status !== 'EXTERNAL_PROVIDER');
  if (pool.usernameAttributes.length) return native().find((u) => pool.usernameAttributes.some((a) => getAttribute(u, a) === name));
  if (pool.aliasAttributes.length) return native().find((u) => pool.aliasAttributes.some((a) => isAliasOf(u, a, name)));
  return undefined;
}

const isAliasOf = (user: UserRecord, alias: string, name: string) =>
  getAttribute(user, alias) === name && (alias === 'preferred_username' || getAttribute(user, `${alias}_verified`) === 'true');

export interface NewIdentity {
  username: string;
  sub: string;
  /** The e-mail or phone number given as the username, kept as an attribute. */
  attributes: { Name: string; Value: string }[];
}

/**
 * The username and sub of a new user. With UsernameAttributes the name given must be an e-mail or
 * phone number: Cognito keeps it as that attribute and generates the username, a UUID (DG: user
 * pool attributes, "Username and preferred username"). With an e-mail or phone alias, a username
 * can't look like one.
 */
export function newIdentity(pool: PoolRecord, given: string): NewIdentity {
  const sub = randomUUID();
  if (pool.usernameAttributes.length) {
    const asEmail = pool.usernameAttributes.includes('email') && EMAIL.test(given);
    const asPhone = pool.usernameAttributes.includes('phone_number') && E164.test(given);
    if (!asEmail && !asPhone) {
      const both = pool.usernameAttributes.length > 1;
      throw invalidParameter(both ? 'Username should be either an email or a phone number.' : `Username should be ${pool.usernameAttributes[0] === 'email' ? 'an email' : 'a phone number'}.`);
    }
    return { username: sub, sub, attributes: [{ Name: asEmail ? 'email' : 'phone_number', Value: given }] };
  }
  if (pool.aliasAttributes.includes('email') && EMAIL.test(given)) throw invalidParameter('Username cannot be of email format, since user pool is configured for email alias.');
  if (pool.aliasAttributes.includes('phone_number') && E164.test(given)) throw invalidParameter('Username cannot be of phone number format, since user pool is configured for phone_number alias.');
  return { username: given, sub, attributes: [] };
}

/** Inside the write transaction: the username, and an e-mail or phone used as one, must be free. */
export function requireUnused(store: Store, pool: PoolRecord, user: UserRecord): void {
  if (store.getUser(pool.id, user.username)) throw new CognitoError('UsernameExistsException', 'User account already exists');
  for (const name of pool.usernameAttributes) {
    const value = getAttribute(user, name);
    if (value && findUser(store, pool, value)) throw new CognitoError('UsernameExistsException', `An account with the given ${name} already exists.`);
  }
}

export function requireUser(store: Store, pool: PoolRecord, name: string): UserRecord {
  const user = findUser(store, pool, name);
  if (!user) throw new CognitoError('UserNotFoundException', 'User does not exist.');
  return user;
}

export function checkPasswordPolicy(policy: PasswordPolicy, password: string): void {
  const fail = (why: string) => new CognitoError('InvalidPasswordException', `Password did not conform with policy: ${why}`);
  if (password.length < policy.MinimumLength) throw fail('Password not long enough');
  if (password.length > 256) throw fail('Password is too long');
  if (policy.RequireLowercase && !/\p{Ll}/u.test(password)) throw fail('Password must have lowercase characters');
  if (policy.RequireUppercase && !/\p{Lu}/u.test(password)) throw fail('Password must have uppercase characters');
  if (policy.RequireNumbers && !/\d/.test(password)) throw fail('Password must have numeric characters');
  if (policy.RequireSymbols && !/[\^$*.[\]{}()?"!@#%&/\\,><':;|_~`=+\- ]/.test(password)) throw fail('Password must have symbol characters');
}

/** Salt + verifier for a new password: computed before the write, which then just stores it. */
export function passwordVerifier(pool: PoolRecord, username: string, password: string): Promise<UserRecord['password'] & object> {
  return createVerifier(poolNameOf(pool.id), username, password);
}

export async function passwordMatches(pool: PoolRecord, user: UserRecord, password: string): Promise<boolean> {
  return user.password !== null && (await checkPassword(user.password, poolNameOf(pool.id), user.username, password));
}

/** Constant-time comparison of a client secret (or any secret string). */
export function sameSecret(given: string | undefined, expected: string): boolean {
  const a = Buffer.from(given ?? '');
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * An unknown username. Clients with PreventUserExistenceErrors LEGACY (the API's default) say so;
 * ENABLED answers exactly as for a wrong password, so usernames can't be probed.
 */
export const unknownUser = (client: ClientRecord) =>
  client.preventUserExistenceErrors === 'ENABLED' ? badCredentials() : new CognitoError('UserNotFoundException', 'User does not exist.');

/** SECRET_HASH = Base64(HMAC-SHA256(clientSecret, username + clientId)), required when the client has a secret. */
export function checkSecretHash(client: ClientRecord, username: string, given: string | undefined): void {
  if (!client.secret) return;
  if (!given) throw notAuthorized(`Client ${client.id} is configured with secret but SECRET_HASH was not received`);
  const expected = createHmac('sha256', client.secret).update(username + client.id).digest();
  const actual = Buffer.from(given, 'base64');
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
    throw notAuthorized(`Unable to verify secret hash for client ${client.id}`);
  }
}

export function newUser(username: string, nowMs: number, sub: string = randomUUID()): UserRecord {
  return {
    username,
    sub,
    createdAt: nowMs,
    lastModifiedAt: nowMs,
    enabled: true,
    status: 'CONFIRMED',
    attributes: [['sub', sub]],
    password: null,
    smsMfaEnabled: false,
    totpEnabled: false,
    preferredMfa: null,
    totpSecret: null,
    totpLastStep: 0,
    pendingTotpSecret: null,
    failedSignIns: 0,
    lockedUntil: 0,
    verificationCodes: [],
  };
}

/** Cognito's AttributeType list for responses. */
export const attributeList = (user: UserRecord) => user.attributes.map(([Name, Value]) => ({ Name, Value }));

/**
 * Which MFA factors a user has turned on, as GetUser / AdminGetUser report them: Cognito leaves
 * UserMFASettingList out until there is one. TOTP stays listed while a new token is being
 * associated, although sign-in doesn't use it then (amplify-js issue 1226).
 */
export function mfaSettings(user: UserRecord): { UserMFASettingList?: string[]; PreferredMfaSetting?: string } {
  const list: string[] = [];
  if (user.smsMfaEnabled) list.push('SMS_MFA');
  if (user.totpEnabled) list.push('SOFTWARE_TOKEN_MFA');
  if (user.emailMfaEnabled) list.push('EMAIL_OTP');
  if (list.length === 0) return {};
  return { UserMFASettingList: list, ...(user.preferredMfa && list.includes(user.preferredMfa) ? { PreferredMfaSetting: user.preferredMfa } : {}) };
}
