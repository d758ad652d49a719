import { adminPool } from '../access.js';
import type { Operation } from '../context.js';
import { describeClient } from '../services/describe.js';
import { requireClient } from '../services/users.js';
import { CLIENT_ID, reqString } from '../validate.js';

export const DescribeUserPoolClient: Operation = (svc, body, request) => {
  const pool = adminPool(svc, body, request);
  const { client } = requireClient(svc.store, reqString(body, 'ClientId', { max: 128, pattern: CLIENT_ID }), pool.id);
  return { UserPoolClient: describeClient(client) };
};
