import { adminPool } from '../access.js';
import type { Operation } from '../context.js';
import { describeUser } from '../services/describe.js';
import { groupNameParam, listLimit, nextTokenParam, requireGroup } from '../services/groups.js';
import { offsetPage } from '../services/paging.js';

export const ListUsersInGroup: Operation = (svc, body, request) => {
  const pool = adminPool(svc, body, request);
  const name = groupNameParam(body);
  const size = listLimit(body);
  const token = nextTokenParam(body);
  requireGroup(svc.store, pool.id, name);
  // Wording ours (not established).
  const { page, next } = offsetPage(svc.store.membersOf(pool.id, name), size, token, 'Invalid NextToken');
  return { Users: page.map((u) => describeUser(u, 'Attributes')), ...(next ? { NextToken: next } : {}) };
};
