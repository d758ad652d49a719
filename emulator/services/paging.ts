/** Paging a list by an opaque token (the offset, base64url), as ListDevices and ListWebAuthnCredentials page. */
import { invalidParameter } from '../errors.js';

export function offsetPage<T>(items: readonly T[], size: number, token: string | undefined, invalidMessage: string): { page: T[]; next?: string } {
  let start = 0;
  if (token !== undefined) {
    start = Number(Buffer.from(token, 'base64url').toString('utf8'));
    if (!Number.isInteger(start) || start < 0 || start > items.length) throw invalidParameter(invalidMessage);
  }
  const page = items.slice(start, start + size);
  return start + size < items.length ? { page, next: Buffer.from(String(start + size)).toString('base64url') } : { page };
}
