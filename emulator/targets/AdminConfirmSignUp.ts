import { adminUser, updateUser } from '../access.js';
import type { Operation } from '../context.js';
import { notAuthorized } from '../errors.js';
import { postConfirmation } from '../services/trigger-events.js';
import { optStringMap } from '../validate.js';

/** An administrator confirms a signed-up user without a code (nothing becomes verified); then PostConfirmation_ConfirmSignUp. */
export const AdminConfirmSignUp: Operation = async (svc, body, request) => {
  const { pool, user } = adminUser(svc, body, request);
  optStringMap(body, 'ClientMetadata');
  if (user.status !== 'UNCONFIRMED') throw notAuthorized(`User cannot be confirmed. Current status is ${user.status}`);
  const confirmed = updateUser(svc, pool, user.username, (u) => {
    u.status = 'CONFIRMED';
    u.verificationCodes = u.verificationCodes.filter(([n]) => n !== '#signUp');
  });
  await postConfirmation(svc, pool, 'PostConfirmation_ConfirmSignUp', confirmed);
  return {};
};
