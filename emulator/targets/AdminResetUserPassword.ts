import { adminUser, updateUser } from '../access.js';
import type { Operation } from '../context.js';
import { issueAccountCode, recoveryDestination } from '../services/account-codes.js';
import { optStringMap } from '../validate.js';

/**
 * The user must reset the password: sign-in answers PasswordResetRequiredException until
 * ConfirmForgotPassword, with the code sent here (or a new one from ForgotPassword).
 */
export const AdminResetUserPassword: Operation = (svc, body, request) => {
  const { pool, user } = adminUser(svc, body, request);
  optStringMap(body, 'ClientMetadata');
  const destination = recoveryDestination(pool, user);
  updateUser(svc, pool, user.username, (u) => {
    issueAccountCode(svc, pool, u, 'reset', destination);
    u.status = 'RESET_REQUIRED';
  });
  return {};
};
