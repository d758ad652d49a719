import { adminPool } from '../access.js';
import type { Operation, RequestInfo, Services } from '../context.js';
import { startCustomAuth } from '../services/custom-auth.js';
import { duringInitiateAuth } from '../services/trigger-events.js';
import { invalidParameter } from '../errors.js';
import { passwordFlow, requireFlow } from '../services/password-sign-in.js';
import { requireClient } from '../services/users.js';
import { type Body, CLIENT_ID, optObject, optStringMap, reqString } from '../validate.js';
import { refreshFlow } from './GetTokensFromRefreshToken.js';

export const AdminInitiateAuth: Operation = (svc, body, request) => duringInitiateAuth(() => adminInitiateAuth(svc, body, request));

async function adminInitiateAuth(svc: Services, body: Body, request: RequestInfo) {
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
    case 'CUSTOM_AUTH':
      requireFlow(client, 'ALLOW_CUSTOM_AUTH', 'CUSTOM_AUTH');
      return startCustomAuth(svc, pool, client, params);
    default:
      throw invalidParameter(`${flow.slice(0, 64)} is not supported by AdminInitiateAuth in this emulator.`);
  }
}
