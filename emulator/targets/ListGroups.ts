import { adminPool } from '../access.js';
import type { Operation } from '../context.js';
import { describeGroup, listLimit, nextTokenParam } from '../services/groups.js';
import { offsetPage } from '../services/paging.js';

export const ListGroups: Operation = (svc, body, request) => {
  const pool = adminPool(svc, body, request);
  const size = listLimit(body);
  // Wording ours (not established).
  const { page, next } = offsetPage(svc.store.listGroups(pool.id), size, nextTokenParam(body), 'Invalid NextToken');
  return { Groups: page.map(describeGroup), ...(next ? { NextToken: next } : {}) };
};
