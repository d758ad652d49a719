import { tokenUser, updateUser } from '../access.js';
import type { Operation } from '../context.js';
import { CognitoError, badCredentials } from '../errors.js';
import { clearLockout } from '../services/password-attempts.js';
import { checkPasswordPolicy, passwordMatches, passwordVerifier } from '../services/users.js';
import { reqString } from '../validate.js';

/**
 * Verifies PreviousPassword (counting failures toward the lockout, like a sign-in) before setting
 * ProposedPassword. The account screen also uses it to re-check the password before removing TOTP.
 */
export const ChangePassword: Operation = async (svc, body) => {
  const previous = reqString(body, 'PreviousPassword', { max: 256 });
  const proposed = reqString(body, 'ProposedPassword', { max: 256 });
  const { pool, user } = await tokenUser(svc, body);
  // A federated user has no password here (amplify-js issue 2464).
  if (user.status === 'EXTERNAL_PROVIDER') throw new CognitoError('NotAuthorizedException', 'User is not authorized to change password.');
  const matches = await svc.passwordAttempts.check(pool.id, user.username, () => passwordMatches(pool, user, previous), {
    // Cognito answers repeated wrong previous passwords with LimitExceededException, not a sign-in's lockout message.
    locked: () => new CognitoError('LimitExceededException', 'Attempt limit exceeded, please try after some time.'),
  });
  if (!matches) throw badCredentials();
  checkPasswordPolicy(pool.passwordPolicy, proposed);
  const verifier = await passwordVerifier(pool, user.username, proposed);
  updateUser(svc, pool, user.username, (u) => {
    u.password = verifier;
    clearLockout(u);
  });
  return {};
};
