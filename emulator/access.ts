/** The two ways a caller proves who it is: IAM-signed admin calls and user access tokens. */
import type { RequestInfo, Services } from './context.js';
import { CognitoError } from './errors.js';
import type { ClientRecord, PoolRecord, UserRecord } from './services/model.js';
import type { AccessClaims } from './services/tokens.js';
import { attributeList, checkSecretHash, findUser, requireClient, requirePool, requireUser, unknownUser } from './services/users.js';
import { type Body, CLIENT_ID, POOL_ID, USERNAME, optObject, optString, optStringMap, reqString } from './validate.js';

/**
 * Admin operations need IAM credentials. The emulator does not check the signature (there is no
 * IAM here), but it refuses unsigned calls so a browser can't reach them with a bare fetch.
 */
export function requireSigned(request: RequestInfo): void {
  if (!request.signed) throw new CognitoError('MissingAuthenticationTokenException', 'Missing Authentication Token');
}

export const poolIdParam = (body: Body) => reqString(body, 'UserPoolId', { max: 55, pattern: POOL_ID });
export const usernameParam = (body: Body, key = 'Username') => reqString(body, key, { max: 128, pattern: USERNAME });

export function adminPool(svc: Services, body: Body, request: RequestInfo): PoolRecord {
  requireSigned(request);
  return requirePool(svc.store, poolIdParam(body));
}

export function adminUser(svc: Services, body: Body, request: RequestInfo): { pool: PoolRecord; user: UserRecord } {
  const pool = adminPool(svc, body, request);
  return { pool, user: requireUser(svc.store, pool, usernameParam(body)) };
}

export interface TokenUser {
  claims: AccessClaims;
  pool: PoolRecord;
  user: UserRecord;
}

export function tokenUser(svc: Services, body: Body): Promise<TokenUser> {
  return svc.tokens.verifyAccessToken(reqString(body, 'AccessToken', { max: 8192 }));
}

/**
 * The start of the unauthenticated account operations (ForgotPassword, ConfirmSignUp, …): the app
 * client, the username (and its SECRET_HASH for a client with a secret), and the user if any.
 */
export function clientUserRequest(svc: Services, body: Body): { client: ClientRecord; pool: PoolRecord; username: string; user: UserRecord | undefined } {
  const { client, pool } = requireClient(svc.store, reqString(body, 'ClientId', { max: 128, pattern: CLIENT_ID }));
  const username = usernameParam(body);
  optStringMap(body, 'ClientMetadata');
  optObject(body, 'UserContextData');
  optObject(body, 'AnalyticsMetadata');
  checkSecretHash(client, username, optString(body, 'SecretHash', { max: 128 }));
  return { client, pool, username, user: findUser(svc.store, pool, username) };
}

/** An unknown user at a code check: ENABLED clients fail it as a wrong code would. */
export const unknownAtCodeCheck = (client: ClientRecord) =>
  client.preventUserExistenceErrors === 'ENABLED' ? new CognitoError('CodeMismatchException', 'Invalid verification code provided, please try again.') : unknownUser(client);

/** The app client an access token was issued to (its Read/WriteAttributes apply to the call). */
export function tokenClient(svc: Services, claims: AccessClaims): ClientRecord | undefined {
  return svc.store.getClient(claims.client_id);
}

/** WriteAttributes: a client may change only the attributes it lists (all when it lists none). */
export function requireWritable(client: ClientRecord | undefined, names: string[]): void {
  const writable = client?.writeAttributes;
  if (writable && names.some((n) => !writable.includes(n))) throw new CognitoError('NotAuthorizedException', 'A client attempted to write unauthorized attribute');
}

/** ReadAttributes: what GetUser shows a client (sub always). */
export const readableAttributes = (client: ClientRecord | undefined, user: UserRecord) =>
  attributeList(user).filter((a) => a.Name === 'sub' || !client?.readAttributes || client.readAttributes.includes(a.Name));

/** Read-modify-write of one user inside a transaction, so concurrent workers can't lose an update. */
export function updateUser(svc: Services, pool: PoolRecord, username: string, change: (user: UserRecord) => void): UserRecord {
  return svc.store.transaction(() => {
    const user = svc.store.getUser(pool.id, username);
    if (!user) throw new CognitoError('UserNotFoundException', 'User does not exist.');
    change(user);
    user.lastModifiedAt = svc.clock.now();
    svc.store.updateUser(pool.id, user);
    return user;
  });
}
