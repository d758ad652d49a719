import { tokenUser } from '../access.js';
import type { Operation } from '../context.js';
import { invalidParameter } from '../errors.js';
import { describeCredential } from '../services/webauthn.js';
import { optNumber, optString } from '../validate.js';

export const ListWebAuthnCredentials: Operation = async (svc, body) => {
  const { user } = await tokenUser(svc, body);
  const max = optNumber(body, 'MaxResults', 1, 20) ?? 20;
  const token = optString(body, 'NextToken', { min: 1, max: 64 });
  const all = user.webAuthnCredentials ?? [];
  const start = token === undefined ? 0 : Number(Buffer.from(token, 'base64url').toString('utf8'));
  if (!Number.isInteger(start) || start < 0 || start > all.length) throw invalidParameter('Invalid NextToken.');
  const page = all.slice(start, start + max);
  return { Credentials: page.map(describeCredential), ...(start + max < all.length ? { NextToken: Buffer.from(String(start + max)).toString('base64url') } : {}) };
};
