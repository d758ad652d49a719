import { randomBytes } from 'node:crypto';
import { adminPool, usernameParam } from '../access.js';
import type { Operation, Services } from '../context.js';
import { CognitoError, invalidParameter } from '../errors.js';
import { applyAttributes } from '../services/attributes.js';
import { describeUser } from '../services/describe.js';
import { getAttribute, type PoolRecord, type UserRecord } from '../services/model.js';
import { composeMessage, deliver, type OutgoingMessage } from '../services/custom-message.js';
import { attributeMap, preSignUp } from '../services/trigger-events.js';
import { checkPasswordPolicy, findUser, newIdentity, newUser, passwordVerifier, requireUnused } from '../services/users.js';
import { optAttributes, optString, optStringList, optStringMap } from '../validate.js';

/** A temporary password that satisfies any policy Cognito allows. */
const generatedPassword = () => `${randomBytes(9).toString('base64url')}aA1!`;

const DEFAULT_INVITATION = 'Your username is {username} and temporary password is {####}.';

/**
 * Cognito's invitation: username and temporary password, by SMS and/or e-mail (to the outbox here),
 * in the pool's InviteMessageTemplate or the CustomMessage trigger's text (CustomMessage_AdminCreateUser,
 * "{username}" and "{####}" as its usernameParameter and codeParameter). Composed before the user is
 * stored, so a failing trigger stores nothing.
 */
async function composeInvitation(svc: Services, pool: PoolRecord, user: UserRecord, password: string, mediums: string[]): Promise<OutgoingMessage[]> {
  const template = pool.inviteMessageTemplate ?? {};
  const messages: OutgoingMessage[] = [];
  for (const medium of mediums) {
    const channel = medium === 'SMS' ? 'SMS' : 'EMAIL';
    const destination = getAttribute(user, channel === 'SMS' ? 'phone_number' : 'email');
    if (!destination) continue;
    const text = (channel === 'SMS' ? template.SMSMessage : template.EmailMessage) ?? DEFAULT_INVITATION;
    messages.push(await composeMessage(svc, pool, { source: 'AdminCreateUser', user, channel, destination, code: password, template: text, subject: template.EmailSubject }));
  }
  return messages;
}

export const AdminCreateUser: Operation = async (svc, body, request) => {
  const pool = adminPool(svc, body, request);
  const givenUsername = usernameParam(body);
  const attributes = optAttributes(body, 'UserAttributes') ?? [];
  const temporaryPassword = optString(body, 'TemporaryPassword', { max: 256 });
  const action = optString(body, 'MessageAction', { pattern: /^(RESEND|SUPPRESS)$/ });
  const mediums = optStringList(body, 'DesiredDeliveryMediums') ?? ['SMS'];
  if (mediums.some((m) => m !== 'SMS' && m !== 'EMAIL')) throw invalidParameter('DesiredDeliveryMediums must be SMS and/or EMAIL.');
  const validationData = optAttributes(body, 'ValidationData');
  optStringMap(body, 'ClientMetadata');
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
  // PreSignUp_AdminCreateUser: a throw refuses; its answer is ignored (DG, pre sign-up response parameters).
  await preSignUp(svc, pool, 'PreSignUp_AdminCreateUser', user, { validationData: attributeMap(validationData) });
  const invitation = action === 'SUPPRESS' ? [] : await composeInvitation(svc, pool, user, password, mediums);
  svc.store.transaction(() => {
    requireUnused(svc.store, pool, user);
    svc.store.insertUser(pool.id, user);
  });
  for (const message of invitation) deliver(svc, pool, user.username, message);
  return { User: describeUser(user, 'Attributes') };
};
