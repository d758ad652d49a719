import { adminUser } from '../access.js';
import type { Operation } from '../context.js';

export const AdminDeleteUser: Operation = (svc, body, request) => {
  const { pool, user } = adminUser(svc, body, request);
  svc.store.transaction(() => {
    svc.store.revokeAllForUser(pool.id, user.username);
    svc.store.deleteUser(pool.id, user.username);
  });
  return {};
};
