import { tokenUser } from '../access.js';
import type { Operation } from '../context.js';

export const GlobalSignOut: Operation = async (svc, body) => {
  const { pool, user } = await tokenUser(svc, body);
  svc.store.revokeAllForUser(pool.id, user.username);
  return {};
};
