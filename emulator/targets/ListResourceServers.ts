import { adminPool } from '../access.js';
import type { Operation } from '../context.js';
import { offsetPage } from '../services/paging.js';
import { describeResourceServer } from '../services/resource-servers.js';
import { optNumber, optString } from '../validate.js';

export const ListResourceServers: Operation = (svc, body, request) => {
  const pool = adminPool(svc, body, request);
  const size = optNumber(body, 'MaxResults', 1, 50) ?? 50;
  const token = optString(body, 'NextToken', { min: 1, max: 131_072, pattern: /^\S+$/ });
  const { page, next } = offsetPage(svc.store.listResourceServers(pool.id), size, token, 'Invalid NextToken');
  return { ResourceServers: page.map(describeResourceServer), ...(next ? { NextToken: next } : {}) };
};
