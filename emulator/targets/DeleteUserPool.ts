import { adminPool } from '../access.js';
import type { Operation } from '../context.js';

export const DeleteUserPool: Operation = (svc, body, request) => {
  svc.store.deletePool(adminPool(svc, body, request).id);
  return {};
};
