import { adminUser, updateUser } from '../access.js';
import type { Operation } from '../context.js';
import { deleteUserAttributes, readAttributeNames } from '../services/attributes.js';

/** An administrator deletes attributes of a user (AR AdminDeleteUserAttributes), as DeleteUserAttributes does for the user. */
export const AdminDeleteUserAttributes: Operation = (svc, body, request) => {
  const names = readAttributeNames(body);
  const { pool, user } = adminUser(svc, body, request);
  updateUser(svc, pool, user.username, (u) => deleteUserAttributes(pool, u, names));
  return {};
};
