/** Attribute rules (names, formats, verification) and verification codes (valid 24 h, sent to the outbox). */
import type { Services } from '../context.js';
import { CognitoError, invalidParameter } from '../errors.js';
import { type AttributeInput, type Body, optStringList } from '../validate.js';
import { codesEqual, maskEmail, maskPhone, newSixDigitCode } from './codes.js';
import type { PoolRecord, UserRecord } from './model.js';
import { deleteAttribute, getAttribute, setAttribute } from './model.js';
import { composeMessage, deliver, type OutgoingMessage } from './custom-message.js';
import { checkCustomValue, customAttributeOf, isPoolAttribute } from './schema.js';

const VERIFIABLE = ['email', 'phone_number'] as const;
export type Verifiable = (typeof VERIFIABLE)[number];

export const E164 = /^\+[1-9]\d{6,14}$/;
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const VERIFICATION_CODE_TTL_MS = 24 * 60 * 60 * 1000;
const MAX_CODE_ATTEMPTS = 5;

export const isVerifiable = (name: string): name is Verifiable => (VERIFIABLE as readonly string[]).includes(name);

function checkAttribute(pool: PoolRecord, { Name, Value }: AttributeInput, byAdmin: boolean, creating: boolean): void {
  if (Name === 'sub') throw invalidParameter('Cannot modify the non-mutable attribute sub');
  if (!isPoolAttribute(pool.schema, Name)) throw invalidParameter(`Attribute does not exist in the schema.: ${Name}`);
  const custom = customAttributeOf(pool.schema, Name);
  if (custom) {
    // An immutable attribute is set when the user is created, never changed after (developer guide, user pool attributes).
    if (!custom.Mutable && !creating) throw invalidParameter(`Cannot modify the non-mutable attribute ${Name}`);
    checkCustomValue(custom, Value);
  }
  if (Name.endsWith('_verified')) {
    if (!byAdmin) throw invalidParameter(`Cannot modify the non-mutable attribute ${Name}`);
    // "True" and "FALSE" are accepted too, as Cognito accepts them (kept lower-case).
    if (!/^(true|false)$/i.test(Value)) throw invalidParameter(`Invalid value for ${Name}: must be true or false`);
  }
  if (Name === 'phone_number' && Value !== '' && !E164.test(Value)) throw invalidParameter('Invalid phone number format.');
  if (Name === 'email' && Value !== '' && !EMAIL.test(Value)) throw invalidParameter('Invalid email address format.');
}

/**
 * Applies attribute changes. A changed email or phone becomes unverified unless the admin marks it
 * verified in the same call. Returns the verifiable attributes that changed.
 */
export function applyAttributes(pool: PoolRecord, user: UserRecord, given: AttributeInput[], byAdmin: boolean, creating = false): Verifiable[] {
  given.forEach((a) => checkAttribute(pool, a, byAdmin, creating));
  const attributes = given.map(({ Name, Value }) => ({ Name, Value: Name.endsWith('_verified') ? Value.toLowerCase() : Value }));
  const changed: Verifiable[] = [];
  for (const { Name, Value } of attributes) {
    if (Value === '' && !Name.endsWith('_verified')) {
      deleteAttribute(user, Name);
      if (isVerifiable(Name)) deleteAttribute(user, `${Name}_verified`);
      continue;
    }
    if (isVerifiable(Name) && getAttribute(user, Name) !== Value) {
      changed.push(Name);
      if (!attributes.some((a) => a.Name === `${Name}_verified`)) setAttribute(user, `${Name}_verified`, 'false');
    }
    setAttribute(user, Name, Value);
  }
  return changed;
}

export interface CodeDeliveryDetails {
  Destination: string;
  DeliveryMedium: 'SMS' | 'EMAIL';
  AttributeName: Verifiable;
}

/**
 * A fresh verification code for email or phone_number and its message (the pool's template, or the
 * CustomMessage trigger's): composed before the write that records it, so a failing trigger changes nothing.
 */
export async function prepareVerificationCode(
  svc: Services,
  pool: PoolRecord,
  user: UserRecord,
  name: string,
  source: 'UpdateUserAttribute' | 'VerifyUserAttribute',
  clientId?: string,
): Promise<OutgoingMessage> {
  if (!isVerifiable(name)) throw invalidParameter(`Attribute ${name} cannot be verified.`);
  const destination = getAttribute(user, name);
  if (!destination) throw invalidParameter(`Attribute ${name} is not present for the user.`);
  const channel = name === 'email' ? 'EMAIL' : 'SMS';
  return composeMessage(svc, pool, {
    source,
    user,
    channel,
    destination,
    code: newSixDigitCode(),
    template: channel === 'SMS' ? pool.smsVerificationMessage : pool.emailVerificationMessage,
    subject: pool.emailVerificationSubject,
    clientId,
  });
}

/** Sends a prepared verification code for email or phone_number and remembers it (in `user`, saved by the caller). */
export function sendVerificationCode(svc: Services, pool: PoolRecord, user: UserRecord, name: Verifiable, prepared: OutgoingMessage): CodeDeliveryDetails {
  user.verificationCodes = user.verificationCodes.filter(([n]) => n !== name);
  user.verificationCodes.push([name, { code: prepared.code, expiresAt: svc.clock.now() + VERIFICATION_CODE_TTL_MS, attempts: 0 }]);
  deliver(svc, pool, user.username, prepared);
  const { channel, destination } = prepared;
  return { Destination: channel === 'SMS' ? maskPhone(destination) : maskEmail(destination), DeliveryMedium: channel, AttributeName: name };
}

/**
 * VerifyUserAttribute: checks the code (5 tries, 24 h) and marks the attribute verified.
 * A wrong code is returned, not thrown, so the caller saves the attempt count before failing.
 */
export function verifyCode(svc: Services, user: UserRecord, name: string, code: string): CognitoError | undefined {
  if (!isVerifiable(name)) throw invalidParameter(`Attribute ${name} cannot be verified.`);
  const entry = user.verificationCodes.find(([n]) => n === name)?.[1];
  if (!entry || entry.expiresAt <= svc.clock.now() || entry.attempts >= MAX_CODE_ATTEMPTS) {
    throw new CognitoError('ExpiredCodeException', 'Invalid code provided, please request a code again.');
  }
  if (!codesEqual(entry.code, code)) {
    entry.attempts += 1;
    return new CognitoError('CodeMismatchException', 'Invalid verification code provided, please try again.');
  }
  user.verificationCodes = user.verificationCodes.filter(([n]) => n !== name);
  setAttribute(user, `${name}_verified`, 'true');
  return undefined;
}

/** UserAttributeNames of DeleteUserAttributes and AdminDeleteUserAttributes. */
export function readAttributeNames(body: Body): string[] {
  const names = optStringList(body, 'UserAttributeNames', 60);
  if (!names) throw invalidParameter("1 validation error detected: Value at 'userAttributeNames' failed to satisfy constraint: Member must not be null");
  if (names.includes('sub')) throw invalidParameter('Cannot modify the non-mutable attribute sub');
  return names;
}

/** Deletes attributes of a user; a phone number takes its verification and SMS MFA with it. */
export function deleteUserAttributes(pool: PoolRecord, user: UserRecord, names: string[]): void {
  for (const name of names) {
    if (pool.schema.requiredAttributes.includes(name)) throw invalidParameter(`Cannot delete required attribute ${name}`);
  }
  for (const name of names) deleteAttribute(user, name);
  if (names.includes('phone_number')) {
    deleteAttribute(user, 'phone_number_verified');
    user.smsMfaEnabled = false;
    if (user.preferredMfa === 'SMS_MFA') user.preferredMfa = null;
  }
}
