import { updateUser, usernameParam } from '../access.js';
import type { Operation } from '../context.js';
import { CognitoError } from '../errors.js';
import { checkAccountCode } from '../services/account-codes.js';
import { clearLockout } from '../services/password-attempts.js';
import { checkPasswordPolicy, checkSecretHash, findUser, passwordVerifier, requireClient, unknownUser } from '../services/users.js';
import { CLIENT_ID, optObject, optString, optStringMap, reqString } from '../validate.js';

/**
 * A new password with the reset code: the old password stops working, the lockout is lifted, and a
 * user whose password an administrator reset (RESET_REQUIRED) is confirmed again.
 */
export const ConfirmForgotPassword: Operation = async (svc, body) => {
  const { client, pool } = requireClient(svc.store, reqString(body, 'ClientId', { max: 128, pattern: CLIENT_ID }));
  const username = usernameParam(body);
  const code = reqString(body, 'ConfirmationCode', { max: 2048, pattern: /^[\S]+$/ });
  const password = reqString(body, 'Password', { max: 256 });
  optStringMap(body, 'ClientMetadata');
  optObject(body, 'UserContextData');
  optObject(body, 'AnalyticsMetadata');
  checkSecretHash(client, username, optString(body, 'SecretHash', { max: 128 }));
  const user = findUser(svc.store, pool, username);
  if (!user) throw client.preventUserExistenceErrors === 'ENABLED' ? new CognitoError('CodeMismatchException', 'Invalid verification code provided, please try again.') : unknownUser(client);
  checkPasswordPolicy(pool.passwordPolicy, password);
  const verifier = await passwordVerifier(pool, user.username, password);
  let failure: CognitoError | undefined;
  updateUser(svc, pool, user.username, (u) => {
    const { error } = checkAccountCode(svc, u, 'reset', code);
    failure = error;
    if (error) return;
    u.password = verifier;
    if (u.status === 'RESET_REQUIRED') u.status = 'CONFIRMED';
    clearLockout(u);
  });
  if (failure) throw failure;
  return {};
};
