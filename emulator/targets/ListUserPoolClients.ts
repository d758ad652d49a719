import { adminPool } from '../access.js';
import type { Operation } from '../context.js';

export const ListUserPoolClients: Operation = (svc, body, request) => {
  const pool = adminPool(svc, body, request);
  return { UserPoolClients: svc.store.listClients(pool.id).map((c) => ({ ClientId: c.id, UserPoolId: c.poolId, ClientName: c.name })) };
};
