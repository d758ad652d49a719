import { requireWritable, tokenClient, tokenUser, updateUser } from '../access.js';
import type { Operation } from '../context.js';
import { invalidParameter } from '../errors.js';
import { deleteAttribute } from '../services/model.js';
import { optStringList } from '../validate.js';

export const DeleteUserAttributes: Operation = async (svc, body) => {
  const names = optStringList(body, 'UserAttributeNames', 60);
  if (!names) throw invalidParameter("1 validation error detected: Value at 'userAttributeNames' failed to satisfy constraint: Member must not be null");
  if (names.includes('sub')) throw invalidParameter('Cannot modify the non-mutable attribute sub');
  const { claims, pool, user } = await tokenUser(svc, body);
  requireWritable(tokenClient(svc, claims), names);
  updateUser(svc, pool, user.username, (u) => {
    for (const name of names) deleteAttribute(u, name);
    if (names.includes('phone_number')) {
      deleteAttribute(u, 'phone_number_verified');
      u.smsMfaEnabled = false;
      if (u.preferredMfa === 'SMS_MFA') u.preferredMfa = null;
    }
  });
  return {};
};
