import { tokenUser } from '../access.js';
import type { Operation } from '../context.js';
import { attributeList, mfaSettings } from '../services/users.js';

export const GetUser: Operation = async (svc, body) => {
  const { user } = await tokenUser(svc, body);
  return { Username: user.username, UserAttributes: attributeList(user), ...mfaSettings(user) };
};
