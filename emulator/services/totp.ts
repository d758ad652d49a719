/** RFC 6238 TOTP (SHA-1, 6 digits, 30 s) via otpauth, with ±1 step of drift and no replay. */
import { Secret, TOTP } from 'otpauth';

export const TOTP_PERIOD_SECONDS = 30;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/**
 * The time step the code matched, if it is valid now and newer than `lastUsedStep`;
 * undefined otherwise. A code is accepted once: replaying it (or an older one) fails.
 */
export function acceptTotpCode(secretBase32: string, code: string, nowMs: number, lastUsedStep: number): number | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  const totp = new TOTP({ secret: Secret.fromBase32(secretBase32), algorithm: 'SHA1', digits: 6, period: TOTP_PERIOD_SECONDS });
  const delta = totp.validate({ token: code, timestamp: nowMs, window: 1 });
  if (delta === null) return undefined;
  const step = Math.floor(nowMs / 1000 / TOTP_PERIOD_SECONDS) + delta;
  return step > lastUsedStep ? step : undefined;
}
