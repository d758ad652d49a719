/**
 * Cognito-shaped JWTs: RS256, two key pairs per pool (kept in SQLite), published as JWKS: like
 * Cognito, ID tokens and access tokens are signed with different keys, so a verifier must pick the
 * key by `kid` rather than assume the first one.
 * Access tokens are verified on every call that takes one: signature, issuer, expiry, token_use,
 * and revocation (RevokeToken and GlobalSignOut revoke the origin_jti the tokens were issued under).
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { SignJWT, exportJWK, generateKeyPair, importJWK, jwtVerify, decodeJwt, errors as joseErrors, type JWK, type CryptoKey } from 'jose';
import { notAuthorized } from '../errors.js';
import { nowSeconds, type Clock } from './clock.js';
import { type ClientRecord, type PoolRecord, type UserRecord, validitySeconds } from './model.js';
import type { RefreshTokenRecord, Store } from './store.js';

interface PoolKey {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  publicJwk: JWK;
}

export interface AuthenticationResult {
  AccessToken: string;
  IdToken: string;
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
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

type KeyUse = 'id' | 'access';

/** Id-token claims: the attributes the client may read, with Cognito's boolean-looking ones as booleans. */
function idClaims(user: UserRecord, readable: string[] | undefined): Record<string, unknown> {
  const claims: Record<string, unknown> = {};
  for (const [name, value] of user.attributes) {
    if (name === 'sub' || (readable && !readable.includes(name))) continue;
    claims[name] = name.endsWith('_verified') ? value === 'true' : value;
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
  async issue(
    pool: PoolRecord,
    client: ClientRecord,
    user: UserRecord,
    authTime: number,
    refresh?: { originJti: string; rotate: boolean },
    /** The device signed in on: Cognito's access tokens carry it as device_key. */
    deviceKey?: string,
  ): Promise<AuthenticationResult> {
    const [idKey, accessKey] = await Promise.all([this.keyFor(pool.id, 'id'), this.keyFor(pool.id, 'access')]);
    const now = nowSeconds(this.clock);
    const originJti = refresh?.originJti ?? randomUUID();
    const iss = this.issuer(pool.id);
    const sign = (key: PoolKey, claims: Record<string, unknown>, lifetimeSeconds: number) =>
      new SignJWT(claims)
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
        client_id: client.id,
        origin_jti: originJti,
        event_id: randomUUID(),
        token_use: 'access',
        scope: 'aws.cognito.signin.user.admin',
        auth_time: authTime,
        username: user.username,
        ...(deviceKey ? { device_key: deviceKey } : {}),
      },
      validitySeconds(client, 'AccessToken'),
    );
    const idToken = await sign(
      idKey,
      {
        ...idClaims(user, client.readAttributes),
        aud: client.id,
        origin_jti: originJti,
        event_id: randomUUID(),
        token_use: 'id',
        auth_time: authTime,
        'cognito:username': user.username,
      },
      validitySeconds(client, 'IdToken'),
    );
    const result: AuthenticationResult = { AccessToken: accessToken, IdToken: idToken, ExpiresIn: validitySeconds(client, 'AccessToken'), TokenType: 'Bearer' };
    if (!refresh || refresh.rotate) {
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
      });
      result.RefreshToken = refreshToken;
    }
    return result;
  }

  /**
   * Throws NotAuthorizedException with Cognito's messages for anything but a live access token.
   * Returns the pool and user it had to load for the checks, so callers don't read them again.
   */
  async verifyAccessToken(token: string): Promise<{ claims: AccessClaims; pool: PoolRecord; user: UserRecord }> {
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
    const { sub, username, client_id, origin_jti, iat, exp, token_use } = payload as Record<string, unknown>;
    if (token_use !== 'access' || typeof sub !== 'string' || typeof username !== 'string' || typeof client_id !== 'string' || typeof origin_jti !== 'string' || typeof iat !== 'number' || typeof exp !== 'number') {
      throw notAuthorized('Invalid Access Token');
    }
    if (this.store.isOriginJtiRevoked(origin_jti)) throw notAuthorized('Access Token has been revoked');
    const user = this.store.getUser(poolId, username);
    if (!user || user.sub !== sub) throw notAuthorized('Invalid Access Token');
    if (!user.enabled) throw notAuthorized('User is disabled.');
    return { claims: { sub, username, client_id, origin_jti, iat, exp, poolId }, pool, user };
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

  /** RevokeToken: the refresh token and every access/id token issued from it. */
  revoke(hash: string, record: RefreshTokenRecord): void {
    this.store.transaction(() => {
      this.store.putRefreshToken(hash, { ...record, revoked: true });
      this.store.revokeOriginJti(record.originJti, record.expiresAt);
    });
  }
}

