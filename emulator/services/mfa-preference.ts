/** SetUserMFAPreference / AdminSetUserMFAPreference: turn factors on or off and pick the preferred one. */
import { invalidParameter } from '../errors.js';
import { type Body, optBoolean, optObject } from '../validate.js';
import type { MfaFactor, PoolRecord, UserRecord } from './model.js';
import { getAttribute } from './model.js';

interface FactorSetting {
  enabled?: boolean;
  preferred?: boolean;
}

export interface MfaPreference {
  sms?: FactorSetting;
  totp?: FactorSetting;
  email?: FactorSetting;
}

function setting(body: Body, key: string): FactorSetting | undefined {
  const s = optObject(body, key);
  return s && { enabled: optBoolean(s, 'Enabled'), preferred: optBoolean(s, 'PreferredMfa') };
}

export function readMfaPreference(body: Body): MfaPreference {
  return { sms: setting(body, 'SMSMfaSettings'), totp: setting(body, 'SoftwareTokenMfaSettings'), email: setting(body, 'EmailMfaSettings') };
}

const isOn = (user: UserRecord, factor: MfaFactor) =>
  factor === 'SMS_MFA' ? user.smsMfaEnabled : factor === 'SOFTWARE_TOKEN_MFA' ? user.totpEnabled : Boolean(user.emailMfaEnabled);

export function applyMfaPreference(pool: PoolRecord, user: UserRecord, pref: MfaPreference): void {
  const preferred = [pref.sms, pref.totp, pref.email].filter((s) => s?.preferred).length;
  if (preferred > 1) throw invalidParameter('Only one MFA method can be preferred.');
  if (pref.sms?.enabled === true && !getAttribute(user, 'phone_number')) {
    throw invalidParameter('User does not have delivery config set to turn on SMS_MFA');
  }
  if (pref.email?.enabled === true || pref.email?.preferred === true) {
    // Email MFA is an Essentials-tier factor that the pool must turn on (API reference, EmailMfaSettingsType).
    if (!pool.emailMfa) throw invalidParameter('Email MFA is not enabled for this user pool.');
    if (!getAttribute(user, 'email')) throw invalidParameter('User does not have delivery config set to turn on EMAIL_OTP');
  }
  // amplify-js issue 3844: Cognito's two answers, before any AssociateSoftwareToken and before VerifySoftwareToken.
  if (pref.totp?.enabled === true && !user.totpSecret) {
    throw invalidParameter(user.pendingTotpSecret ? 'User has not verified software token mfa' : 'User has not set up software token mfa');
  }
  // "You can't turn off TOTP MFA for any of your users when MFA is required in your user pool"
  // (API reference, SoftwareTokenMfaSettingsType).
  if (pref.totp?.enabled === false && user.totpEnabled && pool.mfaConfiguration === 'ON') {
    throw invalidParameter("You can't turn off software token MFA for a user when MFA is required in the user pool.");
  }
  if (pref.sms?.enabled !== undefined) user.smsMfaEnabled = pref.sms.enabled;
  if (pref.totp?.enabled !== undefined) user.totpEnabled = pref.totp.enabled;
  if (pref.email?.enabled !== undefined) user.emailMfaEnabled = pref.email.enabled;
  const choose = (factor: MfaFactor, s: FactorSetting | undefined) => {
    if (s?.preferred === true) {
      if (!isOn(user, factor)) throw invalidParameter(`${factor} must be enabled to be preferred.`);
      user.preferredMfa = factor;
    } else if (s?.preferred === false && user.preferredMfa === factor) user.preferredMfa = null;
  };
  choose('SMS_MFA', pref.sms);
  choose('SOFTWARE_TOKEN_MFA', pref.totp);
  choose('EMAIL_OTP', pref.email);
  if (user.preferredMfa && !isOn(user, user.preferredMfa)) user.preferredMfa = null;
}
