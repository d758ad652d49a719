import { randomBytes } from 'node:crypto';
import { adminPool, usernameParam } from '../access.js';
import type { Operation, Services } from '../context.js';
import { CognitoError, invalidParameter } from '../errors.js';
import { applyAttributes } from '../services/attributes.js';
import { describeUser } from '../services/describe.js';
import { getAttribute, type PoolRecord, type UserRecord } from '../services/model.js';
import { fillCode } from '../services/outbox.js';
import { checkPasswordPolicy, findUser, newIdentity, newUser, passwordVerifier, requireUnused } from '../services/users.js';
import { optAttributes, optString, optStringList } from '../validate.js';

/** A temporary password that satisfies any policy Cognito allows. */
const generatedPassword = () => `${randomBytes(9).toString('base64url')}aA1!`;

const DEFAULT_INVITATION = 'Your username is {username} and temporary password is {####}.';

/** Cognito's invitation: username and temporary password, by SMS and/or e-mail (to the outbox here), in the pool's InviteMessageTemplate. */
function sendInvitation(svc: Services, pool: PoolRecord, user: UserRecord, password: string, mediums: string[]): void {
  const template = pool.inviteMessageTemplate ?? {};
  for (const medium of mediums) {
    const destination = getAttribute(user, medium === 'SMS' ? 'phone_number' : 'email');
    const text = (medium === 'SMS' ? template.SMSMessage : template.EmailMessage) ?? DEFAULT_INVITATION;
    const message = fillCode(text.replaceAll('{username}', user.username), password);
    if (destination) svc.outbox.send({ poolId: pool.id, username: user.username, channel: medium as 'SMS' | 'EMAIL', destination, message, code: password });
  }
}

export const AdminCreateUser: Operation = async (svc, body, request) => {
  const pool = adminPool(svc, body, request);
  const givenUsername = usernameParam(body);
  const attributes = optAttributes(body, 'UserAttributes') ?? [];
  const temporaryPassword = optString(body, 'TemporaryPassword', { max: 256 });
  const action = optString(body, 'MessageAction', { pattern: /^(RESEND|SUPPRESS)$/ });
  const mediums = optStringList(body, 'DesiredDeliveryMediums') ?? ['SMS'];
  if (mediums.some((m) => m !== 'SMS' && m !== 'EMAIL')) throw invalidParameter('DesiredDeliveryMediums must be SMS and/or EMAIL.');
  optAttributes(body, 'ValidationData');
  if (action === 'RESEND') {
    const existing = findUser(svc.store, pool, givenUsername);
    if (!existing) throw new CognitoError('UserNotFoundException', 'User does not exist.');
    return { User: describeUser(existing, 'Attributes') };
  }
  const password = temporaryPassword ?? generatedPassword();
  checkPasswordPolicy(pool.passwordPolicy, password);
  const now = svc.clock.now();
  const identity = newIdentity(pool, givenUsername);
  const user = newUser(identity.username, now, identity.sub);
  applyAttributes(pool, user, [...identity.attributes, ...attributes], true, true);
  user.status = 'FORCE_CHANGE_PASSWORD';
  user.temporaryPasswordExpiresAt = now + pool.passwordPolicy.TemporaryPasswordValidityDays * 86_400_000;
  user.password = await passwordVerifier(pool, user.username, password);
  svc.store.transaction(() => {
    requireUnused(svc.store, pool, user);
    svc.store.insertUser(pool.id, user);
  });
  if (action !== 'SUPPRESS') sendInvitation(svc, pool, user, password, mediums);
  return { User: describeUser(user, 'Attributes') };
};
