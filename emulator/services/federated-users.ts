/**
 * Users who sign in through an identity provider, kept as Cognito keeps them: a user named
 * `<ProviderName>_<id>` with status EXTERNAL_PROVIDER and no password, mapped attributes written at
 * every sign-in, and an `identities` attribute (a JSON string) listing the provider identities; or,
 * when the identity was linked to a native user (AdminLinkProviderForUser), that native user.
 */
import type { Services } from '../context.js';
import { CognitoError } from '../errors.js';
import { deleteAttribute, getAttribute, type IdentityProviderRecord, type PoolRecord, setAttribute, type UserRecord } from './model.js';
import { preSignUp } from './trigger-events.js';
import { hasTrigger } from './triggers.js';
import { newUser } from './users.js';

/** One entry of the `identities` attribute, as AdminGetUser shows it (primary a boolean, dateCreated ms). */
export interface Identity {
  userId: string;
  providerName: string;
  providerType: string;
  issuer: string | null;
  primary: boolean;
  dateCreated: number;
}

export function identitiesOf(user: UserRecord): Identity[] {
  const raw = getAttribute(user, 'identities');
  if (!raw) return [];
  try {
    const list = JSON.parse(raw) as unknown;
    return Array.isArray(list) ? (list as Identity[]) : [];
  } catch {
    return [];
  }
}

function setIdentities(user: UserRecord, identities: Identity[]): void {
  if (identities.length) setAttribute(user, 'identities', JSON.stringify(identities));
  else deleteAttribute(user, 'identities');
}

export function addIdentity(user: UserRecord, identity: Identity): void {
  setIdentities(user, [...identitiesOf(user).filter((i) => !(i.providerName === identity.providerName && i.userId === identity.userId)), identity]);
}

export function removeIdentity(user: UserRecord, providerName: string, userId: string): void {
  setIdentities(user, identitiesOf(user).filter((i) => !(i.providerName === providerName && i.userId === userId)));
}

/** The identities claim of an ID token: an array whose primary and dateCreated are strings (as real tokens show). */
export const identitiesClaim = (user: UserRecord) =>
  identitiesOf(user).map((i) => ({ ...i, primary: String(i.primary), dateCreated: String(i.dateCreated) }));

export const federatedUsername = (provider: string, userId: string) => `${provider}_${userId}`;

/** What a provider said about the person signing in: their id there and the pool attributes mapped from its claims. */
export interface FederatedProfile {
  userId: string;
  /** The IdP's issuer or SAML entity id (null for social providers, as Cognito records it). */
  issuer: string | null;
  attributes: Record<string, string>;
}

/** Attributes a sign-in never writes: they are Cognito's own. */
const NOT_MAPPABLE = new Set(['sub', 'identities', 'username', 'cognito:username', 'cognito:user_status']);

/** The native user an identity is linked to: by the provider's user id, or by a mapped attribute's value. */
function linkedUser(svc: Services, pool: PoolRecord, provider: IdentityProviderRecord, profile: FederatedProfile): UserRecord | undefined {
  for (const link of svc.store.linksFor(pool.id, provider.name)) {
    const value = link.attribute === 'Cognito_Subject' ? profile.userId : profile.attributes[link.attribute];
    if (value === link.value) {
      const user = svc.store.getUser(pool.id, link.username);
      if (user) return user;
    }
  }
  return undefined;
}

/** Writes the provider's mapped attributes onto the user (not Cognito's own). */
function writeMappedAttributes(user: UserRecord, profile: FederatedProfile): void {
  for (const [name, value] of Object.entries(profile.attributes)) {
    if (NOT_MAPPABLE.has(name)) continue;
    // A changed e-mail or phone is not verified just because the old one was, unless the provider says so.
    if ((name === 'email' || name === 'phone_number') && getAttribute(user, name) !== value && profile.attributes[`${name}_verified`] === undefined) {
      setAttribute(user, `${name}_verified`, 'false');
    }
    setAttribute(user, name, value);
  }
}

/**
 * The user this sign-in is: the linked native user, the federated user of an earlier sign-in, or a
 * new federated user. Mapped attributes are written each time; a missing required attribute is
 * Cognito's "attributes required: [...]". A new user passes the PreSignUp trigger first
 * (PreSignUp_ExternalProvider, "first sign-in with a trusted identity provider", DG pre sign-up):
 * a throw refuses the sign-in and nothing is stored.
 */
export async function signInFederated(svc: Services, pool: PoolRecord, provider: IdentityProviderRecord, profile: FederatedProfile, clientId?: string): Promise<UserRecord> {
  const now = svc.clock.now();
  const name = federatedUsername(provider.name, profile.userId);
  if (hasTrigger(pool, 'PreSignUp') && !linkedUser(svc, pool, provider, profile) && !svc.store.getUser(pool.id, name)) {
    const prospective = { ...newUser(name, now), status: 'EXTERNAL_PROVIDER' as const };
    writeMappedAttributes(prospective, profile);
    await preSignUp(svc, pool, 'PreSignUp_ExternalProvider', prospective, { clientId });
  }
  return svc.store.transaction(() => {
    const linked = linkedUser(svc, pool, provider, profile);
    const username = linked?.username ?? name;
    const existing = linked ?? svc.store.getUser(pool.id, username);
    // A native user who merely has that name (a sign-up as "Google_<id>") is not this person.
    if (!linked && existing && existing.status !== 'EXTERNAL_PROVIDER') throw new CognitoError('InvalidParameterException', `Already found an entry for username ${username}`);
    const user = existing ?? { ...newUser(username, now), status: 'EXTERNAL_PROVIDER' as const };
    if (!user.enabled) throw new CognitoError('NotAuthorizedException', 'User is disabled.');
    writeMappedAttributes(user, profile);
    const missing = pool.schema.requiredAttributes.filter((a) => !getAttribute(user, a));
    if (missing.length) throw new CognitoError('InvalidParameterException', `attributes required: [${missing.join(', ')}]`);
    const previous = identitiesOf(user).find((i) => i.providerName === provider.name && i.userId === profile.userId);
    addIdentity(user, {
      userId: profile.userId,
      providerName: provider.name,
      providerType: provider.type,
      issuer: profile.issuer,
      primary: !linked,
      dateCreated: previous?.dateCreated ?? now,
    });
    user.lastModifiedAt = now;
    if (existing) svc.store.updateUser(pool.id, user);
    else svc.store.insertUser(pool.id, user);
    return user;
  });
}
