/** Policies.SignInPolicy (choice-based sign-in) and its rules, checked wherever the pool changes. */
import { CognitoError, invalidParameter } from '../errors.js';
import type { Body } from '../validate.js';
import type { FirstAuthFactor, PoolRecord } from './model.js';

const FACTORS: FirstAuthFactor[] = ['PASSWORD', 'EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN'];

export function readSignInPolicy(policies: Body | undefined): FirstAuthFactor[] | undefined {
  const policy = policies?.SignInPolicy as Body | undefined;
  if (policy === undefined) return undefined;
  const list = policy?.AllowedFirstAuthFactors;
  if (list === undefined) return undefined;
  if (!Array.isArray(list) || list.length === 0 || list.some((f) => !FACTORS.includes(f as FirstAuthFactor))) {
    throw invalidParameter(`AllowedFirstAuthFactors must list some of ${FACTORS.join(', ')}.`);
  }
  // Cognito's console always keeps password as a first factor; the API's rule is not established
  // (see the README's fidelity table). Here it must stay, so nobody depends on one device alone.
  if (!list.includes('PASSWORD')) throw invalidParameter('AllowedFirstAuthFactors must include PASSWORD.');
  return [...new Set(list as FirstAuthFactor[])];
}

export function checkSignInPolicy(pool: PoolRecord): void {
  const passwordless = (pool.allowedFirstAuthFactors ?? []).filter((f) => f !== 'PASSWORD');
  if (passwordless.length === 0) return;
  if ((pool.tier ?? 'ESSENTIALS') === 'LITE') {
    throw new CognitoError('FeatureUnavailableInTierException', `The following features need to be disabled for the LITE pricing tier configured: ${passwordless.join(', ')} sign-in`);
  }
  if (pool.mfaConfiguration === 'ON') throw invalidParameter('Passwordless first factors cannot be allowed when MFA is required.');
  if (passwordless.includes('EMAIL_OTP') && pool.emailSendingAccount !== 'DEVELOPER') {
    throw invalidParameter('EMAIL_OTP sign-in requires a user pool that sends email with Amazon SES (EmailConfiguration EmailSendingAccount DEVELOPER).');
  }
  if (passwordless.includes('SMS_OTP') && !pool.smsConfiguration) throw invalidParameter('SMS_OTP sign-in requires an SmsConfiguration.');
}
