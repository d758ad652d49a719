import { tokenUser, updateUser } from '../access.js';
import type { Operation } from '../context.js';
import { badCredentials } from '../errors.js';
import { beginPasswordAttempt, checkPasswordPolicy, passwordAccepted, passwordMatches, passwordVerifier } from '../services/users.js';
import { reqString } from '../validate.js';

/**
 * Verifies PreviousPassword (counting failures toward the lockout, like a sign-in) before setting
 * ProposedPassword. The account screen also uses it to re-check the password before removing TOTP.
 */
export const ChangePassword: Operation = async (svc, body) => {
  const previous = reqString(body, 'PreviousPassword', { max: 256 });
  const proposed = reqString(body, 'ProposedPassword', { max: 256 });
  const { pool, user } = await tokenUser(svc, body);
  beginPasswordAttempt(svc.store, pool.id, user.username, svc.clock);
  if (!(await passwordMatches(pool, user, previous))) throw badCredentials();
  passwordAccepted(svc.store, pool.id, user.username);
  checkPasswordPolicy(pool.passwordPolicy, proposed);
  const verifier = await passwordVerifier(pool, user.username, proposed);
  updateUser(svc, pool, user.username, (u) => {
    u.password = verifier;
    u.failedSignIns = 0;
    u.lockedUntil = 0;
  });
  return {};
};
