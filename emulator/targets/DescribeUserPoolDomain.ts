import { requireSigned } from '../access.js';
import type { Operation } from '../context.js';
import { describeDomain } from '../services/domains.js';
import { reqString } from '../validate.js';

/** An unknown domain is not an error: Cognito answers with an empty description (moto's test, checked against AWS). */
export const DescribeUserPoolDomain: Operation = (svc, body, request) => {
  requireSigned(request);
  const record = svc.store.getDomain(reqString(body, 'Domain', { max: 63 }));
  return { DomainDescription: record ? describeDomain(record) : {} };
};
