import { adminPool } from '../access.js';
import type { Operation } from '../context.js';
import { identifierParam, requireResourceServer } from '../services/resource-servers.js';

export const DeleteResourceServer: Operation = (svc, body, request) => {
  const pool = adminPool(svc, body, request);
  svc.store.deleteResourceServer(pool.id, requireResourceServer(svc.store, pool.id, identifierParam(body)).identifier);
  return {};
};
