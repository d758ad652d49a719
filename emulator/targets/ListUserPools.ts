import { requireSigned } from '../access.js';
import type { Operation } from '../context.js';
import { invalidParameter } from '../errors.js';
import { optNumber, optString } from '../validate.js';

export const ListUserPools: Operation = (svc, body, request) => {
  requireSigned(request);
  const max = optNumber(body, 'MaxResults', 1, 60);
  if (max === undefined) throw invalidParameter("1 validation error detected: Value at 'maxResults' failed to satisfy constraint: Member must not be null");
  const start = Number(optString(body, 'NextToken', { pattern: /^\d+$/ }) ?? '0');
  const pools = svc.store.listPools();
  const page = pools.slice(start, start + max).map((p) => ({
    Id: p.id,
    Name: p.name,
    CreationDate: p.createdAt / 1000,
    LastModifiedDate: p.lastModifiedAt / 1000,
  }));
  return { UserPools: page, ...(start + max < pools.length ? { NextToken: String(start + max) } : {}) };
};
