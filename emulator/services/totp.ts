/** RFC 6238 TOTP (SHA-1, 6 digits, 30 s) via otpauth, with ±1 step of drift and no replay. */
import { Secret, TOTP } from 'otpauth';
import { CognitoError } from '../errors.js';

export const TOTP_PERIOD_SECONDS = 30;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/**
 * The time step the code matched, if it is valid now and newer than `lastUsedStep`; 'reused' for a
 * valid code of a step already used (it, or a later one, was accepted); undefined otherwise.
 */
export function acceptTotpCode(secretBase32: string, code: string, nowMs: number, lastUsedStep: number): number | 'reused' | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  const totp = new TOTP({ secret: Secret.fromBase32(secretBase32), algorithm: 'SHA1', digits: 6, period: TOTP_PERIOD_SECONDS });
  const delta = totp.validate({ token: code, timestamp: nowMs, window: 1 });
  if (delta === null) return undefined;
  const step = Math.floor(nowMs / 1000 / TOTP_PERIOD_SECONDS) + delta;
  return step > lastUsedStep ? step : 'reused';
}

/** A code used a second time: Cognito's answer (issue 23, observed on real Cognito). */
export const totpReused = () => new CognitoError('ExpiredCodeException', 'Your software token has already been used once.');
