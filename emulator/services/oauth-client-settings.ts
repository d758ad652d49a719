/**
 * An app client's OAuth settings (CreateUserPoolClient / UpdateUserPoolClient), validated as Cognito
 * validates them. Messages are Cognito's where they are known (see the fidelity table in the README);
 * the API reference gives the rules: callback and sign-out URLs are absolute, without a fragment, and
 * HTTPS except on loopback; DefaultRedirectURI is one of CallbackURLs; client_credentials needs a
 * secret and stands alone; every scope and identity provider must exist in the pool.
 */
import { CognitoError, invalidParameter } from '../errors.js';
import { type Body, optBoolean, optString, optStringList } from '../validate.js';
import type { OAuthClientSettings, OAuthFlow, PoolRecord } from './model.js';
import type { Store } from './store.js';

export const STANDARD_SCOPES = ['phone', 'email', 'openid', 'profile', 'aws.cognito.signin.user.admin'];
const FLOWS: OAuthFlow[] = ['code', 'implicit', 'client_credentials'];
const URL_PATTERN = /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u;
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

const invalidFlow = (message: string) => new CognitoError('InvalidOAuthFlowException', message);

/** A callback or sign-out URL as Cognito accepts it. */
function checkUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalidParameter(`${url} is not a valid URL.`);
  }
  // Wording ours: Cognito's rule ("Not include a fragment component") is documented, its message is not.
  if (url.includes('#')) throw invalidParameter(`${url} must not include a fragment.`);
  if (parsed.protocol === 'http:' && !LOOPBACK.has(parsed.hostname)) throw invalidParameter(`${url} cannot use the HTTP protocol.`);
}

function urlList(body: Body, key: string): string[] {
  const list = optStringList(body, key, 100) ?? [];
  for (const url of list) {
    if (url.length > 1024 || !URL_PATTERN.test(url)) {
      throw invalidParameter(`1 validation error detected: Value at '${key}' failed to satisfy constraint: Member must have length less than or equal to 1024, Member must have length greater than or equal to 1, Member must satisfy regular expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+`);
    }
    checkUrl(url);
  }
  return [...new Set(list)];
}

/** The scopes a client may be given: the standard ones and those of the pool's resource servers. */
export function knownScopes(store: Store, poolId: string): Set<string> {
  const scopes = new Set(STANDARD_SCOPES);
  for (const server of store.listResourceServers(poolId)) for (const s of server.scopes) scopes.add(`${server.identifier}/${s.ScopeName}`);
  return scopes;
}

export function readOAuthSettings(body: Body, context: { store: Store; pool: PoolRecord; hasSecret: boolean }): OAuthClientSettings {
  const { store, pool, hasSecret } = context;
  const flows = [...new Set(optStringList(body, 'AllowedOAuthFlows', 3) ?? [])].map((f) => {
    if (!FLOWS.includes(f as OAuthFlow)) {
      throw invalidParameter(`1 validation error detected: Value '[${f}]' at 'allowedOAuthFlows' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [implicit, client_credentials, code]]`);
    }
    return f as OAuthFlow;
  });
  const scopes = [...new Set(optStringList(body, 'AllowedOAuthScopes', 50) ?? [])];
  const callbackUrls = urlList(body, 'CallbackURLs');
  const logoutUrls = urlList(body, 'LogoutURLs');
  const defaultRedirectUri = optString(body, 'DefaultRedirectURI', { min: 1, max: 1024, pattern: URL_PATTERN });
  const identityProviders = [...new Set(optStringList(body, 'SupportedIdentityProviders', 100) ?? [])];
  const enabled = optBoolean(body, 'AllowedOAuthFlowsUserPoolClient') ?? false;

  const known = knownScopes(store, pool.id);
  for (const scope of scopes) if (!known.has(scope)) throw new CognitoError('ScopeDoesNotExistException', `Invalid scope requested: ${scope}`);
  for (const name of identityProviders) {
    if (name !== 'COGNITO' && !store.getIdentityProvider(pool.id, name)) throw invalidParameter(`The provider ${name} does not exist for User Pool ${pool.id}.`);
  }
  if (flows.includes('client_credentials')) {
    if (flows.length > 1) throw invalidFlow('client_credentials flow can not be selected along with code flow or implicit flow.');
    if (!hasSecret) throw invalidFlow('client_credentials flow can not be selected if client does not have a client secret.');
  }
  if ((flows.includes('code') || flows.includes('implicit')) && callbackUrls.length === 0) {
    throw invalidFlow('CallbackUrls can not be empty when code flow or implicit flow is selected');
  }
  if (defaultRedirectUri !== undefined) {
    checkUrl(defaultRedirectUri);
    if (!callbackUrls.includes(defaultRedirectUri)) throw invalidParameter(`The default redirect URI ${defaultRedirectUri} is not in the callback URIs list.`);
  }
  // Wording ours: the rule is documented (AllowedOAuthFlowsUserPoolClient "must have a value of true
  // before you can configure" flows and scopes), the message is not.
  if (enabled && (flows.length === 0 || scopes.length === 0)) {
    throw invalidFlow('AllowedOAuthFlows and AllowedOAuthScopes are required if user pool client is allowed to use OAuth flows.');
  }
  return { enabled, flows, scopes, callbackUrls, logoutUrls, ...(defaultRedirectUri ? { defaultRedirectUri } : {}), identityProviders };
}

/** The settings as DescribeUserPoolClient shows them (empty lists left out, as Cognito does). */
export function describeOAuthSettings(oauth: OAuthClientSettings): Record<string, unknown> {
  return {
    ...(oauth.callbackUrls.length ? { CallbackURLs: oauth.callbackUrls } : {}),
    ...(oauth.logoutUrls.length ? { LogoutURLs: oauth.logoutUrls } : {}),
    ...(oauth.defaultRedirectUri ? { DefaultRedirectURI: oauth.defaultRedirectUri } : {}),
    ...(oauth.flows.length ? { AllowedOAuthFlows: oauth.flows } : {}),
    ...(oauth.scopes.length ? { AllowedOAuthScopes: oauth.scopes } : {}),
    AllowedOAuthFlowsUserPoolClient: oauth.enabled,
    ...(oauth.identityProviders.length ? { SupportedIdentityProviders: oauth.identityProviders } : {}),
  };
}
