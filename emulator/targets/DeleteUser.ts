import { tokenUser } from '../access.js';
import type { Operation } from '../context.js';

/**
 * The signed-in user deletes their own account (AR DeleteUser): with it go their devices and
 * passkeys (kept on the user), provider links, and every refresh token and the tokens issued from them.
 */
export const DeleteUser: Operation = async (svc, body) => {
  const { pool, user } = await tokenUser(svc, body);
  svc.store.transaction(() => {
    svc.store.revokeAllForUser(pool.id, user.username);
    svc.store.deleteUser(pool.id, user.username);
  });
  return {};
};
