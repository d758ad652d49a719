import { adminPool, usernameParam } from '../access.js';
import type { Operation } from '../context.js';
import { groupNameParam, requireGroup } from '../services/groups.js';
import { requireUser } from '../services/users.js';

/** Removing a user who isn't a member is not an error. */
export const AdminRemoveUserFromGroup: Operation = (svc, body, request) => {
  const pool = adminPool(svc, body, request);
  const username = usernameParam(body);
  const name = groupNameParam(body);
  svc.store.transaction(() => {
    requireGroup(svc.store, pool.id, name);
    const user = requireUser(svc.store, pool, username);
    svc.store.removeGroupMember(pool.id, name, user.username);
  });
  return {};
};
