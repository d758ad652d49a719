import { clientUserRequest, unknownAtCodeCheck, updateUser } from '../access.js';
import type { Operation } from '../context.js';
import type { CognitoError } from '../errors.js';
import { checkAccountCode } from '../services/account-codes.js';
import { clearLockout } from '../services/password-attempts.js';
import { checkPasswordPolicy, passwordVerifier } from '../services/users.js';
import { postConfirmation } from '../services/trigger-events.js';
import { reqString } from '../validate.js';

/**
 * A new password with the reset code: the old password stops working, the lockout is lifted, and a
 * user whose password an administrator reset (RESET_REQUIRED) is confirmed again. Then the
 * PostConfirmation trigger (PostConfirmation_ConfirmForgotPassword); the new password stays if it fails.
 */
export const ConfirmForgotPassword: Operation = async (svc, body) => {
  const code = reqString(body, 'ConfirmationCode', { max: 2048, pattern: /^[\S]+$/ });
  const password = reqString(body, 'Password', { max: 256 });
  const { client, pool, user } = clientUserRequest(svc, body);
  if (!user) throw unknownAtCodeCheck(client);
  checkPasswordPolicy(pool.passwordPolicy, password);
  const verifier = await passwordVerifier(pool, user.username, password);
  let failure: CognitoError | undefined;
  const updated = updateUser(svc, pool, user.username, (u) => {
    const { error } = checkAccountCode(svc, u, 'reset', code);
    failure = error;
    if (error) return;
    u.password = verifier;
    if (u.status === 'RESET_REQUIRED') u.status = 'CONFIRMED';
    clearLockout(u);
  });
  if (failure) throw failure;
  await postConfirmation(svc, pool, 'PostConfirmation_ConfirmForgotPassword', updated, client.id);
  return {};
};
