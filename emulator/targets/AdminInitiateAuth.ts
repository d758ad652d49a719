import { adminPool } from '../access.js';
import type { Operation } from '../context.js';
import { invalidParameter } from '../errors.js';
import { passwordSignIn, requireFlow } from '../services/password-sign-in.js';
import { checkSecretHash, requireClient } from '../services/users.js';
import { CLIENT_ID, optObject, optStringMap, reqString } from '../validate.js';
import { refreshTokens } from './GetTokensFromRefreshToken.js';

export const AdminInitiateAuth: Operation = async (svc, body, request) => {
  const pool = adminPool(svc, body, request);
  const flow = reqString(body, 'AuthFlow', { max: 64 });
  const { client } = requireClient(svc.store, reqString(body, 'ClientId', { max: 128, pattern: CLIENT_ID }), pool.id);
  const params = optStringMap(body, 'AuthParameters') ?? new Map<string, string>();
  optStringMap(body, 'ClientMetadata');
  optObject(body, 'ContextData');
  switch (flow) {
    case 'ADMIN_USER_PASSWORD_AUTH':
    case 'ADMIN_NO_SRP_AUTH': {
      requireFlow(client, 'ALLOW_ADMIN_USER_PASSWORD_AUTH', flow);
      const username = params.get('USERNAME');
      const password = params.get('PASSWORD');
      if (!username || !password) throw invalidParameter('Missing required parameter USERNAME or PASSWORD');
      checkSecretHash(client, username, params.get('SECRET_HASH'));
      return passwordSignIn(svc, pool, client, username, password);
    }
    case 'REFRESH_TOKEN_AUTH':
    case 'REFRESH_TOKEN': {
      const token = params.get('REFRESH_TOKEN');
      if (!token) throw invalidParameter('Missing required parameter REFRESH_TOKEN');
      return { ChallengeParameters: {}, AuthenticationResult: await refreshTokens(svc, client, token) };
    }
    default:
      throw invalidParameter(`${flow.slice(0, 64)} is not supported by AdminInitiateAuth in this emulator.`);
  }
};
