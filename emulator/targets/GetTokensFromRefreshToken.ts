import type { Operation, Services } from '../context.js';
import { invalidParameter, notAuthorized } from '../errors.js';
import type { ClientRecord } from '../services/model.js';
import type { AuthenticationResult } from '../services/tokens.js';
import { requireClient, requirePool } from '../services/users.js';
import { CLIENT_ID, optString, reqString } from '../validate.js';

/** New access and id tokens under the refresh token's origin_jti (so RevokeToken still reaches them). */
export async function refreshTokens(svc: Services, client: ClientRecord, token: string): Promise<AuthenticationResult> {
  if (!client.explicitAuthFlows.includes('ALLOW_REFRESH_TOKEN_AUTH')) throw notAuthorized('Refresh Token has been revoked');
  const { record } = svc.tokens.useRefreshToken(token, client.id);
  const pool = requirePool(svc.store, record.poolId);
  const user = svc.store.getUser(pool.id, record.username);
  if (!user) throw notAuthorized('Invalid Refresh Token');
  if (!user.enabled) throw notAuthorized('User is disabled.');
  return svc.tokens.issue(pool, client, user, record.authTime, { originJti: record.originJti });
}

/** REFRESH_TOKEN_AUTH / REFRESH_TOKEN through (Admin)InitiateAuth. */
export async function refreshFlow(svc: Services, client: ClientRecord, params: Map<string, string>) {
  const token = params.get('REFRESH_TOKEN');
  if (!token) throw invalidParameter('Missing required parameter REFRESH_TOKEN');
  return { ChallengeParameters: {}, AuthenticationResult: await refreshTokens(svc, client, token) };
}

export const GetTokensFromRefreshToken: Operation = async (svc, body) => {
  const token = reqString(body, 'RefreshToken', { max: 8192 });
  const { client } = requireClient(svc.store, reqString(body, 'ClientId', { max: 128, pattern: CLIENT_ID }));
  const secret = optString(body, 'ClientSecret', { max: 128 });
  optString(body, 'DeviceKey', { max: 55 });
  if (client.secret && secret !== client.secret) throw notAuthorized(`Unable to verify secret for client ${client.id}`);
  return { AuthenticationResult: await refreshTokens(svc, client, token) };
};
