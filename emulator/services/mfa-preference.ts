/** SetUserMFAPreference / AdminSetUserMFAPreference: turn factors on or off and pick the preferred one. */
import { invalidParameter } from '../errors.js';
import { type Body, optBoolean, optObject } from '../validate.js';
import type { MfaFactor, UserRecord } from './model.js';
import { getAttribute } from './model.js';

interface FactorSetting {
  enabled?: boolean;
  preferred?: boolean;
}

export interface MfaPreference {
  sms?: FactorSetting;
  totp?: FactorSetting;
}

function setting(body: Body, key: string): FactorSetting | undefined {
  const s = optObject(body, key);
  return s && { enabled: optBoolean(s, 'Enabled'), preferred: optBoolean(s, 'PreferredMfa') };
}

export function readMfaPreference(body: Body): MfaPreference {
  optObject(body, 'EmailMfaSettings');
  return { sms: setting(body, 'SMSMfaSettings'), totp: setting(body, 'SoftwareTokenMfaSettings') };
}

export function applyMfaPreference(user: UserRecord, pref: MfaPreference): void {
  if (pref.sms?.preferred && pref.totp?.preferred) throw invalidParameter('Only one MFA method can be preferred.');
  if (pref.sms?.enabled === true && !getAttribute(user, 'phone_number')) {
    throw invalidParameter('User does not have delivery config set to turn on SMS_MFA');
  }
  if (pref.totp?.enabled === true && !user.totpSecret) throw invalidParameter('User has not verified software token mfa');
  if (pref.sms?.enabled !== undefined) user.smsMfaEnabled = pref.sms.enabled;
  if (pref.totp?.enabled !== undefined) user.totpEnabled = pref.totp.enabled;
  const choose = (factor: MfaFactor, s: FactorSetting | undefined, on: boolean) => {
    if (s?.preferred === true) {
      if (!on) throw invalidParameter(`${factor} must be enabled to be preferred.`);
      user.preferredMfa = factor;
    } else if (s?.preferred === false && user.preferredMfa === factor) user.preferredMfa = null;
  };
  choose('SMS_MFA', pref.sms, user.smsMfaEnabled);
  choose('SOFTWARE_TOKEN_MFA', pref.totp, user.totpEnabled);
  if ((user.preferredMfa === 'SMS_MFA' && !user.smsMfaEnabled) || (user.preferredMfa === 'SOFTWARE_TOKEN_MFA' && !user.totpEnabled)) {
    user.preferredMfa = null;
  }
}
