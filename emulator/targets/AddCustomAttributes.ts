import { adminPool } from '../access.js';
import type { Operation } from '../context.js';
import { addCustomAttributes } from '../services/schema.js';
import { requirePool } from '../services/users.js';

/**
 * Adds custom attributes to a pool's schema (API reference, AddCustomAttributes). Attributes can be
 * added but never removed or renamed, so a name the pool already has is refused.
 */
export const AddCustomAttributes: Operation = (svc, body, request) => {
  const { id } = adminPool(svc, body, request);
  svc.store.transaction(() => {
    const pool = requirePool(svc.store, id);
    svc.store.putPool({ ...pool, schema: addCustomAttributes(pool.schema, body), lastModifiedAt: svc.clock.now() });
  });
  return {};
};
