import { adminPool } from '../access.js';
import type { Operation } from '../context.js';
import { offsetPage } from '../services/paging.js';
import { optNumber, optString } from '../validate.js';

/** ProviderDescription entries, paged (MaxResults 0–60; at most 50 in a page, as the model says). */
export const ListIdentityProviders: Operation = (svc, body, request) => {
  const pool = adminPool(svc, body, request);
  const size = Math.min(optNumber(body, 'MaxResults', 0, 60) || 50, 50);
  const token = optString(body, 'NextToken', { min: 1, max: 131_072, pattern: /^\S+$/ });
  const { page, next } = offsetPage(svc.store.listIdentityProviders(pool.id), size, token, 'Invalid NextToken');
  return {
    Providers: page.map((p) => ({ ProviderName: p.name, ProviderType: p.type, LastModifiedDate: p.lastModifiedAt / 1000, CreationDate: p.createdAt / 1000 })),
    ...(next ? { NextToken: next } : {}),
  };
};
