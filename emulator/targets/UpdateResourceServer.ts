import { adminPool } from '../access.js';
import type { Operation } from '../context.js';
import { describeResourceServer, identifierParam, nameParam, requireResourceServer, scopesParam } from '../services/resource-servers.js';

/** A replace, as Cognito's: scopes left out are gone. */
export const UpdateResourceServer: Operation = (svc, body, request) => {
  const pool = adminPool(svc, body, request);
  const current = requireResourceServer(svc.store, pool.id, identifierParam(body));
  const record = { ...current, name: nameParam(body), scopes: scopesParam(body) };
  svc.store.putResourceServer(record);
  return { ResourceServer: describeResourceServer(record) };
};
