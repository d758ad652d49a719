import { adminPool } from '../access.js';
import type { Operation } from '../context.js';
import {
  checkDetails,
  describeProvider,
  providerNameParam,
  readAttributeMapping,
  readIdentifiers,
  readProviderDetails,
  requireIdentityProvider,
  resolveDetails,
  withDefaultMapping,
} from '../services/identity-providers.js';

/** Unlike UpdateUserPoolClient, what is left out stays as it was (each field is optional). */
export const UpdateIdentityProvider: Operation = async (svc, body, request) => {
  const pool = adminPool(svc, body, request);
  const current = requireIdentityProvider(svc, pool.id, providerNameParam(body));
  const given = readProviderDetails(body);
  const mapping = readAttributeMapping(body, pool);
  const identifiers = readIdentifiers(svc, body, pool.id, current.name);
  // Details merge over the saved ones, so a secret need not be sent again to change the scopes.
  const merged = given ? { ...current.details, ...given } : undefined;
  if (merged && current.type === 'SAML' && given && (given.MetadataURL !== undefined || given.MetadataFile !== undefined)) {
    delete merged[given.MetadataURL !== undefined ? 'MetadataFile' : 'MetadataURL'];
  }
  if (merged) checkDetails(current.type, merged);
  const resolved = merged ? await resolveDetails(svc, current.type, merged) : undefined;
  const record = {
    ...current,
    ...(resolved ? { details: resolved.details, ...(resolved.saml ? { saml: resolved.saml } : {}) } : {}),
    ...(mapping ? { attributeMapping: withDefaultMapping(current.type, mapping) } : {}),
    ...(identifiers ? { idpIdentifiers: identifiers } : {}),
    lastModifiedAt: svc.clock.now(),
  };
  svc.store.putIdentityProvider(record);
  return { IdentityProvider: describeProvider(svc, record) };
};
