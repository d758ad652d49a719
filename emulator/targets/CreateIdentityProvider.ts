import { adminPool } from '../access.js';
import type { Operation } from '../context.js';
import { CognitoError, invalidParameter } from '../errors.js';
import {
  checkDetails,
  checkName,
  describeProvider,
  PROVIDER_TYPES,
  providerNameParam,
  readAttributeMapping,
  readIdentifiers,
  readProviderDetails,
  resolveDetails,
  withDefaultMapping,
} from '../services/identity-providers.js';
import type { ProviderType } from '../services/model.js';
import { reqString } from '../validate.js';

/** Cognito's limit of identity providers per pool (quotas: 300). */
const MAX_PROVIDERS = 300;

export const CreateIdentityProvider: Operation = async (svc, body, request) => {
  const pool = adminPool(svc, body, request);
  const name = providerNameParam(body, true);
  const type = reqString(body, 'ProviderType', { max: 32 }) as ProviderType;
  if (!PROVIDER_TYPES.includes(type)) {
    throw invalidParameter(`1 validation error detected: Value '${type}' at 'providerType' failed to satisfy constraint: Member must satisfy enum value set: [${PROVIDER_TYPES.join(', ')}]`);
  }
  checkName(name, type);
  const given = readProviderDetails(body);
  if (!given) throw invalidParameter("1 validation error detected: Value null at 'providerDetails' failed to satisfy constraint: Member must not be null");
  checkDetails(type, given);
  const attributeMapping = withDefaultMapping(type, readAttributeMapping(body, pool) ?? {});
  const idpIdentifiers = readIdentifiers(svc, body, pool.id, name) ?? [];
  if (svc.store.getIdentityProvider(pool.id, name)) throw new CognitoError('DuplicateProviderException', `${name} already exists in user pool ${pool.id}`);
  if (svc.store.listIdentityProviders(pool.id).length >= MAX_PROVIDERS) throw new CognitoError('LimitExceededException', 'The identity provider limit for this user pool has been reached.');
  // Metadata and discovery are read before anything is written: a provider that can't be reached is refused.
  const { details, saml } = await resolveDetails(svc, type, given);
  const now = svc.clock.now();
  const record = { poolId: pool.id, name, type, details, attributeMapping, idpIdentifiers, ...(saml ? { saml } : {}), createdAt: now, lastModifiedAt: now };
  svc.store.transaction(() => {
    if (svc.store.getIdentityProvider(pool.id, name)) throw new CognitoError('DuplicateProviderException', `${name} already exists in user pool ${pool.id}`);
    svc.store.putIdentityProvider(record);
  });
  return { IdentityProvider: describeProvider(svc, record) };
};
