import { adminPool } from '../access.js';
import type { Operation } from '../context.js';
import { describePool } from '../services/describe.js';

export const DescribeUserPool: Operation = (svc, body, request) => {
  const pool = adminPool(svc, body, request);
  const domain = svc.store.domainOf(pool.id);
  return { UserPool: { ...describePool(pool, svc.store.countUsers(pool.id)), ...(domain ? { Domain: domain.domain } : {}) } };
};
