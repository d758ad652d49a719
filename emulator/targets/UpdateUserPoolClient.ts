import { adminPool } from '../access.js';
import type { Operation } from '../context.js';
import { readClientSettings } from '../services/client-settings.js';
import { describeClient } from '../services/describe.js';
import type { ClientRecord } from '../services/model.js';
import { requireClient } from '../services/users.js';
import { CLIENT_ID, optString, reqString } from '../validate.js';
import { CLIENT_NAME } from './CreateUserPoolClient.js';

/**
 * Replaces the client's settings. Like Cognito, a setting left out of the request goes back to its
 * default (API reference, UpdateUserPoolClient): callers send the whole configuration.
 */
export const UpdateUserPoolClient: Operation = (svc, body, request) => {
  const pool = adminPool(svc, body, request);
  const { client } = requireClient(svc.store, reqString(body, 'ClientId', { max: 128, pattern: CLIENT_ID }), pool.id);
  const { id, poolId, secret, createdAt, extra } = client;
  const updated: ClientRecord = {
    id,
    poolId,
    ...(secret ? { secret } : {}),
    name: optString(body, 'ClientName', { max: 128, pattern: CLIENT_NAME }) ?? client.name,
    ...readClientSettings(body, { store: svc.store, pool, hasSecret: secret !== undefined }),
    createdAt,
    lastModifiedAt: svc.clock.now(),
    extra,
  };
  svc.store.putClient(updated);
  return { UserPoolClient: describeClient(updated) };
};
