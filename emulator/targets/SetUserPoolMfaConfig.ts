import { adminPool } from '../access.js';
import type { Operation } from '../context.js';
import { invalidParameter } from '../errors.js';
import type { PoolRecord } from '../services/model.js';
import { DEFAULT_SMS_MESSAGE } from '../services/sign-in.js';
import { optBoolean, optObject, optString, reqString } from '../validate.js';
import { mfaConfigResponse } from './GetUserPoolMfaConfig.js';

const CODE_PLACEHOLDER = '{####}';

/** Cognito's rules on an MFA configuration, applied on create and on update. */
export function checkMfaSettings(pool: PoolRecord): void {
  if (!pool.smsAuthenticationMessage.includes(CODE_PLACEHOLDER)) {
    throw invalidParameter(`SmsAuthenticationMessage must contain the placeholder ${CODE_PLACEHOLDER}.`);
  }
  const anyFactor = pool.smsMfaEnabled || pool.softwareTokenMfaEnabled;
  if (pool.mfaConfiguration !== 'OFF' && !anyFactor) {
    throw invalidParameter("Invalid MFA configuration given, can't disable all MFAs with a required or optional configuration.");
  }
  if (pool.mfaConfiguration === 'OFF' && anyFactor) {
    throw invalidParameter("Invalid MFA configuration given, can't turn off MFA and configure an MFA together.");
  }
  // Cognito's answer when SMS is an MFA factor but the pool has no SNS role to send with
  // (aws-cdk issue 12075, cloudformation-coverage-roadmap issue 2221).
  if (pool.smsMfaEnabled && !pool.smsConfiguration) {
    throw invalidParameter('SMS configuration and Auto verification for phone_number are required when MFA is required/optional');
  }
}

/** Pool-level MFA: OFF / OPTIONAL / ON, and which factors (SMS, TOTP) are enabled. */
export const SetUserPoolMfaConfig: Operation = (svc, body, request) => {
  const pool = adminPool(svc, body, request);
  const sms = optObject(body, 'SmsMfaConfiguration');
  const totp = optObject(body, 'SoftwareTokenMfaConfiguration');
  const mfa = optString(body, 'MfaConfiguration', { pattern: /^(OFF|ON|OPTIONAL)$/ }) as PoolRecord['mfaConfiguration'] | undefined;
  // E-mail MFA needs the pool to send e-mail through Amazon SES (EmailSendingAccount DEVELOPER),
  // which the emulator's pools can't: refused rather than silently dropped.
  if (optObject(body, 'EmailMfaConfiguration')) {
    throw invalidParameter('Email MFA requires a user pool that sends email with Amazon SES (EmailConfiguration EmailSendingAccount DEVELOPER).');
  }
  optObject(body, 'WebAuthnConfiguration');
  const next: PoolRecord = { ...pool, lastModifiedAt: svc.clock.now() };
  // As in Cognito, a configuration block that is left out turns that factor off.
  next.smsMfaEnabled = sms !== undefined;
  if (sms) {
    next.smsAuthenticationMessage = optString(sms, 'SmsAuthenticationMessage', { min: 6, max: 140 }) ?? DEFAULT_SMS_MESSAGE;
    const smsConfiguration = optObject(sms, 'SmsConfiguration');
    if (smsConfiguration) {
      next.smsConfiguration = {
        SnsCallerArn: reqString(smsConfiguration, 'SnsCallerArn', { min: 20, max: 2048, pattern: /^arn:[\w+=/,.@-]+:[\w+=/,.@-]+:([\w+=/,.@-]*)?:[0-9]+:[\w+=/,.@-]+(:[\w+=/,.@-]+)?(:[\w+=/,.@-]+)?$/ }),
        ...(optString(smsConfiguration, 'ExternalId') !== undefined ? { ExternalId: optString(smsConfiguration, 'ExternalId') } : {}),
        ...(optString(smsConfiguration, 'SnsRegion') !== undefined ? { SnsRegion: optString(smsConfiguration, 'SnsRegion') } : {}),
      };
    }
  }
  next.softwareTokenMfaEnabled = (totp && optBoolean(totp, 'Enabled')) ?? false;
  if (mfa) next.mfaConfiguration = mfa;
  checkMfaSettings(next);
  svc.store.putPool(next);
  return mfaConfigResponse(next);
};
