import { adminPool } from '../access.js';
import type { Operation } from '../context.js';
import { invalidParameter } from '../errors.js';
import { describeResourceServer, identifierParam, nameParam, scopesParam } from '../services/resource-servers.js';

export const CreateResourceServer: Operation = (svc, body, request) => {
  const pool = adminPool(svc, body, request);
  const record = { poolId: pool.id, identifier: identifierParam(body), name: nameParam(body), scopes: scopesParam(body) };
  svc.store.transaction(() => {
    // Wording ours (not established).
    if (svc.store.getResourceServer(pool.id, record.identifier)) throw invalidParameter(`${record.identifier} already exists in user pool ${pool.id}`);
    svc.store.putResourceServer(record);
  });
  return { ResourceServer: describeResourceServer(record) };
};
