import { adminPool } from '../access.js';
import type { Operation } from '../context.js';
import { groupNameParam, requireGroup } from '../services/groups.js';

/** The group and its memberships: members' next tokens leave it out; tokens already issued keep it. */
export const DeleteGroup: Operation = (svc, body, request) => {
  const pool = adminPool(svc, body, request);
  const name = groupNameParam(body);
  svc.store.transaction(() => {
    requireGroup(svc.store, pool.id, name);
    svc.store.deleteGroup(pool.id, name);
  });
  return {};
};
