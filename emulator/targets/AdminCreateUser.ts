import { randomBytes } from 'node:crypto';
import { adminPool, usernameParam } from '../access.js';
import type { Operation } from '../context.js';
import { CognitoError } from '../errors.js';
import { applyAttributes } from '../services/attributes.js';
import { describeUser } from '../services/describe.js';
import { checkPasswordPolicy, findUser, newUser, passwordVerifier } from '../services/users.js';
import { optAttributes, optString, optStringList } from '../validate.js';

/** A temporary password that satisfies any policy Cognito allows. */
const generatedPassword = () => `${randomBytes(9).toString('base64url')}aA1!`;

export const AdminCreateUser: Operation = async (svc, body, request) => {
  const pool = adminPool(svc, body, request);
  const username = usernameParam(body);
  const attributes = optAttributes(body, 'UserAttributes') ?? [];
  const temporaryPassword = optString(body, 'TemporaryPassword', { max: 256 });
  const action = optString(body, 'MessageAction', { pattern: /^(RESEND|SUPPRESS)$/ });
  optStringList(body, 'DesiredDeliveryMediums');
  optAttributes(body, 'ValidationData');
  if (action === 'RESEND') {
    const existing = findUser(svc.store, pool, username);
    if (!existing) throw new CognitoError('UserNotFoundException', 'User does not exist.');
    return { User: describeUser(existing, 'Attributes') };
  }
  const password = temporaryPassword ?? generatedPassword();
  checkPasswordPolicy(pool.passwordPolicy, password);
  const now = svc.clock.now();
  const user = newUser(username, now);
  applyAttributes(user, attributes, true);
  user.status = 'FORCE_CHANGE_PASSWORD';
  user.temporaryPasswordExpiresAt = now + pool.passwordPolicy.TemporaryPasswordValidityDays * 86_400_000;
  user.password = await passwordVerifier(pool, username, password);
  svc.store.transaction(() => {
    if (svc.store.getUser(pool.id, username)) throw new CognitoError('UsernameExistsException', 'User account already exists');
    svc.store.insertUser(pool.id, user);
  });
  return { User: describeUser(user, 'Attributes') };
};
