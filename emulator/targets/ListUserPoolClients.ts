import { adminPool } from '../access.js';
import type { Operation } from '../context.js';
import { offsetPage } from '../services/paging.js';
import { optNumber, optString } from '../validate.js';

/** The pool's app clients, paged: MaxResults 1–60 (QueryLimit in the API model), NextToken. */
export const ListUserPoolClients: Operation = (svc, body, request) => {
  const pool = adminPool(svc, body, request);
  const size = optNumber(body, 'MaxResults', 1, 60) ?? 60;
  const token = optString(body, 'NextToken', { min: 1, max: 131_072, pattern: /^\S+$/ });
  const { page, next } = offsetPage(svc.store.listClients(pool.id), size, token, 'Invalid NextToken');
  return { UserPoolClients: page.map((c) => ({ ClientId: c.id, UserPoolId: c.poolId, ClientName: c.name })), ...(next ? { NextToken: next } : {}) };
};
