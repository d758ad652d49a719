/**
 * The parameters of /oauth2/authorize (also /login, and /logout in its redirect_uri form), checked in
 * Cognito's order (DG, authorization endpoint): the client and its redirect URI first, since an error
 * may go back only to a registered URI; then the response type, PKCE and the scopes, whose errors
 * go back to that URI.
 */
import type { ClientRecord, PoolRecord } from '../services/model.js';
import type { Store } from '../services/store.js';

export interface AuthorizeRequest {
  poolId: string;
  clientId: string;
  redirectUri: string;
  responseType: 'code' | 'token';
  scopes: string[];
  state?: string;
  nonce?: string;
  /** PKCE, S256 only ("Amazon Cognito authentication server supports only S256"). */
  codeChallenge?: string;
  identityProvider?: string;
  idpIdentifier?: string;
  loginHint?: string;
  lang?: string;
  prompt?: string;
}

/** An error sent back to the app: in the query (code flow) or the fragment (implicit flow). */
export interface RedirectError {
  redirectUri: string;
  responseType: 'code' | 'token';
  error: string;
  description?: string;
  state?: string | undefined;
}

export type ParsedAuthorize =
  | { ok: true; request: AuthorizeRequest; client: ClientRecord }
  /** Nothing safe to redirect to: Cognito's own error page. */
  | { ok: false; page: { status: number; error: string; message: string } }
  | { ok: false; redirect: RedirectError };

const OPENID_SCOPES = ['email', 'phone', 'profile'];

export function parseAuthorize(store: Store, pool: PoolRecord, query: URLSearchParams): ParsedAuthorize {
  const clientId = query.get('client_id');
  if (!clientId) return { ok: false, page: { status: 400, error: 'invalid_request', message: 'Missing required parameter client_id in request URL' } };
  const client = store.getClient(clientId);
  if (!client || client.poolId !== pool.id) return { ok: false, page: { status: 400, error: 'invalid_client', message: 'An error was encountered with the requested page.' } };
  const redirectUri = query.get('redirect_uri') ?? '';
  // Matched character for character; an unregistered URI never gets the error (it could be an attacker's).
  if (!client.oauth.callbackUrls.includes(redirectUri)) return { ok: false, page: { status: 400, error: 'redirect_mismatch', message: 'An error was encountered with the requested page.' } };
  const state = query.get('state') ?? undefined;
  const type = query.get('response_type');
  const fail = (error: string, description?: string): ParsedAuthorize => ({
    ok: false,
    redirect: { redirectUri, responseType: type === 'token' ? 'token' : 'code', error, ...(description ? { description } : {}), state },
  });
  if (type !== 'code' && type !== 'token') return fail('invalid_request', 'response_type must be code or token');
  if (!client.oauth.enabled || !client.oauth.flows.includes(type === 'code' ? 'code' : 'implicit')) return fail('unauthorized_client');
  const challenge = query.get('code_challenge') ?? undefined;
  const method = query.get('code_challenge_method') ?? undefined;
  if ((challenge && method !== 'S256') || (method && !challenge)) return fail('invalid_request', 'Only S256 PKCE code challenges are supported');
  const requested = (query.get('scope') ?? '').split(/\s+/).filter(Boolean);
  // "If the client doesn't request any scopes, the authentication server uses all scopes that are associated with the client."
  const scopes = requested.length ? [...new Set(requested)] : client.oauth.scopes;
  if (scopes.some((s) => !client.oauth.scopes.includes(s))) return fail('invalid_scope');
  // "The phone, email, and profile scopes can only be requested if openid scope is also requested."
  if (scopes.some((s) => OPENID_SCOPES.includes(s)) && !scopes.includes('openid')) return fail('invalid_scope');
  const opt = (name: string) => query.get(name) || undefined;
  const request: AuthorizeRequest = { poolId: pool.id, clientId: client.id, redirectUri, responseType: type, scopes };
  for (const [key, name] of [
    ['state', 'state'],
    ['nonce', 'nonce'],
    ['identityProvider', 'identity_provider'],
    ['idpIdentifier', 'idp_identifier'],
    ['loginHint', 'login_hint'],
    ['lang', 'lang'],
    ['prompt', 'prompt'],
  ] as const) {
    const value = opt(name);
    if (value !== undefined) request[key] = value;
  }
  if (challenge) request.codeChallenge = challenge;
  return { ok: true, request, client };
}

/** The query string that asks for the same authorization again (the /login page's links and form). */
export function authorizeQuery(request: AuthorizeRequest, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams({ client_id: request.clientId, redirect_uri: request.redirectUri, response_type: request.responseType, scope: request.scopes.join(' ') });
  if (request.state !== undefined) q.set('state', request.state);
  if (request.nonce !== undefined) q.set('nonce', request.nonce);
  if (request.codeChallenge !== undefined) (q.set('code_challenge', request.codeChallenge), q.set('code_challenge_method', 'S256'));
  if (request.lang !== undefined) q.set('lang', request.lang);
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  return q.toString();
}

/** Where an error goes back to the app: Cognito puts error_description first, then error and state. */
export function errorLocation(e: RedirectError): string {
  const params = new URLSearchParams();
  if (e.description) params.set('error_description', e.description);
  params.set('error', e.error);
  if (e.state !== undefined) params.set('state', e.state);
  return appendParams(e.redirectUri, params, e.responseType === 'token');
}

/** Parameters added to a registered redirect URI: in its query, or (implicit flow) in the fragment. */
export function appendParams(uri: string, params: URLSearchParams, fragment: boolean): string {
  if (fragment) return `${uri}#${params.toString()}`;
  return `${uri}${uri.includes('?') ? '&' : '?'}${params.toString()}`;
}
