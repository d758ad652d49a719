import type { Operation, Services } from '../context.js';
import { startCustomAuth } from '../services/custom-auth.js';
import { duringInitiateAuth } from '../services/trigger-events.js';
import { invalidParameter, notAuthorized } from '../errors.js';
import { passwordFlow, requireFlow, startSrp } from '../services/password-sign-in.js';
import { checkSecretHash, requireClient } from '../services/users.js';
import { type Body, CLIENT_ID, optObject, optStringMap, reqString } from '../validate.js';
import { refreshFlow } from './GetTokensFromRefreshToken.js';
import { startUserAuth } from '../services/user-auth.js';

export const InitiateAuth: Operation = (svc, body) => duringInitiateAuth(() => initiateAuth(svc, body));

async function initiateAuth(svc: Services, body: Body) {
  const flow = reqString(body, 'AuthFlow', { max: 64 });
  const clientId = reqString(body, 'ClientId', { max: 128, pattern: CLIENT_ID });
  const params = optStringMap(body, 'AuthParameters') ?? new Map<string, string>();
  optStringMap(body, 'ClientMetadata');
  optObject(body, 'UserContextData');
  optObject(body, 'AnalyticsMetadata');
  const { client, pool } = requireClient(svc.store, clientId);
  const username = params.get('USERNAME');
  switch (flow) {
    case 'USER_SRP_AUTH': {
      requireFlow(client, 'ALLOW_USER_SRP_AUTH', 'USER_SRP_AUTH');
      const srpA = params.get('SRP_A');
      if (!username || !srpA) throw invalidParameter('Missing required parameter USERNAME or SRP_A');
      checkSecretHash(client, username, params.get('SECRET_HASH'));
      // DEVICE_KEY comes again with PASSWORD_VERIFIER, where it is checked.
      return startSrp(svc, pool, client, username, srpA);
    }
    case 'USER_PASSWORD_AUTH':
      requireFlow(client, 'ALLOW_USER_PASSWORD_AUTH', 'USER_PASSWORD_AUTH');
      return passwordFlow(svc, pool, client, params);
    case 'REFRESH_TOKEN_AUTH':
    case 'REFRESH_TOKEN':
      return refreshFlow(svc, client, params);
    case 'USER_AUTH':
      requireFlow(client, 'ALLOW_USER_AUTH', 'USER_AUTH');
      if (username) checkSecretHash(client, username, params.get('SECRET_HASH'));
      return startUserAuth(svc, pool, client, params);
    case 'CUSTOM_AUTH':
      requireFlow(client, 'ALLOW_CUSTOM_AUTH', 'CUSTOM_AUTH');
      return startCustomAuth(svc, pool, client, params);
    case 'ADMIN_USER_PASSWORD_AUTH':
    case 'ADMIN_NO_SRP_AUTH':
      throw notAuthorized(`${flow} is only allowed through AdminInitiateAuth.`);
    default:
      throw invalidParameter(`1 validation error detected: Value '${flow.slice(0, 64)}' at 'authFlow' failed to satisfy constraint: Member must satisfy enum value set`);
  }
}
