import { adminPool } from '../access.js';
import type { Operation } from '../context.js';
import { invalidParameter } from '../errors.js';
import { domainParam, managedLoginVersion, refuseCustomDomain } from '../services/domains.js';

/** A prefix domain for the pool: its OAuth endpoints are served at https://localhost:<tls port>/<domain>/. */
export const CreateUserPoolDomain: Operation = (svc, body, request) => {
  const pool = adminPool(svc, body, request);
  const domain = domainParam(body);
  refuseCustomDomain(body);
  const version = managedLoginVersion(body, pool);
  svc.store.transaction(() => {
    if (svc.store.getDomain(domain)) throw invalidParameter('Domain already associated with another user pool.');
    // Wording ours: a pool has one prefix domain; Cognito's message for a second one is not established.
    if (svc.store.domainOf(pool.id)) throw invalidParameter(`User pool ${pool.id} already has a domain configured.`);
    svc.store.putDomain({ domain, poolId: pool.id, managedLoginVersion: version, createdAt: svc.clock.now() });
  });
  // A prefix domain has no CloudFront distribution to report (CloudFrontDomain is null).
  return { ManagedLoginVersion: version };
};
