import { adminPool, usernameParam } from '../access.js';
import type { Operation } from '../context.js';
import { groupNameParam, requireGroup } from '../services/groups.js';
import { requireUser } from '../services/users.js';

/** Adding a member again is not an error. The user's next tokens carry the group. */
export const AdminAddUserToGroup: Operation = (svc, body, request) => {
  const pool = adminPool(svc, body, request);
  const username = usernameParam(body);
  const name = groupNameParam(body);
  svc.store.transaction(() => {
    requireGroup(svc.store, pool.id, name);
    const user = requireUser(svc.store, pool, username);
    svc.store.addGroupMember(pool.id, name, user.username);
  });
  return {};
};
