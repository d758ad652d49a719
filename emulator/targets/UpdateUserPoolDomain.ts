import { adminPool } from '../access.js';
import type { Operation } from '../context.js';
import { domainOfPool, managedLoginVersion, refuseCustomDomain } from '../services/domains.js';
import { reqString } from '../validate.js';

/** Changes the managed-login version; the name stays (to rename, delete and create, as Cognito says). */
export const UpdateUserPoolDomain: Operation = (svc, body, request) => {
  const pool = adminPool(svc, body, request);
  refuseCustomDomain(body);
  const record = domainOfPool(svc, pool.id, reqString(body, 'Domain', { max: 63 }));
  const version = managedLoginVersion(body, pool, record.managedLoginVersion);
  svc.store.putDomain({ ...record, managedLoginVersion: version });
  return { ManagedLoginVersion: version };
};
