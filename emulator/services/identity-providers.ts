/**
 * Identity providers of a pool (CreateIdentityProvider and the rest): the rules Cognito checks, the
 * endpoints it federates with, and the shape DescribeIdentityProvider answers with.
 *
 * The four social providers can't be reached offline: the emulator sends their sign-ins to its
 * built-in test identity provider (emulator/test-idp/), which speaks each one's protocol (OIDC for
 * Google and Apple, OAuth 2.0 plus a profile endpoint for Facebook and Login with Amazon), and
 * DescribeIdentityProvider shows those endpoints where Cognito shows the real ones.
 */
import { DOMParser } from '@xmldom/xmldom';
import type { Services } from '../context.js';
import { CognitoError, invalidParameter, resourceNotFound } from '../errors.js';
import { type Body, optObject, optStringList, reqString } from '../validate.js';
import { type IdentityProviderRecord, isSocial, type PoolRecord, type ProviderType, type SamlMetadata, type SocialProvider } from './model.js';
import { STANDARD_ATTRIBUTES } from './schema.js';

export const PROVIDER_TYPES: ProviderType[] = ['SAML', 'Facebook', 'Google', 'LoginWithAmazon', 'SignInWithApple', 'OIDC'];

/** Create's ProviderNameTypeV2: no underscore after the second character, as `<ProviderName>_<id>` usernames need. */
const CREATE_NAME = /^[^_\p{Z}][\p{L}\p{M}\p{S}\p{N}\p{P}][^_\p{Z}]+$/u;
const NAME = /^[\p{L}\p{M}\p{S}\p{N}\p{P}\p{Z}]+$/u;
const IDENTIFIER = /^[\w\s+=.@-]+$/;

export const providerNameParam = (body: Body, forCreate = false) =>
  reqString(body, 'ProviderName', { max: 32, pattern: forCreate ? CREATE_NAME : NAME });

/** The claim each social provider's user id comes in: the `username` mapping Cognito adds. */
export const SOCIAL_USER_ID: Record<SocialProvider, string> = { Google: 'sub', SignInWithApple: 'sub', Facebook: 'id', LoginWithAmazon: 'user_id' };

/** The test identity provider's path for each social provider (see test-idp/). */
export const SOCIAL_FLAVOUR: Record<SocialProvider, string> = { Google: 'google', SignInWithApple: 'apple', Facebook: 'facebook', LoginWithAmazon: 'amazon' };

export function requireIdentityProvider(svc: Services, poolId: string, name: string): IdentityProviderRecord {
  const provider = svc.store.getIdentityProvider(poolId, name);
  // Wording ours: the exception is Cognito's (API reference), its text is not established.
  if (!provider) throw resourceNotFound(`Identity provider ${name} does not exist.`);
  return provider;
}

function stringMap(body: Body, key: string, maxKey: number): Record<string, string> | undefined {
  const obj = optObject(body, key);
  if (!obj) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (typeof v !== 'string') throw new CognitoError('SerializationException', `Expected string values in ${key}`);
    if (k.length < 1 || k.length > maxKey) throw invalidParameter(`1 validation error detected: Value at '${key}' failed to satisfy constraint: Map keys must satisfy constraint: [Member must have length less than or equal to ${maxKey}]`);
    out[k] = v;
  }
  return out;
}

/**
 * AttributeMapping: its keys are the pool's attributes (standard, or its declared custom ones) and
 * `username`; nothing else a provider could put into Cognito's tokens (`cognito:groups`, `nonce`…).
 */
export function readAttributeMapping(body: Body, pool: PoolRecord): Record<string, string> | undefined {
  const mapping = stringMap(body, 'AttributeMapping', 32);
  if (!mapping) return undefined;
  const custom = pool.schema.customAttributes.map((a) => a.Name);
  for (const key of Object.keys(mapping)) {
    if (key !== 'username' && !STANDARD_ATTRIBUTES.includes(key) && !custom.includes(key)) {
      // Wording ours (not established).
      throw invalidParameter(`Invalid attribute mapping: ${key} is not an attribute of the user pool.`);
    }
  }
  return mapping;
}
export const readProviderDetails = (body: Body) => stringMap(body, 'ProviderDetails', 2048);

/** IdpIdentifiers: unique in the pool (across its providers), because idp_identifier picks one provider by them. */
export function readIdentifiers(svc: Services, body: Body, poolId: string, providerName: string): string[] | undefined {
  const list = optStringList(body, 'IdpIdentifiers', 50);
  if (!list) return undefined;
  for (const id of list) {
    if (id.length < 1 || id.length > 40 || !IDENTIFIER.test(id)) {
      throw invalidParameter(`1 validation error detected: Value '[${id}]' at 'idpIdentifiers' failed to satisfy constraint: Member must satisfy constraint: [Member must have length less than or equal to 40, Member must satisfy regular expression pattern: [\\w\\s+=.@-]+]`);
    }
  }
  for (const other of svc.store.listIdentityProviders(poolId)) {
    if (other.name === providerName) continue;
    // idp_identifier matches in any case, so identifiers must differ in more than case.
    const theirs = other.idpIdentifiers.map((id) => id.toLowerCase());
    const taken = list.find((id) => theirs.includes(id.toLowerCase()));
    // Wording ours: Cognito requires the identifiers to be unique in the pool (DG, SAML IdP naming); its message is not established.
    if (taken) throw invalidParameter(`Duplicate identifier ${taken}: it already belongs to the identity provider ${other.name}.`);
  }
  return [...new Set(list)];
}

/** The local hosts an http:// OIDC issuer may use (Cognito requires https: a documented deviation for local providers). */
const LOCAL_HTTP = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/;

/** An endpoint a provider may give: https, or http on this machine; a URL Node can parse. */
function isEndpoint(url: string): boolean {
  try {
    new URL(url);
  } catch {
    return false;
  }
  return url.startsWith('https://') || LOCAL_HTTP.test(url);
}

/** ProviderDetails as Cognito requires them for each type (messages as Cognito words them). */
export function checkDetails(type: ProviderType, details: Record<string, string>): void {
  const has = (...keys: string[]) => keys.every((k) => details[k] !== undefined && details[k] !== '');
  if (type === 'Google' || type === 'Facebook' || type === 'LoginWithAmazon') {
    if (!has('client_id', 'client_secret', 'authorize_scopes')) throw invalidParameter('clientId, clientSecret and authorizeScopes are all required idp details.');
  } else if (type === 'SignInWithApple') {
    if (!has('client_id', 'private_key', 'team_id', 'key_id')) throw invalidParameter('clientId, privateKey, teamId, and keyId are all required idp details.');
  } else if (type === 'OIDC') {
    if (!has('client_id', 'authorize_scopes', 'oidc_issuer', 'attributes_request_method')) {
      throw invalidParameter('clientId, authorizeScopes, oidcIssuer and attributesRequestMethod are all required idp details.');
    }
    if (!details.oidc_issuer.startsWith('https://') && !LOCAL_HTTP.test(details.oidc_issuer)) throw invalidParameter('OIDC endpoint must start with https://');
    if (details.attributes_request_method !== 'GET' && details.attributes_request_method !== 'POST') {
      throw invalidParameter("1 validation error detected: Value at 'attributes_request_method' failed to satisfy constraint: Member must satisfy enum value set: [POST, GET]");
    }
    for (const key of ['authorize_url', 'token_url', 'attributes_url', 'jwks_uri']) {
      const url = details[key];
      // Wording ours (not established).
      if (url !== undefined && !isEndpoint(url)) throw invalidParameter(`${key} must be an https URL.`);
    }
  } else if (type === 'SAML') {
    const url = details.MetadataURL !== undefined;
    const file = details.MetadataFile !== undefined;
    if (!url && !file) throw invalidParameter('At least one of the MetadataURL or MetadataFile should be provided.');
    if (url && file) throw invalidParameter('Only one of the MetadataURL or MetadataFile should be provided.');
  }
}

/** Social providers must be named as their type: "Provider X cannot be of type Google." */
export function checkName(name: string, type: ProviderType): void {
  if (isSocial(type) && name !== type) throw invalidParameter(`Provider ${name} cannot be of type ${type}.`);
  if (!isSocial(type) && (PROVIDER_TYPES.includes(name as ProviderType) || name === 'COGNITO') && name !== type) {
    throw invalidParameter(`Provider ${name} cannot be of type ${type}.`);
  }
}

/** Social providers get the mapping of their user id to `username`, as Cognito adds it. */
export function withDefaultMapping(type: ProviderType, mapping: Record<string, string>): Record<string, string> {
  return isSocial(type) && mapping.username === undefined ? { ...mapping, username: SOCIAL_USER_ID[type] } : mapping;
}

const SAML_MD = 'urn:oasis:names:tc:SAML:2.0:metadata';
const DSIG = 'http://www.w3.org/2000/09/xmldsig#';
const REDIRECT_BINDING = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';

/** Reads the IdP's entity id, its Redirect-binding endpoints and its signing certificates. */
export function parseSamlMetadata(xml: string): SamlMetadata {
  const invalid = (why: string) => invalidParameter(`Invalid SAML metadata: ${why}`);
  let doc: Document;
  try {
    doc = new DOMParser({ errorHandler: { warning: () => {}, error: () => {}, fatalError: (m: unknown) => { throw new Error(String(m)); } } }).parseFromString(xml, 'text/xml') as unknown as Document;
  } catch {
    throw invalid('it is not well-formed XML.');
  }
  const entity = doc.getElementsByTagNameNS(SAML_MD, 'EntityDescriptor')[0];
  const idp = entity?.getElementsByTagNameNS(SAML_MD, 'IDPSSODescriptor')[0];
  if (!entity || !idp) throw invalid('no EntityDescriptor with an IDPSSODescriptor.');
  const entityId = entity.getAttribute('entityID') ?? '';
  if (!entityId) throw invalid('the EntityDescriptor has no entityID.');
  const endpoint = (tag: string) =>
    Array.from(idp.getElementsByTagNameNS(SAML_MD, tag)).find((e) => e.getAttribute('Binding') === REDIRECT_BINDING)?.getAttribute('Location') ?? undefined;
  const ssoRedirectUrl = endpoint('SingleSignOnService');
  if (!ssoRedirectUrl) throw invalid('no SingleSignOnService with the HTTP-Redirect binding.');
  const certificates = Array.from(idp.getElementsByTagNameNS(SAML_MD, 'KeyDescriptor'))
    .filter((k) => (k.getAttribute('use') ?? 'signing') === 'signing')
    .flatMap((k) => Array.from(k.getElementsByTagNameNS(DSIG, 'X509Certificate')).map((c) => (c.textContent ?? '').replace(/\s+/g, '')))
    .filter((c) => c.length > 0);
  if (certificates.length === 0) throw invalid('no signing certificate.');
  const sloRedirectUrl = endpoint('SingleLogoutService');
  return { entityId, ssoRedirectUrl, ...(sloRedirectUrl ? { sloRedirectUrl } : {}), certificates };
}

/** MetadataURL is read when the provider is saved, as Cognito reads it; MetadataFile as given. */
export async function loadSamlMetadata(svc: Services, details: Record<string, string>): Promise<SamlMetadata> {
  if (details.MetadataFile !== undefined) return parseSamlMetadata(details.MetadataFile);
  let text: string;
  try {
    const res = await svc.fetch(details.MetadataURL);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    text = await res.text();
  } catch (e) {
    // Wording ours (not established).
    throw invalidParameter(`Unable to retrieve the SAML metadata from ${details.MetadataURL}: ${(e as Error).message}`);
  }
  return parseSamlMetadata(text);
}

/** Where a provider's users are sent, and where the emulator fetches their tokens and attributes. */
export interface ProviderEndpoints {
  issuer?: string;
  authorizeUrl: string;
  tokenUrl: string;
  attributesUrl?: string;
  jwksUri?: string;
}

/** The test identity provider's endpoints for a social provider. */
export function socialEndpoints(base: string, type: SocialProvider): ProviderEndpoints {
  const root = `${base}/_idp/${SOCIAL_FLAVOUR[type]}`;
  const oidc = type === 'Google' || type === 'SignInWithApple';
  return {
    ...(oidc ? { issuer: root, jwksUri: `${root}/jwks` } : {}),
    authorizeUrl: `${root}/authorize`,
    tokenUrl: `${root}/token`,
    ...(type === 'SignInWithApple' ? {} : { attributesUrl: `${root}/userinfo` }),
  };
}

/**
 * An OIDC provider's endpoints: those given in ProviderDetails, the rest from the issuer's discovery
 * document (read when the provider is saved, as Cognito does).
 */
export async function discoverOidc(svc: Services, details: Record<string, string>): Promise<Record<string, string>> {
  const given = { authorize_url: details.authorize_url, token_url: details.token_url, attributes_url: details.attributes_url, jwks_uri: details.jwks_uri };
  if (given.authorize_url && given.token_url && given.jwks_uri) return { ...details };
  const issuer = details.oidc_issuer.replace(/\/$/, '');
  let doc: Record<string, unknown>;
  try {
    // The discovery document is at the issuer (its trailing slash dropped) + /.well-known/…
    const res = await svc.fetch(`${issuer}/.well-known/openid-configuration`);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    doc = (await res.json()) as Record<string, unknown>;
  } catch (e) {
    // Wording ours (not established).
    throw invalidParameter(`Unable to contact well-known endpoint ${issuer}/.well-known/openid-configuration: ${(e as Error).message}`);
  }
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const found = {
    authorize_url: given.authorize_url ?? str(doc.authorization_endpoint),
    token_url: given.token_url ?? str(doc.token_endpoint),
    attributes_url: given.attributes_url ?? str(doc.userinfo_endpoint),
    jwks_uri: given.jwks_uri ?? str(doc.jwks_uri),
  };
  if (!found.authorize_url || !found.token_url || !found.jwks_uri) throw invalidParameter(`The discovery document of ${issuer} lacks an authorization, token or JWKS endpoint.`);
  return { ...details, ...(Object.fromEntries(Object.entries(found).filter(([, v]) => v !== undefined)) as Record<string, string>) };
}

/** ProviderDetails as DescribeIdentityProvider shows them: with the endpoints Cognito adds, without Apple's private key. */
export function describedDetails(svc: Services, provider: IdentityProviderRecord): Record<string, string> {
  const details = { ...provider.details };
  const base = svc.oauthBase() ?? 'https://localhost';
  if (isSocial(provider.type)) {
    const e = socialEndpoints(base, provider.type);
    Object.assign(details, {
      authorize_url: e.authorizeUrl,
      token_url: e.tokenUrl,
      token_request_method: provider.type === 'Facebook' ? 'GET' : 'POST',
      ...(e.attributesUrl ? { attributes_url: e.attributesUrl } : {}),
      attributes_url_add_attributes: provider.type === 'Google' || provider.type === 'Facebook' ? 'true' : 'false',
      ...(e.issuer ? { oidc_issuer: e.issuer } : {}),
    });
    if (provider.type === 'SignInWithApple') delete details.private_key;
  } else if (provider.type === 'OIDC') {
    details.attributes_url_add_attributes = 'false';
  } else if (provider.saml) {
    details.SSORedirectBindingURI = provider.saml.ssoRedirectUrl;
    if (provider.saml.sloRedirectUrl) details.SLORedirectBindingURI = provider.saml.sloRedirectUrl;
  }
  return details;
}

export function describeProvider(svc: Services, provider: IdentityProviderRecord): Record<string, unknown> {
  return {
    UserPoolId: provider.poolId,
    ProviderName: provider.name,
    ProviderType: provider.type,
    ProviderDetails: describedDetails(svc, provider),
    AttributeMapping: provider.attributeMapping,
    IdpIdentifiers: provider.idpIdentifiers,
    LastModifiedDate: provider.lastModifiedAt / 1000,
    CreationDate: provider.createdAt / 1000,
  };
}

/** What a provider's details become once saved: SAML metadata read, OIDC endpoints discovered. */
export async function resolveDetails(svc: Services, type: ProviderType, details: Record<string, string>): Promise<{ details: Record<string, string>; saml?: SamlMetadata }> {
  if (type === 'SAML') return { details, saml: await loadSamlMetadata(svc, details) };
  if (type === 'OIDC') return { details: await discoverOidc(svc, details) };
  return { details };
}

export const poolProviders = (svc: Services, pool: PoolRecord) => svc.store.listIdentityProviders(pool.id);
