import { adminPool } from '../access.js';
import type { Operation } from '../context.js';
import type { PoolRecord } from '../services/model.js';

export function mfaConfigResponse(pool: PoolRecord): Record<string, unknown> {
  return {
    ...(pool.smsMfaEnabled
      ? { SmsMfaConfiguration: { SmsAuthenticationMessage: pool.smsAuthenticationMessage, ...(pool.smsConfiguration ? { SmsConfiguration: pool.smsConfiguration } : {}) } }
      : {}),
    SoftwareTokenMfaConfiguration: { Enabled: pool.softwareTokenMfaEnabled },
    ...(pool.emailMfa ? { EmailMfaConfiguration: { Message: pool.emailMfa.message, Subject: pool.emailMfa.subject } } : {}),
    MfaConfiguration: pool.mfaConfiguration,
    WebAuthnConfiguration: { ...(pool.webAuthn?.relyingPartyId ? { RelyingPartyId: pool.webAuthn.relyingPartyId } : {}), UserVerification: pool.webAuthn?.userVerification ?? 'preferred' },
  };
}

export const GetUserPoolMfaConfig: Operation = (svc, body, request) => mfaConfigResponse(adminPool(svc, body, request));
