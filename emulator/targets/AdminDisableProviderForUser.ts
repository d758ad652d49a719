import { adminPool } from '../access.js';
import type { Operation } from '../context.js';
import { updateUser } from '../access.js';
import { federatedUsername, identitiesOf, removeIdentity } from '../services/federated-users.js';
import { providerUserParam, userDoesNotExist } from '../services/provider-users.js';

/**
 * API reference: a linked identity loses its link (its next sign-in makes a new user); a federated
 * user can no longer sign in; a native user (ProviderName Cognito) can no longer use the password.
 */
export const AdminDisableProviderForUser: Operation = (svc, body, request) => {
  const pool = adminPool(svc, body, request);
  const identity = providerUserParam(body, 'User');
  if (identity.provider === 'Cognito') {
    updateUser(svc, pool, identity.value, (u) => void (u.password = null));
    return {};
  }
  const link = svc.store.linksFor(pool.id, identity.provider).find((l) => l.attribute === identity.attribute && l.value === identity.value);
  if (link) {
    svc.store.transaction(() => {
      svc.store.deleteLink(link);
      const user = svc.store.getUser(pool.id, link.username);
      if (!user) return;
      // By the provider's user id; a link by another attribute drops the provider's identities once none of its links is left.
      const otherLinks = svc.store.linksOf(pool.id, user.username).some((l) => l.provider === identity.provider);
      updateUser(svc, pool, user.username, (u) => {
        if (link.attribute === 'Cognito_Subject') removeIdentity(u, identity.provider, identity.value);
        else if (!otherLinks) for (const i of identitiesOf(u).filter((x) => x.providerName === identity.provider)) removeIdentity(u, i.providerName, i.userId);
      });
    });
    return {};
  }
  const federated = identity.attribute === 'Cognito_Subject' ? svc.store.getUser(pool.id, federatedUsername(identity.provider, identity.value)) : undefined;
  if (!federated) throw userDoesNotExist();
  svc.store.transaction(() => {
    svc.store.revokeAllForUser(pool.id, federated.username);
    updateUser(svc, pool, federated.username, (u) => void (u.enabled = false));
  });
  return {};
};
