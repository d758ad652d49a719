import { adminUser } from '../access.js';
import type { Operation } from '../context.js';
import { describeGroup, listLimit, nextTokenParam } from '../services/groups.js';
import { offsetPage } from '../services/paging.js';

export const AdminListGroupsForUser: Operation = (svc, body, request) => {
  const { pool, user } = adminUser(svc, body, request);
  const size = listLimit(body);
  // Wording ours (not established).
  const { page, next } = offsetPage(svc.store.groupsOfUser(pool.id, user.username), size, nextTokenParam(body), 'Invalid NextToken');
  return { Groups: page.map(describeGroup), ...(next ? { NextToken: next } : {}) };
};
