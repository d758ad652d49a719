import { adminUser, updateUser } from '../access.js';
import type { Operation } from '../context.js';

export const AdminDisableUser: Operation = (svc, body, request) => {
  const { pool, user } = adminUser(svc, body, request);
  svc.store.transaction(() => {
    updateUser(svc, pool, user.username, (u) => void (u.enabled = false));
    svc.store.revokeAllForUser(pool.id, user.username);
  });
  return {};
};
