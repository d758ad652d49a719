import { adminUser, updateUser } from '../access.js';
import type { Operation } from '../context.js';
import { applyAttributes } from '../services/attributes.js';
import { reqAttributes } from '../validate.js';

export const AdminUpdateUserAttributes: Operation = (svc, body, request) => {
  const { pool, user } = adminUser(svc, body, request);
  const attributes = reqAttributes(body, 'UserAttributes');
  updateUser(svc, pool, user.username, (u) => void applyAttributes(pool, u, attributes, true));
  return {};
};
