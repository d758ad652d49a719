import { adminUser, updateUser } from '../access.js';
import type { Operation } from '../context.js';

export const AdminEnableUser: Operation = (svc, body, request) => {
  const { pool, user } = adminUser(svc, body, request);
  updateUser(svc, pool, user.username, (u) => void (u.enabled = true));
  return {};
};
