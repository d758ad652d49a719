import { adminUser, updateUser } from '../access.js';
import type { Operation } from '../context.js';
import { clearLockout } from '../services/password-attempts.js';
import { checkPasswordPolicy, passwordVerifier } from '../services/users.js';
import { optBoolean, reqString } from '../validate.js';

export const AdminSetUserPassword: Operation = async (svc, body, request) => {
  const { pool, user } = adminUser(svc, body, request);
  const password = reqString(body, 'Password', { max: 256 });
  const permanent = optBoolean(body, 'Permanent') ?? false;
  checkPasswordPolicy(pool.passwordPolicy, password);
  const verifier = await passwordVerifier(pool, user.username, password);
  updateUser(svc, pool, user.username, (u) => {
    u.password = verifier;
    u.status = permanent ? 'CONFIRMED' : 'FORCE_CHANGE_PASSWORD';
    u.temporaryPasswordExpiresAt = permanent ? undefined : svc.clock.now() + pool.passwordPolicy.TemporaryPasswordValidityDays * 86_400_000;
    clearLockout(u);
  });
  return {};
};
