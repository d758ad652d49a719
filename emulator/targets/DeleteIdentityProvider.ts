import { adminPool } from '../access.js';
import type { Operation } from '../context.js';
import { providerNameParam, requireIdentityProvider } from '../services/identity-providers.js';

/** The provider goes; its users stay (as EXTERNAL_PROVIDER users whose sign-in is no longer offered). */
export const DeleteIdentityProvider: Operation = (svc, body, request) => {
  const pool = adminPool(svc, body, request);
  const provider = requireIdentityProvider(svc, pool.id, providerNameParam(body));
  svc.store.deleteIdentityProvider(pool.id, provider.name);
  return {};
};
