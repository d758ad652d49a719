import { adminPool } from '../access.js';
import type { Operation } from '../context.js';
import { CognitoError, invalidParameter } from '../errors.js';
import type { PoolRecord } from '../services/model.js';
import { DEFAULT_EMAIL_MFA_MESSAGE, DEFAULT_EMAIL_MFA_SUBJECT, DEFAULT_SMS_MESSAGE } from '../services/sign-in.js';
import { ARN, type Body, optBoolean, optObject, optString, reqString } from '../validate.js';
import { mfaConfigResponse } from './GetUserPoolMfaConfig.js';
import { checkSignInPolicy } from '../services/sign-in-policy.js';

const CODE_PLACEHOLDER = '{####}';

/** Cognito's rules on an MFA configuration, applied on create and on update. */
export function checkMfaSettings(pool: PoolRecord): void {
  if (!pool.smsAuthenticationMessage.includes(CODE_PLACEHOLDER)) {
    throw invalidParameter(`SmsAuthenticationMessage must contain the placeholder ${CODE_PLACEHOLDER}.`);
  }
  const anyFactor = pool.smsMfaEnabled || pool.softwareTokenMfaEnabled || Boolean(pool.emailMfa);
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

/**
 * EmailMfaConfiguration: "your user pool must be in the Essentials tier or higher" (API reference,
 * EmailMfaConfigType), and it must send e-mail with Amazon SES (EmailSendingAccount DEVELOPER;
 * terraform-provider-aws issue 41049 lists it among the prerequisites).
 */
function readEmailMfa(email: Body): NonNullable<PoolRecord['emailMfa']> {
  const message = optString(email, 'Message', { min: 6, max: 20000 }) ?? DEFAULT_EMAIL_MFA_MESSAGE;
  if (!message.includes(CODE_PLACEHOLDER)) throw invalidParameter(`EmailMfaConfiguration Message must contain the placeholder ${CODE_PLACEHOLDER}.`);
  const subject = optString(email, 'Subject', { min: 1, max: 140 }) ?? DEFAULT_EMAIL_MFA_SUBJECT;
  return { message, subject };
}

/** The tier and e-mail prerequisites of e-mail MFA, checked wherever the pool changes. */
export function checkEmailMfaAllowed(pool: PoolRecord): void {
  if (!pool.emailMfa) return;
  if ((pool.tier ?? 'ESSENTIALS') === 'LITE') {
    throw new CognitoError('FeatureUnavailableInTierException', 'The following features need to be disabled for the LITE pricing tier configured: Email MFA');
  }
  if (pool.emailSendingAccount !== 'DEVELOPER') {
    throw invalidParameter('Email MFA requires a user pool that sends email with Amazon SES (EmailConfiguration EmailSendingAccount DEVELOPER).');
  }
}

/** Pool-level MFA: OFF / OPTIONAL / ON, and which factors (SMS, TOTP) are enabled. */
export const SetUserPoolMfaConfig: Operation = (svc, body, request) => {
  const pool = adminPool(svc, body, request);
  const sms = optObject(body, 'SmsMfaConfiguration');
  const totp = optObject(body, 'SoftwareTokenMfaConfiguration');
  const mfa = optString(body, 'MfaConfiguration', { pattern: /^(OFF|ON|OPTIONAL)$/ }) as PoolRecord['mfaConfiguration'] | undefined;
  const email = optObject(body, 'EmailMfaConfiguration');
  const webAuthn = optObject(body, 'WebAuthnConfiguration');
  const next: PoolRecord = { ...pool, lastModifiedAt: svc.clock.now() };
  // As in Cognito, a configuration block that is left out turns that factor off.
  next.smsMfaEnabled = sms !== undefined;
  if (sms) {
    next.smsAuthenticationMessage = optString(sms, 'SmsAuthenticationMessage', { min: 6, max: 140 }) ?? DEFAULT_SMS_MESSAGE;
    const smsConfiguration = optObject(sms, 'SmsConfiguration');
    if (smsConfiguration) {
      next.smsConfiguration = {
        SnsCallerArn: reqString(smsConfiguration, 'SnsCallerArn', { min: 20, max: 2048, pattern: ARN }),
        ...(optString(smsConfiguration, 'ExternalId') !== undefined ? { ExternalId: optString(smsConfiguration, 'ExternalId') } : {}),
        ...(optString(smsConfiguration, 'SnsRegion') !== undefined ? { SnsRegion: optString(smsConfiguration, 'SnsRegion') } : {}),
      };
    }
  }
  next.softwareTokenMfaEnabled = (totp && optBoolean(totp, 'Enabled')) ?? false;
  next.emailMfa = email && readEmailMfa(email);
  if (!next.emailMfa) delete next.emailMfa;
  // Passkeys are not an MFA factor: left out, their configuration stays as it was.
  if (webAuthn) {
    const relyingPartyId = optString(webAuthn, 'RelyingPartyId', { min: 1, max: 127, pattern: /^[a-z0-9.-]+$/i });
    const userVerification = optString(webAuthn, 'UserVerification', { pattern: /^(required|preferred)$/ }) as 'required' | 'preferred' | undefined;
    next.webAuthn = { ...(relyingPartyId ? { relyingPartyId: relyingPartyId.toLowerCase() } : {}), userVerification: userVerification ?? 'preferred' };
  }
  if (mfa) next.mfaConfiguration = mfa;
  checkMfaSettings(next);
  checkEmailMfaAllowed(next);
  checkSignInPolicy(next);
  svc.store.putPool(next);
  return mfaConfigResponse(next);
};
