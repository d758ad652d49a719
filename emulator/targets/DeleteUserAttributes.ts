import { requireWritable, tokenClient, tokenUser, updateUser } from '../access.js';
import type { Operation } from '../context.js';
import { deleteUserAttributes, readAttributeNames } from '../services/attributes.js';

export const DeleteUserAttributes: Operation = async (svc, body) => {
  const names = readAttributeNames(body);
  const { claims, pool, user } = await tokenUser(svc, body);
  requireWritable(tokenClient(svc, claims), names);
  updateUser(svc, pool, user.username, (u) => deleteUserAttributes(pool, u, names));
  return {};
};
