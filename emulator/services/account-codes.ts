/**
 * Codes that confirm an account (SignUp, ResendConfirmationCode: valid 24 hours) or reset its
 * password (ForgotPassword, AdminResetUserPassword: valid 1 hour), sent by SMS or e-mail to the
 * outbox. Kept in the user's record beside the attribute-verification codes, five tries each.
 */
import type { Services } from '../context.js';
import { CognitoError, invalidParameter } from '../errors.js';
import { type CodeDeliveryDetails, type Verifiable } from './attributes.js';
import { codesEqual, maskEmail, maskPhone, newSixDigitCode } from './codes.js';
import type { PoolRecord, UserRecord } from './model.js';
import { getAttribute } from './model.js';
import { composeMessage, deliver, type OutgoingMessage } from './custom-message.js';

export type AccountCodePurpose = 'signUp' | 'reset';

const TTL_MS: Record<AccountCodePurpose, number> = { signUp: 24 * 3_600_000, reset: 3_600_000 };
const MAX_ATTEMPTS = 5;
/** Codes sent to one user per hour before LimitExceededException, as Cognito throttles resends. */
const MAX_SENDS_PER_HOUR = 5;

const key = (purpose: AccountCodePurpose) => `#${purpose}`;

export const limitExceeded = () => new CognitoError('LimitExceededException', 'Attempt limit exceeded, please try after some time.');
const expired = () => new CognitoError('ExpiredCodeException', 'Invalid code provided, please request a code again.');
const mismatch = () => new CognitoError('CodeMismatchException', 'Invalid verification code provided, please try again.');

export function deliveryDetails(attribute: Verifiable, destination: string): CodeDeliveryDetails {
  return attribute === 'email'
    ? { Destination: maskEmail(destination), DeliveryMedium: 'EMAIL', AttributeName: 'email' }
    : { Destination: maskPhone(destination), DeliveryMedium: 'SMS', AttributeName: 'phone_number' };
}

/**
 * Where a sign-up's confirmation code goes: an auto-verified attribute the user has. With both,
 * "a verification code is sent via SMS to the phone" (shared/reference 001).
 */
export function signUpDestination(pool: PoolRecord, user: UserRecord): Verifiable | undefined {
  return (['phone_number', 'email'] as const).find((a) => pool.autoVerifiedAttributes.includes(a) && getAttribute(user, a));
}

/**
 * Where a reset code goes: the first *verified* recovery mechanism by priority ("the forgotten
 * password flow requires either the user's email or the user's phone number to be verified").
 */
export function recoveryDestination(pool: PoolRecord, user: UserRecord): Verifiable {
  for (const { Name } of [...pool.accountRecovery].sort((a, b) => a.Priority - b.Priority)) {
    const attribute = Name === 'verified_email' ? 'email' : Name === 'verified_phone_number' ? 'phone_number' : undefined;
    if (attribute && getAttribute(user, attribute) && getAttribute(user, `${attribute}_verified`) === 'true') return attribute;
  }
  throw invalidParameter('Cannot reset password for the user as there is no registered/verified email or phone_number');
}

/** A code and its message, composed (CustomMessage trigger included) before the write that records it. */
export interface PreparedCode {
  attribute: Verifiable;
  message: OutgoingMessage;
}

function checkSendLimit(now: number, user: UserRecord): number[] {
  const recent = (user.codeSends ?? []).filter((t) => t > now - 3_600_000);
  if (recent.length >= MAX_SENDS_PER_HOUR) throw limitExceeded();
  return recent;
}

/**
 * A fresh code for `attribute` and its message (the pool's template, or the CustomMessage trigger's
 * for `source`). Nothing is recorded or sent yet: a failing trigger leaves the user as it was.
 */
export async function prepareAccountCode(
  svc: Services,
  pool: PoolRecord,
  user: UserRecord,
  attribute: Verifiable,
  source: 'SignUp' | 'ResendCode' | 'ForgotPassword',
  clientId?: string,
): Promise<PreparedCode> {
  checkSendLimit(svc.clock.now(), user);
  const channel = attribute === 'email' ? 'EMAIL' : 'SMS';
  const message = await composeMessage(svc, pool, {
    source,
    user,
    channel,
    destination: getAttribute(user, attribute)!,
    code: newSixDigitCode(),
    template: channel === 'SMS' ? pool.smsVerificationMessage : pool.emailVerificationMessage,
    subject: pool.emailVerificationSubject,
    clientId,
  });
  return { attribute, message };
}

/** Remembers a prepared code in `user` (replacing any earlier one), saved by the caller; sends nothing. */
export function recordAccountCode(svc: Services, user: UserRecord, purpose: AccountCodePurpose, prepared: PreparedCode): CodeDeliveryDetails {
  const now = svc.clock.now();
  user.codeSends = [...checkSendLimit(now, user), now];
  user.verificationCodes = user.verificationCodes.filter(([n]) => n !== key(purpose));
  user.verificationCodes.push([key(purpose), { code: prepared.message.code, expiresAt: now + TTL_MS[purpose], attempts: 0, attribute: prepared.attribute }]);
  return deliveryDetails(prepared.attribute, prepared.message.destination);
}

/** Records a prepared code in `user` (saved by the caller) and sends it. */
export function issueAccountCode(svc: Services, pool: PoolRecord, user: UserRecord, purpose: AccountCodePurpose, prepared: PreparedCode): CodeDeliveryDetails {
  const details = recordAccountCode(svc, user, purpose, prepared);
  deliver(svc, pool, user.username, prepared.message);
  return details;
}

/**
 * Checks a code. Returns the attribute it was sent to, or the error to throw: the caller saves the
 * attempt count first (a wrong code is returned, not thrown). Used codes are removed.
 */
export function checkAccountCode(svc: Services, user: UserRecord, purpose: AccountCodePurpose, code: string): { attribute?: Verifiable; error?: CognitoError } {
  const entry = user.verificationCodes.find(([n]) => n === key(purpose))?.[1];
  if (!entry || entry.expiresAt <= svc.clock.now() || entry.attempts >= MAX_ATTEMPTS) return { error: expired() };
  if (!codesEqual(entry.code, code)) {
    entry.attempts += 1;
    return { error: mismatch() };
  }
  user.verificationCodes = user.verificationCodes.filter(([n]) => n !== key(purpose));
  return { attribute: entry.attribute as Verifiable | undefined };
}

/** What a client with PreventUserExistenceErrors ENABLED is told for an unknown user: a plausible delivery. */
export function simulatedDelivery(username: string): CodeDeliveryDetails {
  return username.includes('@') ? deliveryDetails('email', username) : { Destination: 'u***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' };
}
