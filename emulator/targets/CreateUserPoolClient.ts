import { randomBytes } from 'node:crypto';
import { adminPool } from '../access.js';
import type { Operation } from '../context.js';
import { readClientSettings } from '../services/client-settings.js';
import { describeClient } from '../services/describe.js';
import type { ClientRecord } from '../services/model.js';
import { optBoolean, reqString } from '../validate.js';
import { randomId } from './CreateUserPool.js';

export const CLIENT_NAME = /^[\w\s+=,.@-]+$/;

export const CreateUserPoolClient: Operation = (svc, body, request) => {
  const pool = adminPool(svc, body, request);
  const name = reqString(body, 'ClientName', { max: 128, pattern: CLIENT_NAME });
  const now = svc.clock.now();
  const generateSecret = optBoolean(body, 'GenerateSecret') ?? false;
  const client: ClientRecord = {
    id: randomId(26, 'abcdefghijklmnopqrstuvwxyz0123456789'),
    poolId: pool.id,
    name,
    ...(generateSecret ? { secret: randomBytes(39).toString('base64url').slice(0, 51) } : {}),
    ...readClientSettings(body, { store: svc.store, pool, hasSecret: generateSecret }),
    createdAt: now,
    lastModifiedAt: now,
    extra: {},
  };
  svc.store.putClient(client);
  return { UserPoolClient: describeClient(client) };
};
