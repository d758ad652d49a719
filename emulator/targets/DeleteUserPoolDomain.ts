import { adminPool } from '../access.js';
import type { Operation } from '../context.js';
import { domainOfPool } from '../services/domains.js';
import { reqString } from '../validate.js';

export const DeleteUserPoolDomain: Operation = (svc, body, request) => {
  const pool = adminPool(svc, body, request);
  svc.store.deleteDomain(domainOfPool(svc, pool.id, reqString(body, 'Domain', { max: 63 })).domain);
  return {};
};
