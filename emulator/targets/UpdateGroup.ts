import { adminPool } from '../access.js';
import type { Operation } from '../context.js';
import { describeGroup, descriptionParam, groupNameParam, precedenceParam, requireGroup, roleArnParam } from '../services/groups.js';

/**
 * "Updates any of the properties for precedence, IAM role, or description" (API reference): the
 * fields given change, the ones left out keep their values.
 */
export const UpdateGroup: Operation = (svc, body, request) => {
  const pool = adminPool(svc, body, request);
  const name = groupNameParam(body);
  const description = descriptionParam(body);
  const roleArn = roleArnParam(body);
  const precedence = precedenceParam(body);
  const group = svc.store.transaction(() => {
    const current = requireGroup(svc.store, pool.id, name);
    const updated = {
      ...current,
      ...(description !== undefined ? { description } : {}),
      ...(roleArn !== undefined ? { roleArn } : {}),
      ...(precedence !== undefined ? { precedence } : {}),
      lastModifiedAt: svc.clock.now(),
    };
    svc.store.putGroup(updated);
    return updated;
  });
  return { Group: describeGroup(group) };
};
