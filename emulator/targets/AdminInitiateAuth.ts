import { adminPool } from '../access.js';
import type { Operation } from '../context.js';
import { invalidParameter } from '../errors.js';
import { passwordFlow, requireFlow } from '../services/password-sign-in.js';
import { requireClient } from '../services/users.js';
import { CLIENT_ID, optObject, optStringMap, reqString } from '../validate.js';
import { refreshFlow } from './GetTokensFromRefreshToken.js';

export const AdminInitiateAuth: Operation = async (svc, body, request) => {
  const pool = adminPool(svc, body, request);
  const flow = reqString(body, 'AuthFlow', { max: 64 });
  const { client } = requireClient(svc.store, reqString(body, 'ClientId', { max: 128, pattern: CLIENT_ID }), pool.id);
  const params = optStringMap(body, 'AuthParameters') ?? new Map<string, string>();
  optStringMap(body, 'ClientMetadata');
  optObject(body, 'ContextData');
  switch (flow) {
    case 'ADMIN_USER_PASSWORD_AUTH':
    case 'ADMIN_NO_SRP_AUTH':
      requireFlow(client, 'ALLOW_ADMIN_USER_PASSWORD_AUTH', flow);
      return passwordFlow(svc, pool, client, params);
    case 'REFRESH_TOKEN_AUTH':
    case 'REFRESH_TOKEN':
      return refreshFlow(svc, client, params);
    default:
      throw invalidParameter(`${flow.slice(0, 64)} is not supported by AdminInitiateAuth in this emulator.`);
  }
};
