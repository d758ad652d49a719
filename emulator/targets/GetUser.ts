import { readableAttributes, tokenClient, tokenUser } from '../access.js';
import type { Operation } from '../context.js';
import { mfaSettings } from '../services/users.js';

export const GetUser: Operation = async (svc, body) => {
  const { claims, user } = await tokenUser(svc, body);
  return { Username: user.username, UserAttributes: readableAttributes(tokenClient(svc, claims), user), ...mfaSettings(user) };
};
