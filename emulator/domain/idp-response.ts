/**
 * /oauth2/idpresponse (OIDC and social providers) and /saml2/idpresponse (SAML, POST binding): the
 * provider's answer to a sign-in this domain started. The pending sign-in is found by its state /
 * RelayState (single use, five minutes); the person becomes a federated user (or the user their
 * identity is linked to); the app gets its code. Failures go back to the app as Cognito sends them:
 * `error_description` and `error` on its redirect URI.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CognitoError } from '../errors.js';
import { parseCookies, readForm } from '../http.js';
import { type FederatedProfile, signInFederated } from '../services/federated-users.js';
import type { IdentityProviderRecord } from '../services/model.js';
import { completeSignIn, FEDERATION_COOKIE, federationError, hashOf, redirectError } from './complete.js';
import type { DomainContext } from './context.js';
import { FederationError, finishOidc, finishSaml, type PendingFederation, takePending } from './federate.js';
import { ERROR_TEXT, sendErrorPage } from './pages.js';

async function finish(ctx: DomainContext, req: IncomingMessage, res: ServerResponse, pending: PendingFederation, provider: IdentityProviderRecord, profile: () => Promise<FederatedProfile>): Promise<void> {
  try {
    const user = await signInFederated(ctx.svc, ctx.pool, provider, await profile(), pending.request.clientId);
    return await completeSignIn(ctx, req, res, pending.request, user, { provider: provider.name });
  } catch (e) {
    if (e instanceof FederationError) return redirectError(res, federationError(pending.request, e.error, e.description));
    // "attributes required: [email]", a disabled user: invalid_request, with Cognito's message.
    if (e instanceof CognitoError) return redirectError(res, federationError(pending.request, 'invalid_request', e.message));
    throw e;
  }
}

/**
 * The pending sign-in and its provider, or the page Cognito shows for a stale or replayed answer,
 * or one carried to another browser (a login-CSRF attempt: the provider's answer for the
 * attacker's account, opened by the victim).
 */
function pendingFor(ctx: DomainContext, req: IncomingMessage, res: ServerResponse, id: string | null): { pending: PendingFederation; provider: IdentityProviderRecord } | undefined {
  const pending = id ? takePending(ctx.svc, id) : undefined;
  const browser = parseCookies(req).get(FEDERATION_COOKIE);
  if (!pending || pending.request.poolId !== ctx.pool.id || !browser || hashOf(browser) !== pending.browser) {
    sendErrorPage(res, 400, ERROR_TEXT.invalid_state);
    return undefined;
  }
  const provider = ctx.svc.store.getIdentityProvider(ctx.pool.id, pending.provider);
  if (!provider) {
    redirectError(res, federationError(pending.request, 'invalid_request', 'Login option is not available. Please try another one'));
    return undefined;
  }
  return { pending, provider };
}

export async function oidcResponse(ctx: DomainContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const found = pendingFor(ctx, req, res, url.searchParams.get('state'));
  if (!found) return;
  const { pending, provider } = found;
  const error = url.searchParams.get('error');
  // The provider refused or the person cancelled there: passed on to the app (not established:
  // the exact form Cognito gives this; here the provider's error and description as they came).
  if (error) return redirectError(res, federationError(pending.request, error, url.searchParams.get('error_description') ?? error));
  // The URL as the provider redirected to it (the request's own URL knows no scheme or host).
  const callback = new URL(`${ctx.url}/oauth2/idpresponse${url.search}`);
  return finish(ctx, req, res, pending, provider, () => finishOidc(ctx, pending, provider, callback));
}

export async function samlResponse(ctx: DomainContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const form = await readForm(req);
  const found = pendingFor(ctx, req, res, form.get('RelayState'));
  if (!found) return;
  const { pending, provider } = found;
  if (provider.type !== 'SAML') return redirectError(res, federationError(pending.request, 'invalid_request', 'Invalid samlResponse or relayState from identity provider'));
  return finish(ctx, req, res, pending, provider, () => finishSaml(ctx, pending, provider, form.get('SAMLResponse') ?? ''));
}
