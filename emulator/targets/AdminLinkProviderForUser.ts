import { adminPool } from '../access.js';
import type { Operation } from '../context.js';
import { CognitoError, invalidParameter } from '../errors.js';
import { federatedUsername } from '../services/federated-users.js';
import { isSocial } from '../services/model.js';
import { providerUserParam, userDoesNotExist } from '../services/provider-users.js';

/** "The maximum number of federated identities linked to a user is five." (API reference) */
const MAX_LINKS = 5;

/**
 * Links an identity of an external provider that has not signed in yet to an existing user: when
 * it signs in, it is that user. Messages as Cognito gives them where reported (README fidelity table).
 */
export const AdminLinkProviderForUser: Operation = (svc, body, request) => {
  const pool = adminPool(svc, body, request);
  const destination = providerUserParam(body, 'DestinationUser');
  const source = providerUserParam(body, 'SourceUser');
  if (source.provider === 'Cognito') {
    throw invalidParameter('Invalid SourceUser: Cognito users with a username/password may not be passed in as a SourceUser, only as a DestinationUser');
  }
  const provider = svc.store.getIdentityProvider(pool.id, source.provider);
  if (!provider) throw invalidParameter(`The provider ${source.provider} does not exist for User Pool ${pool.id}.`);
  // Wording ours: the rule is documented ("you must set the ProviderAttributeName to Cognito_Subject").
  if (isSocial(provider.type) && source.attribute !== 'Cognito_Subject') throw invalidParameter(`ProviderAttributeName must be Cognito_Subject for ${provider.type}.`);
  // The destination: a native user by username, or a federated user by the provider's user id.
  const targetName = destination.provider === 'Cognito' ? destination.value : federatedUsername(destination.provider, destination.value);
  svc.store.transaction(() => {
    const target = svc.store.getUser(pool.id, targetName);
    if (!target) throw userDoesNotExist();
    if (source.attribute === 'Cognito_Subject' && svc.store.getUser(pool.id, federatedUsername(provider.name, source.value))) {
      throw invalidParameter('Merging is not currently supported, provide a SourceUser that has not been signed up in order to link');
    }
    const existing = svc.store.linksFor(pool.id, provider.name).find((l) => l.attribute === source.attribute && l.value === source.value);
    if (existing?.username === target.username) throw invalidParameter('SourceUser is already linked to DestinationUser');
    // Wording ours (not established).
    if (existing) throw new CognitoError('AliasExistsException', 'SourceUser is already linked to another user.');
    if (svc.store.linksOf(pool.id, target.username).length >= MAX_LINKS) throw new CognitoError('LimitExceededException', 'A user can have at most 5 linked identities.');
    svc.store.putLink({ poolId: pool.id, provider: provider.name, attribute: source.attribute, value: source.value, username: target.username });
  });
  return {};
};
