/** Pool domains (CreateUserPoolDomain and the rest): Cognito's naming rules and the shape it describes them in. */
import type { Services } from '../context.js';
import { CognitoError, invalidParameter } from '../errors.js';
import { type Body, optNumber, optObject, reqString } from '../validate.js';
import type { DomainRecord, PoolRecord } from './model.js';

const DOMAIN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const RESERVED = ['aws', 'amazon', 'cognito'];

/** The Domain parameter, with Cognito's message for a name it can't use. */
export function domainParam(body: Body): string {
  const domain = reqString(body, 'Domain', { max: 63 });
  if (!DOMAIN.test(domain)) {
    throw invalidParameter(
      'The domain name contains an invalid character. Domain names can only contain lower-case letters, numbers, and hyphens. Please enter a different name that follows this format: ^[a-z0-9](?:[a-z0-9\\-]{0,61}[a-z0-9])?$',
    );
  }
  const reserved = RESERVED.find((word) => domain.includes(word));
  if (reserved) throw invalidParameter(`Domain cannot contain reserved word: ${reserved}`);
  return domain;
}

/** ManagedLoginVersion: 1 (the classic hosted UI) unless asked; 2 (managed login) needs a tier above Lite. */
export function managedLoginVersion(body: Body, pool: PoolRecord, current = 1): number {
  const version = optNumber(body, 'ManagedLoginVersion', 1, 2) ?? current;
  if (version === 2 && pool.tier === 'LITE') throw new CognitoError('FeatureUnavailableInTierException', 'Managed login is not available in the Lite tier.');
  return version;
}

/**
 * Custom domains need a certificate in ACM and DNS: the emulator serves prefix domains only, and
 * says so rather than pretend.
 */
export function refuseCustomDomain(body: Body): void {
  if (optObject(body, 'CustomDomainConfig')) {
    throw invalidParameter('The emulator serves prefix domains only (https://localhost:<port>/<domain>): leave out CustomDomainConfig.');
  }
}

export function describeDomain(record: DomainRecord): Record<string, unknown> {
  return {
    UserPoolId: record.poolId,
    AWSAccountId: '000000000000',
    Domain: record.domain,
    Version: String(record.createdAt),
    Status: 'ACTIVE',
    ManagedLoginVersion: record.managedLoginVersion,
  };
}

/** Where a domain's endpoints are: https://localhost:<port>/<domain>. */
export function domainUrl(svc: Services, domain: string): string | undefined {
  const base = svc.oauthBase();
  return base ? `${base}/${domain}` : undefined;
}

/** The pool's domain by name, for Update and Delete. */
export function domainOfPool(svc: Services, poolId: string, domain: string): DomainRecord {
  const record = svc.store.getDomain(domain);
  // Wording ours (not established).
  if (!record || record.poolId !== poolId) throw invalidParameter('No such domain or user pool exists.');
  return record;
}
