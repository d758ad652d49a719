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
}

function setting(body: Body, key: string): FactorSetting | undefined {
  const s = optObject(body, key);
  return s && { enabled: optBoolean(s, 'Enabled'), preferred: optBoolean(s, 'PreferredMfa') };
}

export function readMfaPreference(body: Body): MfaPreference {
  const email = setting(body, 'EmailMfaSettings');
  // E-mail MFA needs a pool that can send e-mail MFA codes, which the emulator's pools can't (yet).
  if (email?.enabled || email?.preferred) throw invalidParameter('Email MFA is not enabled for this user pool.');
  return { sms: setting(body, 'SMSMfaSettings'), totp: setting(body, 'SoftwareTokenMfaSettings') };
}

export function applyMfaPreference(pool: PoolRecord, user: UserRecord, pref: MfaPreference): void {
  if (pref.sms?.preferred && pref.totp?.preferred) throw invalidParameter('Only one MFA method can be preferred.');
  if (pref.sms?.enabled === true && !getAttribute(user, 'phone_number')) {
    throw invalidParameter('User does not have delivery config set to turn on SMS_MFA');
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
