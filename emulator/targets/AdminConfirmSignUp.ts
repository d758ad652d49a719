import { adminUser, updateUser } from '../access.js';
import type { Operation } from '../context.js';
import { notAuthorized } from '../errors.js';
import { optStringMap } from '../validate.js';

/** An administrator confirms a signed-up user without a code (nothing becomes verified). */
export const AdminConfirmSignUp: Operation = (svc, body, request) => {
  const { pool, user } = adminUser(svc, body, request);
  optStringMap(body, 'ClientMetadata');
  if (user.status !== 'UNCONFIRMED') throw notAuthorized(`User cannot be confirmed. Current status is ${user.status}`);
  updateUser(svc, pool, user.username, (u) => {
    u.status = 'CONFIRMED';
    u.verificationCodes = u.verificationCodes.filter(([n]) => n !== '#signUp');
  });
  return {};
};
