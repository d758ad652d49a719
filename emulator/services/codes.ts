import { randomInt, timingSafeEqual } from 'node:crypto';

export const newSixDigitCode = () => String(randomInt(0, 1_000_000)).padStart(6, '0');

export function codesEqual(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** "+12065550100" → "+*******0100": Cognito shows only the last 4 digits. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/^\+/, '');
  return `+${'*'.repeat(Math.max(digits.length - 4, 0))}${digits.slice(-4)}`;
}

/** "jane@example.com" → "j***@e***" as Cognito masks email destinations. */
export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}***@${domain.slice(0, 1)}***`;
}
