import { adminPool } from '../access.js';
import type { Operation } from '../context.js';
import { describeResourceServer, identifierParam, requireResourceServer } from '../services/resource-servers.js';

export const DescribeResourceServer: Operation = (svc, body, request) => {
  const pool = adminPool(svc, body, request);
  return { ResourceServer: describeResourceServer(requireResourceServer(svc.store, pool.id, identifierParam(body))) };
};
