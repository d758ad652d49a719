import { adminPool } from '../access.js';
import type { Operation } from '../context.js';
import { changeMembership } from '../services/groups.js';

/** Adding a member again is not an error. The user's next tokens carry the group. */
export const AdminAddUserToGroup: Operation = (svc, body, request) => {
  changeMembership(svc, adminPool(svc, body, request), body, 'add');
  return {};
};
