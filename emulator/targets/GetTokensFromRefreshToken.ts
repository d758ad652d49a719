import type { Operation, Services } from '../context.js';
import { invalidParameter, notAuthorized } from '../errors.js';
import { confirmedDevice } from '../services/devices.js';
import type { ClientRecord } from '../services/model.js';
import type { AuthenticationResult } from '../services/tokens.js';
import { issueTokens } from '../services/token-trigger.js';
import { checkSecretHash, requireClient, requirePool, sameSecret } from '../services/users.js';
import { CLIENT_ID, optString, reqString } from '../validate.js';

/**
 * New access and id tokens under the refresh token's origin_jti (so RevokeToken still reaches them).
 * With refresh-token rotation (only through GetTokensFromRefreshToken), a new refresh token too,
 * and the old one stops working after the client's RetryGracePeriodSeconds.
 */
export async function refreshTokens(svc: Services, client: ClientRecord, token: string, options: { rotate: boolean; secretHash?: string | undefined; deviceKey?: string }): Promise<AuthenticationResult> {
  if (!client.explicitAuthFlows.includes('ALLOW_REFRESH_TOKEN_AUTH')) throw notAuthorized('Refresh Token has been revoked');
  const { record, hash } = svc.tokens.useRefreshToken(token, client.id);
  const pool = requirePool(svc.store, record.poolId);
  const user = svc.store.getUser(pool.id, record.username);
  if (!user) throw notAuthorized('Invalid Refresh Token');
  // SECRET_HASH over the username; for pools that sign in by e-mail or phone, over the sub.
  if (client.secret && options.secretHash !== undefined) {
    try {
      checkSecretHash(client, user.username, options.secretHash);
    } catch {
      checkSecretHash(client, user.sub, options.secretHash);
    }
  }
  if (!user.enabled) throw notAuthorized('User is disabled.');
  // "With device tracking, these tokens are linked to a single device. If a refresh token is used on
  // any other device, the call fails" (AWS Mobile blog, quoted in amplify-js issue 2962).
  if (record.deviceKey && confirmedDevice(user, record.deviceKey) && options.deviceKey !== record.deviceKey) throw notAuthorized('Invalid Refresh Token');
  const rotate = options.rotate && client.refreshTokenRotation.Feature === 'ENABLED';
  const result = await issueTokens(
    svc,
    pool,
    client,
    user,
    {
      authTime: record.authTime,
      refresh: { originJti: record.originJti, rotate },
      deviceKey: record.deviceKey,
      // A refresh token from the OAuth endpoints keeps its scopes.
      ...(record.scopes ? { oauth: { scopes: record.scopes } } : {}),
    },
    'TokenGeneration_RefreshTokens',
  );
  if (rotate) svc.tokens.rotateOut(hash, record, client.refreshTokenRotation.RetryGracePeriodSeconds);
  return result;
}

/** REFRESH_TOKEN_AUTH / REFRESH_TOKEN through (Admin)InitiateAuth. */
export async function refreshFlow(svc: Services, client: ClientRecord, params: Map<string, string>) {
  const token = params.get('REFRESH_TOKEN');
  if (!token) throw invalidParameter('Missing required parameter REFRESH_TOKEN');
  // "Refresh token rotation must be completed with GetTokensFromRefreshToken" (API reference, RefreshTokenRotationType).
  if (client.refreshTokenRotation.Feature === 'ENABLED') {
    throw invalidParameter('Refresh token rotation is enabled for this app client: refresh tokens with GetTokensFromRefreshToken.');
  }
  // A client with a secret must send SECRET_HASH here too; missing, it fails like a wrong one.
  const secretHash = client.secret ? (params.get('SECRET_HASH') ?? '') : undefined;
  if (secretHash === '') throw notAuthorized(`Unable to verify secret hash for client ${client.id}`);
  return { ChallengeParameters: {}, AuthenticationResult: await refreshTokens(svc, client, token, { rotate: false, secretHash, deviceKey: params.get('DEVICE_KEY') }) };
}

export const GetTokensFromRefreshToken: Operation = async (svc, body) => {
  const token = reqString(body, 'RefreshToken', { max: 8192 });
  const { client } = requireClient(svc.store, reqString(body, 'ClientId', { max: 128, pattern: CLIENT_ID }));
  const secret = optString(body, 'ClientSecret', { max: 128 });
  const deviceKey = optString(body, 'DeviceKey', { max: 55 });
  if (client.secret && !sameSecret(secret, client.secret)) throw notAuthorized(`Unable to verify secret for client ${client.id}`);
  return { AuthenticationResult: await refreshTokens(svc, client, token, { rotate: true, deviceKey }) };
};
