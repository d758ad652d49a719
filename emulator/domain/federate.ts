/**
 * Signing in through an identity provider, as Cognito does it from its domain:
 * - OIDC (and Google, Apple): to the IdP's authorization endpoint with state and a nonce, then the
 *   code exchanged with the client secret at its token endpoint, the ID token's signature, issuer,
 *   audience, expiry and nonce checked (openid-client), and the userinfo endpoint read when
 *   `attributes_request_method` (or the provider) says so;
 * - Facebook and Login with Amazon: OAuth 2.0, then their profile endpoint;
 * - SAML: an AuthnRequest over the HTTP-Redirect binding, then the signed Response posted to
 *   /saml2/idpresponse, checked against the metadata's certificates, the pool's audience
 *   (urn:amazon:cognito:sp:<pool id>), the request it answers and its validity window (node-saml).
 * What comes back is the person's id at the provider and the pool attributes mapped from its claims.
 */
import { randomBytes } from 'node:crypto';
import { importPKCS8, SignJWT } from 'jose';
import * as oidc from 'openid-client';
import { type CacheProvider, SAML, SamlStatusError, ValidateInResponseTo } from '@node-saml/node-saml';
import { DOMParser } from '@xmldom/xmldom';
import type { Services } from '../context.js';
import type { FederatedProfile } from '../services/federated-users.js';
import { type ProviderEndpoints, SOCIAL_USER_ID, socialEndpoints } from '../services/identity-providers.js';
import { type IdentityProviderRecord, isSocial } from '../services/model.js';
import { OutboundTimeout } from '../services/outbound.js';
import type { AuthorizeRequest } from './authorize-request.js';
import type { DomainContext } from './context.js';

/** A sign-in sent to an identity provider, waiting for its answer (the `state` / RelayState is its id). */
export interface PendingFederation {
  request: AuthorizeRequest;
  provider: string;
  /** The nonce sent to an OIDC provider, checked in its ID token. */
  nonce: string;
  /** Hash of the cookie given to the browser that started it: the answer counts only in that browser. */
  browser: string;
  /** The SAML AuthnRequest's ID: the Response must answer this request, not another one. */
  samlRequestId?: string;
}

/** "Amazon Cognito cancels authentication requests that do not complete within 5 minutes" (DG, SAML). */
export const PENDING_MS = 5 * 60_000;

/** A failed federation, reported to the app as Cognito reports it (error and error_description). */
export class FederationError extends Error {
  constructor(
    readonly error: string,
    readonly description: string,
  ) {
    super(description);
  }
}

export const spEntityId = (poolId: string) => `urn:amazon:cognito:sp:${poolId}`;

function endpointsOf(ctx: DomainContext, provider: IdentityProviderRecord): ProviderEndpoints {
  if (isSocial(provider.type)) return socialEndpoints(ctx.svc.oauthBase() ?? '', provider.type);
  const d = provider.details;
  return {
    // Exactly as configured: the ID token's iss must equal it (a trailing slash included).
    issuer: d.oidc_issuer,
    authorizeUrl: d.authorize_url,
    tokenUrl: d.token_url,
    ...(d.attributes_url ? { attributesUrl: d.attributes_url } : {}),
    ...(d.jwks_uri ? { jwksUri: d.jwks_uri } : {}),
  };
}

/** Speaks OpenID Connect (an ID token comes back), rather than bare OAuth 2.0. */
const isOpenId = (provider: IdentityProviderRecord) => provider.type === 'OIDC' || provider.type === 'Google' || provider.type === 'SignInWithApple';

/** Sign in with Apple's client secret is a short JWT signed with the team's key. */
async function appleSecret(provider: IdentityProviderRecord): Promise<string> {
  const d = provider.details;
  let key;
  try {
    key = await importPKCS8(d.private_key, 'ES256');
  } catch {
    throw new FederationError('invalid_request', `${provider.name} Error - the private_key of the identity provider is not a PKCS #8 EC key`);
  }
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'ES256', kid: d.key_id })
    .setIssuer(d.team_id)
    .setSubject(d.client_id)
    .setAudience('https://appleid.apple.com')
    .setIssuedAt(now)
    .setExpirationTime(now + 300)
    .sign(key);
}

async function configurationOf(ctx: DomainContext, provider: IdentityProviderRecord): Promise<oidc.Configuration> {
  const e = endpointsOf(ctx, provider);
  const server: oidc.ServerMetadata = {
    issuer: e.issuer ?? e.authorizeUrl,
    authorization_endpoint: e.authorizeUrl,
    token_endpoint: e.tokenUrl,
    ...(e.jwksUri ? { jwks_uri: e.jwksUri } : {}),
    ...(e.attributesUrl ? { userinfo_endpoint: e.attributesUrl } : {}),
  };
  const secret = provider.type === 'SignInWithApple' ? await appleSecret(provider) : provider.details.client_secret;
  const config = new oidc.Configuration(server, provider.details.client_id, secret ? { client_secret: secret } : {}, secret ? oidc.ClientSecretPost(secret) : oidc.None());
  config[oidc.customFetch] = ctx.svc.fetch as unknown as oidc.CustomFetch;
  // ID tokens from the token endpoint are checked against the provider's JWKS too (openid-client
  // would trust TLS alone there): Cognito reads the jwks_uri ("Timeout in calling jwks uri", DG).
  if (provider.type !== 'Facebook' && provider.type !== 'LoginWithAmazon') oidc.enableNonRepudiationChecks(config);
  // Local providers on http://127.0.0.1 are allowed (a deviation: Cognito requires https).
  if ([e.issuer, e.authorizeUrl, e.tokenUrl, e.jwksUri, e.attributesUrl].some((u) => u?.startsWith('http:'))) oidc.allowInsecureRequests(config);
  return config;
}

/** SAML service-provider settings for one IdP; request ids are kept in the store, so any worker can check the answer. */
function samlOf(ctx: DomainContext, provider: IdentityProviderRecord, onRequest?: (id: string) => void): SAML {
  const md = provider.saml;
  if (!md) throw new FederationError('server_error', `Error in SAML response processing: ${provider.name} has no metadata`);
  const { svc } = ctx;
  const cache: CacheProvider = {
    saveAsync: async (key, value) => {
      onRequest?.(key);
      svc.store.putEphemeral('samlRequest', key, svc.clock.now() + PENDING_MS, value);
      return { value, createdAt: svc.clock.now() };
    },
    getAsync: async (key) => svc.store.getEphemeral<string>('samlRequest', key, svc.clock.now()) ?? null,
    removeAsync: async (key) => {
      if (key) svc.store.deleteEphemeral('samlRequest', key);
      return key;
    },
  };
  return new SAML({
    entryPoint: md.ssoRedirectUrl,
    issuer: spEntityId(ctx.pool.id),
    audience: spEntityId(ctx.pool.id),
    callbackUrl: `${ctx.url}/saml2/idpresponse`,
    idpCert: md.certificates,
    idpIssuer: md.entityId,
    identifierFormat: null,
    disableRequestedAuthnContext: true,
    // Either the Response or its Assertion must be signed by a certificate of the metadata.
    wantAssertionsSigned: false,
    wantAuthnResponseSigned: false,
    validateInResponseTo: ValidateInResponseTo.always,
    requestIdExpirationPeriodMs: PENDING_MS,
    acceptedClockSkewMs: 60_000,
    cacheProvider: cache,
  });
}

/** Where to send the browser: the provider's sign-in, with this pending sign-in's id as state / RelayState. */
export async function startFederation(ctx: DomainContext, request: AuthorizeRequest, provider: IdentityProviderRecord, browser: string): Promise<string> {
  const id = randomBytes(32).toString('base64url');
  const pending: PendingFederation = { request, provider: provider.name, nonce: randomBytes(24).toString('base64url'), browser };
  const keep = () => ctx.svc.store.putEphemeral('authorize', id, ctx.svc.clock.now() + PENDING_MS, pending);
  if (provider.type === 'SAML') {
    const url = await samlOf(ctx, provider, (requestId) => void (pending.samlRequestId = requestId)).getAuthorizeUrlAsync(id, undefined, {});
    keep();
    return url;
  }
  keep();
  const config = await configurationOf(ctx, provider);
  const params: Record<string, string> = {
    redirect_uri: `${ctx.url}/oauth2/idpresponse`,
    response_type: 'code',
    scope: provider.details.authorize_scopes ?? '',
    state: id,
  };
  if (isOpenId(provider)) params.nonce = pending.nonce;
  // "Amazon Cognito adds a login_hint parameter" for OIDC IdPs only; `prompt` goes to them except `none`.
  if (provider.type === 'OIDC' && request.loginHint) params.login_hint = request.loginHint;
  if (request.prompt && request.prompt !== 'none') params.prompt = request.prompt;
  return oidc.buildAuthorizationUrl(config, params).toString();
}

export const takePending = (svc: Services, id: string) => svc.store.takeEphemeral<PendingFederation>('authorize', id, svc.clock.now());

const stringValue = (v: unknown): string | undefined =>
  v === undefined || v === null ? undefined : typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : Array.isArray(v) ? v.map(String).join(',') : JSON.stringify(v);

/** The pool attributes the provider's AttributeMapping makes of its claims (username is the id, not an attribute). */
function mapAttributes(provider: IdentityProviderRecord, claims: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [attribute, claim] of Object.entries(provider.attributeMapping)) {
    if (attribute === 'username') continue;
    const value = stringValue(claims[claim]);
    if (value !== undefined) out[attribute] = value;
  }
  return out;
}

const timedOut = (e: unknown): boolean => e instanceof OutboundTimeout || (e instanceof Error && e.cause !== undefined && timedOut(e.cause));

/** The answer at /oauth2/idpresponse: the code exchanged, the tokens checked, the attributes read. */
export async function finishOidc(ctx: DomainContext, pending: PendingFederation, provider: IdentityProviderRecord, callback: URL): Promise<FederatedProfile> {
  const config = await configurationOf(ctx, provider);
  const openId = isOpenId(provider);
  let tokens;
  try {
    tokens = await oidc.authorizationCodeGrant(config, callback, { expectedState: callback.searchParams.get('state') ?? '', ...(openId ? { expectedNonce: pending.nonce } : {}), idTokenExpected: openId });
  } catch (e) {
    if (timedOut(e)) throw new FederationError('invalid_request', 'Timeout occurred in calling IdP token endpoint');
    if (e instanceof oidc.ResponseBodyError) throw new FederationError('invalid_request', `${provider.name} Error - ${e.status} error getting token`);
    // The ID token failed a check (signature, issuer, audience, expiry, nonce): nobody is signed in.
    throw new FederationError('invalid_request', `Invalid identity token from ${provider.name}: ${(e as Error).message}`);
  }
  const idClaims = (tokens.claims() ?? {}) as Record<string, unknown>;
  let claims: Record<string, unknown> = { ...idClaims };
  const e = endpointsOf(ctx, provider);
  const method = provider.type === 'OIDC' ? provider.details.attributes_request_method : 'GET';
  if (e.attributesUrl && (!openId || provider.type !== 'SignInWithApple')) {
    try {
      const res = await oidc.fetchProtectedResource(config, tokens.access_token, new URL(e.attributesUrl), method ?? 'GET');
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const info = (await res.json()) as Record<string, unknown>;
      // Userinfo must be about the same person as the ID token (OIDC core 5.3.2).
      if (openId && info.sub !== undefined && info.sub !== idClaims.sub) throw new Error('userinfo sub differs from the ID token');
      claims = { ...info, ...idClaims };
    } catch (err) {
      if (timedOut(err)) throw new FederationError('invalid_request', 'Timeout occurred in calling IdP userinfo endpoint');
      throw new FederationError('invalid_request', `${provider.name} Error - ${(err as Error).message} getting user attributes`);
    }
  }
  const idClaim = isSocial(provider.type) ? (provider.attributeMapping.username ?? SOCIAL_USER_ID[provider.type]) : 'sub';
  const userId = stringValue(claims[idClaim]);
  if (!userId) throw new FederationError('invalid_request', `${provider.name} Error - the user id (${idClaim}) is missing`);
  return { userId, issuer: isSocial(provider.type) ? null : (e.issuer ?? null), attributes: mapAttributes(provider, claims) };
}

/** The InResponseTo of a Response, before it is checked: the request it claims to answer. */
function inResponseTo(samlResponse: string): string | undefined {
  try {
    const doc = new DOMParser({ errorHandler: { warning: () => {}, error: () => {}, fatalError: () => {} } }).parseFromString(Buffer.from(samlResponse, 'base64').toString('utf8'), 'text/xml');
    return doc.documentElement?.getAttribute('InResponseTo') || undefined;
  } catch {
    return undefined;
  }
}

/** The answer at /saml2/idpresponse: a signed Response for this pool, answering this request, in time. */
export async function finishSaml(ctx: DomainContext, pending: PendingFederation, provider: IdentityProviderRecord, samlResponse: string): Promise<FederatedProfile> {
  // The request this browser's sign-in sent, not any other one outstanding (IdP-initiated responses, which answer none, aren't supported).
  if (!pending.samlRequestId || inResponseTo(samlResponse) !== pending.samlRequestId) {
    throw new FederationError('server_error', 'Invalid SAML response received: it does not answer this sign-in\'s request');
  }
  let profile;
  try {
    ({ profile } = await samlOf(ctx, provider).validatePostResponseAsync({ SAMLResponse: samlResponse }));
  } catch (e) {
    if (e instanceof SamlStatusError) throw new FederationError('server_error', `Error in SAML response processing: the identity provider answered ${e.message}`);
    throw new FederationError('server_error', `Invalid SAML response received: ${(e as Error).message}`);
  }
  if (!profile?.nameID) throw new FederationError('server_error', 'Invalid SAML response received: no NameID');
  // node-saml checks the Response's Issuer; the Assertion's must be the IdP too.
  if (profile.issuer !== provider.saml?.entityId) throw new FederationError('server_error', `Invalid SAML response received: unexpected assertion issuer ${profile.issuer}`);
  const attributes = (profile.attributes ?? {}) as Record<string, unknown>;
  return { userId: profile.nameID, issuer: provider.saml?.entityId ?? null, attributes: mapAttributes(provider, attributes) };
}
