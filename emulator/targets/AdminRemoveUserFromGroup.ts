import { adminPool } from '../access.js';
import type { Operation } from '../context.js';
import { changeMembership } from '../services/groups.js';

/** Removing a user who isn't a member is not an error. */
export const AdminRemoveUserFromGroup: Operation = (svc, body, request) => {
  changeMembership(svc, adminPool(svc, body, request), body, 'remove');
  return {};
};
