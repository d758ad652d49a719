import { adminPool } from '../access.js';
import type { Operation } from '../context.js';
import { describeGroup, groupNameParam, requireGroup } from '../services/groups.js';

export const GetGroup: Operation = (svc, body, request) => {
  const pool = adminPool(svc, body, request);
  return { Group: describeGroup(requireGroup(svc.store, pool.id, groupNameParam(body))) };
};
