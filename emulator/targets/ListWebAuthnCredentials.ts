import { tokenUser } from '../access.js';
import type { Operation } from '../context.js';
import { offsetPage } from '../services/paging.js';
import { describeCredential } from '../services/webauthn.js';
import { optNumber, optString } from '../validate.js';

export const ListWebAuthnCredentials: Operation = async (svc, body) => {
  const { user } = await tokenUser(svc, body);
  const max = optNumber(body, 'MaxResults', 1, 20) ?? 20;
  const token = optString(body, 'NextToken', { min: 1, max: 64 });
  const { page, next } = offsetPage(user.webAuthnCredentials ?? [], max, token, 'Invalid NextToken.');
  return { Credentials: page.map(describeCredential), ...(next ? { NextToken: next } : {}) };
};
