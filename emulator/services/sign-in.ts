/**
 * What happens after the password is proven: NEW_PASSWORD_REQUIRED, an MFA challenge, MFA_SETUP,
 * or tokens, following the pool's MFA configuration and the user's factors.
 */
import type { Services } from '../context.js';
import { notAuthorized } from '../errors.js';
import { maskPhone, newSixDigitCode } from './codes.js';
import { nowSeconds } from './clock.js';
import type { ChallengeState, ClientRecord, MfaFactor, PoolRecord, UserRecord } from './model.js';
import { getAttribute } from './model.js';
import { fillCode } from './outbox.js';
import type { AuthenticationResult } from './tokens.js';

export type ChallengeName = 'PASSWORD_VERIFIER' | 'NEW_PASSWORD_REQUIRED' | 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA' | 'SELECT_MFA_TYPE' | 'MFA_SETUP';

export interface SignInStep {
  ChallengeName?: ChallengeName;
  Session?: string;
  ChallengeParameters: Record<string, string>;
  AuthenticationResult?: AuthenticationResult;
}

export const DEFAULT_SMS_MESSAGE = 'Your authentication code is {####}. ';

/**
 * Whether sign-in can ask for a TOTP code: a verified token with no new one pending ("If you don't
 * verify the software token and your user pool doesn't require MFA, the user can then authenticate
 * with user name and password credentials alone", API reference, AssociateSoftwareToken), turned on
 * by the user, or merely registered when the pool requires MFA ("After you set up software token
 * MFA for your user, Amazon Cognito generates a SOFTWARE_TOKEN_MFA challenge", ibid.). A token set
 * up earlier stays usable if the pool later disables TOTP.
 */
const totpUsable = (pool: PoolRecord, user: UserRecord) =>
  Boolean(user.totpSecret) && !user.pendingTotpSecret && (user.totpEnabled || pool.mfaConfiguration === 'ON');

/** Factors the user can be challenged with now. */
function activeFactors(pool: PoolRecord, user: UserRecord): MfaFactor[] {
  const factors: MfaFactor[] = [];
  if (user.smsMfaEnabled && pool.smsMfaEnabled && getAttribute(user, 'phone_number')) factors.push('SMS_MFA');
  if (totpUsable(pool, user)) factors.push('SOFTWARE_TOKEN_MFA');
  return factors;
}

export function setupFactors(pool: PoolRecord): MfaFactor[] {
  const factors: MfaFactor[] = [];
  if (pool.smsMfaEnabled) factors.push('SMS_MFA');
  if (pool.softwareTokenMfaEnabled) factors.push('SOFTWARE_TOKEN_MFA');
  return factors;
}

export async function afterPassword(svc: Services, pool: PoolRecord, client: ClientRecord, user: UserRecord): Promise<SignInStep> {
  const authTime = nowSeconds(svc.clock);
  if (user.status === 'FORCE_CHANGE_PASSWORD') {
    if (user.temporaryPasswordExpiresAt !== undefined && user.temporaryPasswordExpiresAt < svc.clock.now()) {
      throw notAuthorized('Temporary password has expired and must be reset by an administrator.');
    }
    const userAttributes = Object.fromEntries(user.attributes.filter(([n]) => n !== 'sub'));
    // The pool's required attributes the user lacks: the answer must bring them (as userAttributes.<name>).
    const missing = missingRequiredAttributes(pool, user);
    return challenge(svc, client, user, authTime, { step: 'NEW_PASSWORD_REQUIRED' }, 'NEW_PASSWORD_REQUIRED', {
      requiredAttributes: JSON.stringify(missing.map((a) => `userAttributes.${a}`)),
      userAttributes: JSON.stringify(userAttributes),
    });
  }
  return afterFirstFactor(svc, pool, client, user, authTime);
}

export const missingRequiredAttributes = (pool: PoolRecord, user: UserRecord) => pool.schema.requiredAttributes.filter((a) => !getAttribute(user, a));

/** The MFA decision, also used after NEW_PASSWORD_REQUIRED. */
export async function afterFirstFactor(svc: Services, pool: PoolRecord, client: ClientRecord, user: UserRecord, authTime: number): Promise<SignInStep> {
  if (pool.mfaConfiguration === 'OFF') return tokens(svc, pool, client, user, authTime);
  const factors = activeFactors(pool, user);
  if (user.preferredMfa && factors.includes(user.preferredMfa)) return startFactor(svc, pool, client, user, authTime, user.preferredMfa);
  if (factors.length > 1) {
    return challenge(svc, client, user, authTime, { step: 'SELECT_MFA_TYPE', choices: factors }, 'SELECT_MFA_TYPE', {
      MFAS_CAN_CHOOSE: JSON.stringify(factors),
    });
  }
  if (factors.length === 1) return startFactor(svc, pool, client, user, authTime, factors[0]);
  if (pool.mfaConfiguration === 'OPTIONAL') return tokens(svc, pool, client, user, authTime);
  // Required MFA and nothing set up: an SMS to the phone on file (verified or not), else set a factor up.
  if (pool.smsMfaEnabled && getAttribute(user, 'phone_number')) return startFactor(svc, pool, client, user, authTime, 'SMS_MFA');
  const canSetup = setupFactors(pool);
  return challenge(svc, client, user, authTime, { step: 'MFA_SETUP', canSetup }, 'MFA_SETUP', { MFAS_CAN_SETUP: JSON.stringify(canSetup) });
}

export function startFactor(svc: Services, pool: PoolRecord, client: ClientRecord, user: UserRecord, authTime: number, factor: MfaFactor): SignInStep {
  if (factor === 'SOFTWARE_TOKEN_MFA') {
    return challenge(svc, client, user, authTime, { step: 'SOFTWARE_TOKEN_MFA' }, 'SOFTWARE_TOKEN_MFA', {
      ...(user.totpDeviceName ? { FRIENDLY_DEVICE_NAME: user.totpDeviceName } : {}),
    });
  }
  const phone = getAttribute(user, 'phone_number')!;
  const code = newSixDigitCode();
  svc.outbox.send({
    poolId: pool.id,
    username: user.username,
    channel: 'SMS',
    destination: phone,
    message: fillCode(pool.smsAuthenticationMessage || DEFAULT_SMS_MESSAGE, code),
    code,
  });
  return challenge(svc, client, user, authTime, { step: 'SMS_MFA', code }, 'SMS_MFA', {
    CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS',
    CODE_DELIVERY_DESTINATION: maskPhone(phone),
  });
}

function challenge(
  svc: Services,
  client: ClientRecord,
  user: UserRecord,
  authTime: number,
  state: ChallengeState,
  name: ChallengeName,
  parameters: Record<string, string>,
): SignInStep {
  const Session = svc.sessions.create(client, user.username, authTime, state);
  return { ChallengeName: name, Session, ChallengeParameters: { ...parameters, USER_ID_FOR_SRP: user.username } };
}

export async function tokens(svc: Services, pool: PoolRecord, client: ClientRecord, user: UserRecord, authTime: number): Promise<SignInStep> {
  return { ChallengeParameters: {}, AuthenticationResult: await svc.tokens.issue(pool, client, user, authTime) };
}
