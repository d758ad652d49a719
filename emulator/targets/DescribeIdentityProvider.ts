import { adminPool } from '../access.js';
import type { Operation } from '../context.js';
import { describeProvider, providerNameParam, requireIdentityProvider } from '../services/identity-providers.js';

export const DescribeIdentityProvider: Operation = (svc, body, request) => {
  const pool = adminPool(svc, body, request);
  return { IdentityProvider: describeProvider(svc, requireIdentityProvider(svc, pool.id, providerNameParam(body))) };
};
