/**
 * Federated sign-in as the app sees it: the identity providers it offers, which one a typed e-mail
 * belongs to (identifier-first single sign-on), and which provider a signed-in user came through.
 * Pure: the machine, the screens and the config parser share it.
 */
import type { UserInfo } from './types';

/** Cognito's names of the social providers, and the short names Amplify also accepts for two of them. */
export const SOCIAL_PROVIDERS = ['Google', 'Facebook', 'LoginWithAmazon', 'SignInWithApple'] as const;
export const SOCIAL_ALIASES: Record<string, (typeof SOCIAL_PROVIDERS)[number]> = { Amazon: 'LoginWithAmazon', Apple: 'SignInWithApple' };
const SOCIAL_LABELS: Record<(typeof SOCIAL_PROVIDERS)[number], string> = { Google: 'Google', Facebook: 'Facebook', LoginWithAmazon: 'Amazon', SignInWithApple: 'Apple' };

/** A provider the app offers: a social one, or a SAML/OIDC provider by its Cognito provider name. */
export interface ProviderOption {
  /** Cognito's provider name (identity_provider). */
  name: string;
  /** What the button says after "Continue with". */
  label: string;
  /** E-mail domains whose users sign in here (Cognito's IdpIdentifiers, sent as idp_identifier). */
  emailDomains: string[];
  /** Shown as a button; false: reached only by typing an e-mail of its domains. */
  button: boolean;
}

export const isSocial = (name: string) => (SOCIAL_PROVIDERS as readonly string[]).includes(name);
export const defaultLabel = (name: string) => (isSocial(name) ? SOCIAL_LABELS[name as (typeof SOCIAL_PROVIDERS)[number]] : name);

/** Where a federated sign-in goes: a provider by name, or the provider of an e-mail domain (idp_identifier). */
export interface FederationTarget {
  provider?: string;
  idpIdentifier?: string;
  label: string;
  /** The e-mail typed before single sign-on: passed on (Cognito forwards it to OIDC providers). */
  loginHint?: string;
}

/** The enterprise provider whose e-mail domains include this one's, if any (case-insensitive). */
export function ssoProviderFor(identifier: string, providers: readonly ProviderOption[]): { provider: ProviderOption; domain: string } | undefined {
  const at = identifier.trim().lastIndexOf('@');
  if (at < 1) return undefined;
  const domain = identifier.trim().slice(at + 1).toLowerCase();
  const provider = providers.find((p) => p.emailDomains.includes(domain));
  return provider && { provider, domain };
}

/** A provider button's target. */
export const targetFor = (provider: ProviderOption): FederationTarget => ({ provider: provider.name, label: provider.label });

/** The sign-in an e-mail of an SSO domain starts: Cognito picks the provider by the domain (idp_identifier). */
export function ssoTargetFor(identifier: string, providers: readonly ProviderOption[]): FederationTarget | undefined {
  const match = ssoProviderFor(identifier, providers);
  return match && { idpIdentifier: match.domain, label: match.provider.label, loginHint: identifier.trim() };
}

/** One identity of Cognito's `identities` attribute. */
interface Identity {
  userId: string;
  providerName: string;
  providerType?: string;
}

function identitiesOf(user: UserInfo): Identity[] {
  try {
    const list = JSON.parse(user.attributes.identities ?? '[]') as unknown;
    return Array.isArray(list) ? list.filter((i): i is Identity => typeof i?.providerName === 'string' && typeof i?.userId === 'string') : [];
  } catch {
    return [];
  }
}

export interface UserFederation {
  /**
   * The user exists only through a provider: Cognito named them `<ProviderName>_<id>`, they have no
   * password and the provider does their authentication (no MFA, passkeys or password here).
   */
  federatedUser?: { provider: string };
  /** Provider identities linked to this user (a native user keeps everything else). */
  linked: string[];
}

/** Cognito names a federated user `<ProviderName>_<id>` (lower-cased in case-insensitive pools). */
export function federationOf(user: UserInfo): UserFederation {
  const identities = identitiesOf(user);
  const own = identities.find((i) => `${i.providerName}_${i.userId}`.toLowerCase() === user.username.toLowerCase());
  return { ...(own ? { federatedUser: { provider: own.providerName } } : {}), linked: identities.filter((i) => i !== own).map((i) => i.providerName) };
}

/** The label the app gives a provider (from its config), or its Cognito name. */
export const labelOf = (name: string, providers: readonly ProviderOption[]) => providers.find((p) => p.name === name)?.label ?? defaultLabel(name);
