/**
 * Cognito-shaped JWTs: RS256, two key pairs per pool (kept in SQLite), published as JWKS: like
 * Cognito, ID tokens and access tokens are signed with different keys, so a verifier must pick the
 * key by `kid` rather than assume the first one.
 * Access tokens are verified on every call that takes one: signature, issuer, expiry, token_use,
 * and revocation (RevokeToken and GlobalSignOut revoke the origin_jti the tokens were issued under).
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { SignJWT, exportJWK, generateKeyPair, importJWK, jwtVerify, decodeJwt, errors as joseErrors, type JWK, type CryptoKey } from 'jose';
import { CognitoError, notAuthorized } from '../errors.js';
import { nowSeconds, type Clock } from './clock.js';
import { type ClientRecord, type PoolRecord, type UserRecord, validitySeconds } from './model.js';
import type { RefreshTokenRecord, Store } from './store.js';
import { identitiesClaim } from './federated-users.js';
import { groupClaims } from './groups.js';

interface PoolKey {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  publicJwk: JWK;
}

export interface AuthenticationResult {
  AccessToken: string;
  /** Left out when the OAuth scopes don't include openid. */
  IdToken?: string;
  RefreshToken?: string;
  NewDeviceMetadata?: { DeviceKey: string; DeviceGroupKey: string };
  ExpiresIn: number;
  TokenType: 'Bearer';
}

export interface AccessClaims {
  sub: string;
  username: string;
  client_id: string;
  origin_jti: string;
  iat: number;
  exp: number;
  poolId: string;
  scopes: string[];
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/** The scope of tokens issued by the user-pool API: the user's own operations, nothing else. */
export const ADMIN_SCOPE = 'aws.cognito.signin.user.admin';

/** OIDC at_hash: the left half of the access token's SHA-256, base64url. */
const atHash = (accessToken: string) => createHash('sha256').update(accessToken).digest().subarray(0, 16).toString('base64url');

export interface IssueOptions {
  authTime: number;
  /** A refresh: the sign-in's origin_jti, and whether a new refresh token rotates the old one out. */
  refresh?: { originJti: string; rotate: boolean };
  /** The device signed in on: Cognito's access tokens carry it as device_key. */
  deviceKey?: string | undefined;
  /** Issued through the OAuth endpoints: the scopes granted, the app's nonce, and whether a code was exchanged (at_hash). */
  oauth?: { scopes: string[]; nonce?: string | undefined; codeFlow?: boolean };
  /** The implicit flow gets no refresh token. */
  noRefreshToken?: boolean;
  /** The PreTokenGeneration trigger's changes (token-trigger.ts). */
  customize?: TokenCustomization;
}

/** Changes to the claims Cognito would write: applied last, to each token's claims and to the group claims. */
export interface TokenCustomization {
  id?: (claims: Record<string, unknown>) => Record<string, unknown>;
  access?: (claims: Record<string, unknown>) => Record<string, unknown>;
  groups?: (() => { id: Record<string, unknown>; access: Record<string, unknown> }) | undefined;
}

type KeyUse = 'id' | 'access';

/**
 * Id-token claims: the attributes the client may read, with Cognito's boolean-looking ones as
 * booleans, and `identities` as an array (the attribute is a JSON string).
 */
function idClaims(user: UserRecord, readable: string[] | undefined): Record<string, unknown> {
  const claims: Record<string, unknown> = {};
  for (const [name, value] of user.attributes) {
    if (name === 'sub' || (readable && !readable.includes(name))) continue;
    claims[name] = name === 'identities' ? identitiesClaim(user) : name.endsWith('_verified') ? value === 'true' : value;
  }
  return claims;
}

export class TokenService {
  private readonly keys = new Map<string, Promise<PoolKey>>();
  /** Signing keys are stored under the pool id (ID tokens) and `<pool id>/access` (access tokens). */
  private static keyName = (poolId: string, use: KeyUse) => (use === 'id' ? poolId : `${poolId}/access`);

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    /** Base URL of this emulator: iss = `${base}/${poolId}`, as Cognito's is `https://cognito-idp.<region>.amazonaws.com/<poolId>`. */
    private readonly issuerBase: () => string,
  ) {}

  issuer(poolId: string): string {
    return `${this.issuerBase()}/${poolId}`;
  }

  private keyFor(poolId: string, use: KeyUse): Promise<PoolKey> {
    const name = TokenService.keyName(poolId, use);
    let key = this.keys.get(name);
    if (!key) {
      key = this.loadOrCreateKey(name);
      key.catch(() => this.keys.delete(name));
      this.keys.set(name, key);
    }
    return key;
  }

  private async loadOrCreateKey(name: string): Promise<PoolKey> {
    let stored = this.store.getSigningKey(name);
    if (!stored) {
      const { privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
      this.store.putSigningKey(name, randomUUID(), JSON.stringify(await exportJWK(privateKey)));
      stored = this.store.getSigningKey(name)!;
    }
    const privateJwk = JSON.parse(stored.privateJwk) as JWK;
    const { kty, n, e } = privateJwk;
    const publicJwk: JWK = { kty, n, e, alg: 'RS256', use: 'sig', kid: stored.kid };
    return {
      kid: stored.kid,
      privateKey: (await importJWK({ ...privateJwk, alg: 'RS256' }, 'RS256')) as CryptoKey,
      publicKey: (await importJWK(publicJwk, 'RS256')) as CryptoKey,
      publicJwk,
    };
  }

  async jwks(poolId: string): Promise<{ keys: JWK[] }> {
    const [id, access] = await Promise.all([this.keyFor(poolId, 'id'), this.keyFor(poolId, 'access')]);
    return { keys: [id.publicJwk, access.publicJwk] };
  }

  /**
   * Tokens for a completed sign-in, with a refresh token; for a refresh (`refresh` given), a new
   * refresh token only when it rotates one out, under the same origin_jti so that revoking either
   * reaches every token of the sign-in.
   */
  async issue(pool: PoolRecord, client: ClientRecord, user: UserRecord, options: IssueOptions): Promise<AuthenticationResult> {
    const { authTime, refresh, deviceKey, oauth } = options;
    const [idKey, accessKey] = await Promise.all([this.keyFor(pool.id, 'id'), this.keyFor(pool.id, 'access')]);
    const now = nowSeconds(this.clock);
    const originJti = refresh?.originJti ?? randomUUID();
    const iss = this.issuer(pool.id);
    // Read at every issue, refreshes included: tokens carry the user's groups as they are now.
    const groups = options.customize?.groups?.() ?? groupClaims(this.store, pool.id, user.username);
    const customized = (key: PoolKey, claims: Record<string, unknown>) => (key === idKey ? options.customize?.id : options.customize?.access)?.(claims) ?? claims;
    const sign = (key: PoolKey, claims: Record<string, unknown>, lifetimeSeconds: number) =>
      new SignJWT(customized(key, claims))
        .setProtectedHeader({ alg: 'RS256', kid: key.kid })
        .setIssuer(iss)
        .setSubject(user.sub)
        .setIssuedAt(now)
        .setExpirationTime(now + lifetimeSeconds)
        .setJti(randomUUID())
        .sign(key.privateKey);
    const accessToken = await sign(
      accessKey,
      {
        // Through the OAuth endpoints: the scopes granted, and version 2 (the API's tokens carry neither).
        ...(oauth ? { version: 2 } : {}),
        client_id: client.id,
        origin_jti: originJti,
        event_id: randomUUID(),
        token_use: 'access',
        scope: oauth ? oauth.scopes.join(' ') : ADMIN_SCOPE,
        auth_time: authTime,
        username: user.username,
        ...groups.access,
        ...(deviceKey ? { device_key: deviceKey } : {}),
      },
      validitySeconds(client, 'AccessToken'),
    );
    // "An ID token is only returned if openid scope is requested" (DG, authorization endpoint).
    const withIdToken = !oauth || oauth.scopes.includes('openid');
    const idToken = withIdToken
      ? await sign(
          idKey,
          {
            ...idClaims(user, client.readAttributes),
            ...groups.id,
            // Cognito's own claims after the attributes: none of them can be overridden by one.
            ...(oauth?.codeFlow ? { at_hash: atHash(accessToken) } : {}),
            aud: client.id,
            origin_jti: originJti,
            event_id: randomUUID(),
            token_use: 'id',
            auth_time: authTime,
            ...(oauth?.nonce ? { nonce: oauth.nonce } : {}),
            'cognito:username': user.username,
          },
          validitySeconds(client, 'IdToken'),
        )
      : undefined;
    const result: AuthenticationResult = { AccessToken: accessToken, ...(idToken ? { IdToken: idToken } : {}), ExpiresIn: validitySeconds(client, 'AccessToken'), TokenType: 'Bearer' };
    if ((!refresh || refresh.rotate) && !options.noRefreshToken) {
      const refreshToken = randomBytes(48).toString('base64url');
      this.store.putRefreshToken(hashToken(refreshToken), {
        poolId: pool.id,
        clientId: client.id,
        username: user.username,
        originJti,
        authTime,
        expiresAt: now + validitySeconds(client, 'RefreshToken'),
        revoked: false,
        ...(deviceKey ? { deviceKey } : {}),
        ...(oauth ? { scopes: oauth.scopes } : {}),
      });
      result.RefreshToken = refreshToken;
    }
    return result;
  }

  /**
   * A client-credentials access token: the client is its subject, the custom scopes granted are its
   * scope, and there is no user, no ID token and no refresh token (DG, token endpoint).
   */
  async issueForClient(pool: PoolRecord, client: ClientRecord, scopes: string[]): Promise<{ accessToken: string; expiresIn: number }> {
    const key = await this.keyFor(pool.id, 'access');
    const now = nowSeconds(this.clock);
    const expiresIn = validitySeconds(client, 'AccessToken');
    const accessToken = await new SignJWT({ version: 2, client_id: client.id, token_use: 'access', scope: scopes.join(' '), auth_time: now })
      .setProtectedHeader({ alg: 'RS256', kid: key.kid })
      .setIssuer(this.issuer(pool.id))
      .setSubject(client.id)
      .setIssuedAt(now)
      .setExpirationTime(now + expiresIn)
      .setJti(randomUUID())
      .sign(key.privateKey);
    return { accessToken, expiresIn };
  }

  /**
   * Throws NotAuthorizedException with Cognito's messages for anything but a live access token.
   * Returns the pool and user it had to load for the checks, so callers don't read them again.
   */
  async verifyAccessToken(token: string, requiredScope = ADMIN_SCOPE): Promise<{ claims: AccessClaims; pool: PoolRecord; user: UserRecord }> {
    let unverified;
    try {
      unverified = decodeJwt(token);
    } catch {
      throw notAuthorized('Invalid Access Token');
    }
    const iss = typeof unverified.iss === 'string' ? unverified.iss : '';
    const poolId = iss.slice(iss.lastIndexOf('/') + 1);
    const pool = poolId && iss === this.issuer(poolId) ? this.store.getPool(poolId) : undefined;
    if (!pool) throw notAuthorized('Invalid Access Token');
    const key = await this.keyFor(poolId, 'access');
    let payload;
    try {
      ({ payload } = await jwtVerify(token, key.publicKey, {
        algorithms: ['RS256'],
        issuer: iss,
        currentDate: new Date(this.clock.now()),
      }));
    } catch (e) {
      if (e instanceof joseErrors.JWTExpired) throw notAuthorized('Access Token has expired');
      throw notAuthorized('Invalid Access Token');
    }
    const { sub, username, client_id, origin_jti, iat, exp, token_use, scope } = payload as Record<string, unknown>;
    if (token_use !== 'access' || typeof sub !== 'string' || typeof username !== 'string' || typeof client_id !== 'string' || typeof origin_jti !== 'string' || typeof iat !== 'number' || typeof exp !== 'number') {
      throw notAuthorized('Invalid Access Token');
    }
    // A token from the OAuth endpoints reaches the user's own operations only with this scope.
    if (typeof scope !== 'string' || !scope.split(' ').includes(requiredScope)) throw notAuthorized('Access Token does not have required scopes');
    if (this.store.isOriginJtiRevoked(origin_jti)) throw notAuthorized('Access Token has been revoked');
    const user = this.store.getUser(poolId, username);
    if (!user || user.sub !== sub) throw notAuthorized('Invalid Access Token');
    if (!user.enabled) throw notAuthorized('User is disabled.');
    return { claims: { sub, username, client_id, origin_jti, iat, exp, poolId, scopes: scope.split(' ') }, pool, user };
  }

  /** The live record behind a refresh token, or NotAuthorizedException. */
  useRefreshToken(token: string, clientId: string): { record: RefreshTokenRecord; hash: string } {
    const hash = hashToken(token);
    const record = this.store.getRefreshToken(hash);
    if (!record || record.clientId !== clientId) throw notAuthorized('Invalid Refresh Token');
    if (record.revoked) throw notAuthorized('Refresh Token has been revoked');
    if (record.expiresAt <= nowSeconds(this.clock)) throw notAuthorized('Refresh Token has expired');
    if (record.rotatedUntil !== undefined && record.rotatedUntil <= nowSeconds(this.clock)) throw notAuthorized('Invalid Refresh Token');
    const user = this.store.getUser(record.poolId, record.username);
    if (!user) throw notAuthorized('Invalid Refresh Token');
    return { record, hash };
  }

  /** Refresh-token rotation: the old token stays usable for the grace period only (retries). */
  rotateOut(hash: string, record: RefreshTokenRecord, graceSeconds: number): void {
    const until = nowSeconds(this.clock) + graceSeconds;
    this.store.putRefreshToken(hash, { ...record, rotatedUntil: Math.min(record.rotatedUntil ?? until, until) });
  }

  /** RevokeToken and /oauth2/revoke: as in RFC 7009, an unknown, expired or already revoked token is not an error. */
  revokeIfLive(token: string, clientId: string): void {
    let live;
    try {
      live = this.useRefreshToken(token, clientId);
    } catch (e) {
      if (e instanceof CognitoError && e.type === 'NotAuthorizedException') return;
      throw e;
    }
    this.revoke(live.hash, live.record);
  }

  /** RevokeToken: the refresh token and every access/id token issued from it. */
  revoke(hash: string, record: RefreshTokenRecord): void {
    this.store.transaction(() => {
      this.store.putRefreshToken(hash, { ...record, revoked: true });
      this.store.revokeOriginJti(record.originJti, record.expiresAt);
    });
  }
}

