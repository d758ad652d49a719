import { adminPool } from '../access.js';
import type { Operation } from '../context.js';
import { invalidParameter } from '../errors.js';

export const DeleteUserPool: Operation = (svc, body, request) => {
  const pool = adminPool(svc, body, request);
  // DeletionProtection ACTIVE: "you can't delete the user pool" (API reference, CreateUserPool). Wording ours (not established).
  if (pool.deletionProtection === 'ACTIVE') {
    throw invalidParameter('The user pool cannot be deleted because deletion protection is activated. Deletion protection must be inactivated first.');
  }
  svc.store.deletePool(pool.id);
  return {};
};
