import { adminUser, updateUser } from '../access.js';
import type { Operation } from '../context.js';
import { issueAccountCode, prepareAccountCode, recoveryDestination } from '../services/account-codes.js';
import { optStringMap } from '../validate.js';

/**
 * The user must reset the password: sign-in answers PasswordResetRequiredException until
 * ConfirmForgotPassword, with the code sent here (or a new one from ForgotPassword). The code's
 * message is CustomMessage_ForgotPassword (DG, custom message: AdminResetUserPassword passes its
 * ClientMetadata to that trigger).
 */
export const AdminResetUserPassword: Operation = async (svc, body, request) => {
  const { pool, user } = adminUser(svc, body, request);
  optStringMap(body, 'ClientMetadata');
  const prepared = await prepareAccountCode(svc, pool, user, recoveryDestination(pool, user), 'ForgotPassword');
  updateUser(svc, pool, user.username, (u) => {
    issueAccountCode(svc, pool, u, 'reset', prepared);
    u.status = 'RESET_REQUIRED';
  });
  return {};
};
