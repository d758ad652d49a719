import { adminPool } from '../access.js';
import type { Operation } from '../context.js';
import { type GroupRecord, describeGroup, descriptionParam, groupExists, groupNameParam, precedenceParam, roleArnParam } from '../services/groups.js';

export const CreateGroup: Operation = (svc, body, request) => {
  const pool = adminPool(svc, body, request);
  const name = groupNameParam(body);
  const description = descriptionParam(body);
  const roleArn = roleArnParam(body);
  const precedence = precedenceParam(body);
  const now = svc.clock.now();
  const record: GroupRecord = {
    poolId: pool.id,
    name,
    ...(description !== undefined ? { description } : {}),
    ...(roleArn !== undefined ? { roleArn } : {}),
    ...(precedence !== undefined ? { precedence } : {}),
    createdAt: now,
    lastModifiedAt: now,
  };
  svc.store.transaction(() => {
    if (svc.store.getGroup(pool.id, name)) throw groupExists(name);
    svc.store.putGroup(record);
  });
  return { Group: describeGroup(record) };
};
