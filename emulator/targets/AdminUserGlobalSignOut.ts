import { adminUser } from '../access.js';
import type { Operation } from '../context.js';

export const AdminUserGlobalSignOut: Operation = (svc, body, request) => {
  const { pool, user } = adminUser(svc, body, request);
  svc.store.revokeAllForUser(pool.id, user.username);
  return {};
};
