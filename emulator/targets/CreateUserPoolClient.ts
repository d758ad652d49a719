import { randomBytes } from 'node:crypto';
import { adminPool } from '../access.js';
import type { Operation } from '../context.js';
import { invalidParameter } from '../errors.js';
import { describeClient } from '../services/describe.js';
import type { ClientRecord, ExplicitAuthFlow } from '../services/model.js';
import { optBoolean, optNumber, optStringList, reqString } from '../validate.js';
import { randomId } from './CreateUserPool.js';

const FLOWS: ExplicitAuthFlow[] = [
  'ALLOW_USER_SRP_AUTH',
  'ALLOW_USER_PASSWORD_AUTH',
  'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  'ALLOW_REFRESH_TOKEN_AUTH',
  'ALLOW_CUSTOM_AUTH',
  'ALLOW_USER_AUTH',
];
const LEGACY: Record<string, ExplicitAuthFlow> = {
  USER_PASSWORD_AUTH: 'ALLOW_USER_PASSWORD_AUTH',
  ADMIN_NO_SRP_AUTH: 'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  CUSTOM_AUTH_FLOW_ONLY: 'ALLOW_CUSTOM_AUTH',
};

export const CreateUserPoolClient: Operation = (svc, body, request) => {
  const pool = adminPool(svc, body, request);
  const name = reqString(body, 'ClientName', { max: 128, pattern: /^[\w\s+=,.@-]+$/ });
  const given = optStringList(body, 'ExplicitAuthFlows');
  let flows: ExplicitAuthFlow[] = ['ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'];
  if (given) {
    flows = given.map((f) => {
      const flow = LEGACY[f] ?? (FLOWS as string[]).find((x) => x === f);
      if (!flow) throw invalidParameter(`Invalid ExplicitAuthFlows value: ${f}`);
      return flow as ExplicitAuthFlow;
    });
    if (!flows.includes('ALLOW_REFRESH_TOKEN_AUTH')) flows.push('ALLOW_REFRESH_TOKEN_AUTH');
  }
  const now = svc.clock.now();
  const client: ClientRecord = {
    id: randomId(26, 'abcdefghijklmnopqrstuvwxyz0123456789'),
    poolId: pool.id,
    name,
    ...(optBoolean(body, 'GenerateSecret') ? { secret: randomBytes(39).toString('base64url').slice(0, 51) } : {}),
    explicitAuthFlows: [...new Set(flows)],
    authSessionValidity: optNumber(body, 'AuthSessionValidity', 3, 15) ?? 3,
    accessTokenValidityMinutes: 60,
    idTokenValidityMinutes: 60,
    refreshTokenValidityMinutes: 30 * 24 * 60,
    enableTokenRevocation: optBoolean(body, 'EnableTokenRevocation') ?? true,
    createdAt: now,
    lastModifiedAt: now,
    extra: {},
  };
  svc.store.putClient(client);
  return { UserPoolClient: describeClient(client) };
};
