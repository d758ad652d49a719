import { adminPool } from '../access.js';
import type { Operation } from '../context.js';
import { resourceNotFound } from '../errors.js';
import { describeProvider } from '../services/identity-providers.js';
import { reqString } from '../validate.js';

export const GetIdentityProviderByIdentifier: Operation = (svc, body, request) => {
  const pool = adminPool(svc, body, request);
  const identifier = reqString(body, 'IdpIdentifier', { max: 40, pattern: /^[\w\s+=.@-]+$/ });
  const provider = svc.store.listIdentityProviders(pool.id).find((p) => p.idpIdentifiers.includes(identifier));
  // Wording ours (not established).
  if (!provider) throw resourceNotFound(`Identity provider with identifier ${identifier} does not exist.`);
  return { IdentityProvider: describeProvider(svc, provider) };
};
