/**
 * GET /oauth2/authorize. With `identity_provider` or `idp_identifier` the browser goes straight to
 * that provider; otherwise the domain's session (an hour from the last sign-in here) signs the user
 * in again without a prompt, or the browser goes to /login with the same parameters (DG,
 * authorization endpoint).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { redirect } from '../http.js';
import type { ClientRecord, IdentityProviderRecord } from '../services/model.js';
import { type AuthorizeRequest, authorizeQuery, parseAuthorize } from './authorize-request.js';
import { randomBytes } from 'node:crypto';
import { cookie } from '../http.js';
import { completeSignIn, currentSession, FEDERATION_COOKIE, federationError, hashOf, redirectError } from './complete.js';
import type { DomainContext } from './context.js';
import { FederationError, PENDING_MS, startFederation } from './federate.js';
import { sendErrorRedirect } from './pages.js';

/** The provider a request names, if this client may use it; COGNITO means the domain's own sign-in. */
export function requestedProvider(ctx: DomainContext, client: ClientRecord, request: AuthorizeRequest): IdentityProviderRecord | 'COGNITO' | undefined {
  const allowed = client.oauth.identityProviders;
  if (request.identityProvider !== undefined) {
    // Names match exactly: `google` is not `Google` (amplify-android issue 1808).
    if (!allowed.includes(request.identityProvider)) return undefined;
    return request.identityProvider === 'COGNITO' ? 'COGNITO' : ctx.svc.store.getIdentityProvider(ctx.pool.id, request.identityProvider);
  }
  if (request.idpIdentifier !== undefined) {
    const wanted = request.idpIdentifier.toLowerCase();
    const provider = ctx.svc.store.listIdentityProviders(ctx.pool.id).find((p) => p.idpIdentifiers.some((id) => id.toLowerCase() === wanted));
    return provider && allowed.includes(provider.name) ? provider : undefined;
  }
  return undefined;
}

/**
 * Off to the identity provider, with a cookie that binds its answer to this browser (an answer
 * carried to another browser signs nobody in there); a provider that can't be asked is reported to the app.
 */
export async function federate(ctx: DomainContext, res: ServerResponse, request: AuthorizeRequest, provider: IdentityProviderRecord): Promise<void> {
  const browser = randomBytes(24).toString('base64url');
  try {
    const location = await startFederation(ctx, request, provider, hashOf(browser));
    // SameSite=None: a SAML provider answers with a cross-site POST.
    redirect(res, location, { 'Set-Cookie': cookie(FEDERATION_COOKIE, browser, { path: ctx.path, maxAge: PENDING_MS / 1000, sameSite: 'None' }) });
  } catch (e) {
    const error = e instanceof FederationError ? e : new FederationError('server_error', `${provider.name} Error - ${(e as Error).message}`);
    redirectError(res, federationError(request, error.error, error.description));
  }
}

export async function authorize(ctx: DomainContext, req: IncomingMessage, res: ServerResponse, query: URLSearchParams): Promise<void> {
  const parsed = parseAuthorize(ctx.svc.store, ctx.pool, query);
  if (!parsed.ok) return 'page' in parsed ? sendErrorRedirect(res, ctx, parsed.page.error, query.get('client_id')) : redirectError(res, parsed.redirect);
  const { request, client } = parsed;
  if (request.identityProvider !== undefined || request.idpIdentifier !== undefined) {
    const provider = requestedProvider(ctx, client, request);
    // An unknown or disallowed provider: /login says "Login option is not available".
    if (provider !== undefined && provider !== 'COGNITO') return federate(ctx, res, request, provider);
  } else if (request.prompt !== 'login') {
    const session = currentSession(ctx, req);
    const user = session && ctx.svc.store.getUser(ctx.pool.id, session.username);
    if (session && user) return completeSignIn(ctx, req, res, request, user, { provider: session.provider, authTime: session.authTime });
    // Not established: the error for prompt=none without a session (OIDC's login_required).
    if (request.prompt === 'none') return redirectError(res, federationError(request, 'login_required', 'login_required'));
  }
  return redirect(res, `${ctx.url}/login?${authorizeQuery(request, Object.fromEntries([...query].filter(([k]) => ['identity_provider', 'idp_identifier', 'login_hint', 'prompt'].includes(k))))}`);
}
