/**
 * /login: the domain's own sign-in page (Cognito's hosted UI, kept small). It lists the identity
 * providers the app client allows, asks for a work e-mail when its SAML/OIDC providers have
 * identifiers (the domain picks the provider), and signs native users in with their password.
 * Users whose sign-in needs more than a password (MFA, a new password) are told to use the app:
 * this page is for OAuth tests and demos, the product's own screens do the rest.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CognitoError } from '../errors.js';
import { cookie, html, parseCookies, readForm, redirect, sendPage } from '../http.js';
import { passwordSignIn } from '../services/password-sign-in.js';
import { findUser } from '../services/users.js';
import type { ClientRecord } from '../services/model.js';
import { type AuthorizeRequest, authorizeQuery, parseAuthorize } from './authorize-request.js';
import { federate, requestedProvider } from './authorize.js';
import { completeSignIn, redirectError } from './complete.js';
import type { DomainContext } from './context.js';
import { sendErrorRedirect } from './pages.js';

const CSRF_COOKIE = 'XSRF-TOKEN';

interface PageState {
  request: AuthorizeRequest;
  client: ClientRecord;
  csrf: string;
  error?: string;
  username?: string;
}

function sendLoginPage(ctx: DomainContext, res: ServerResponse, s: PageState, status = 200): void {
  const providers = ctx.svc.store.listIdentityProviders(ctx.pool.id).filter((p) => s.client.oauth.identityProviders.includes(p.name));
  const query = authorizeQuery(s.request);
  const hidden = [...new URLSearchParams(query)].map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`);
  const enterprise = providers.filter((p) => p.type === 'SAML' || p.type === 'OIDC');
  const byEmail = enterprise.length > 0 && enterprise.every((p) => p.idpIdentifiers.length > 0);
  const native = s.client.oauth.identityProviders.includes('COGNITO');
  sendPage(res, status, {
    title: 'Sign in',
    headers: { 'Set-Cookie': cookie(CSRF_COOKIE, s.csrf, { path: ctx.path, maxAge: 3600 }) },
    body: html`<h1>Sign in</h1>
${s.error ? html`<p class="error" role="alert">${s.error}</p>` : ''}
${providers.length ? html`<ul class="providers">${providers.filter((p) => !byEmail || !enterprise.includes(p)).map((p) => html`<li><a class="button" href="${ctx.url}/oauth2/authorize?${query}&amp;identity_provider=${encodeURIComponent(p.name)}">Continue with ${p.name}</a></li>`)}</ul>` : ''}
${byEmail ? html`<form method="post" action="${ctx.url}/login">${hidden}<input type="hidden" name="_csrf" value="${s.csrf}"><label for="sso-email">Work e-mail (single sign-on)</label><input id="sso-email" name="sso_email" type="email" autocomplete="email" required><div class="actions"><button class="secondary" type="submit" name="action" value="sso">Continue with single sign-on</button></div></form>` : ''}
${native ? html`<form method="post" action="${ctx.url}/login">${hidden}<input type="hidden" name="_csrf" value="${s.csrf}">
<label for="username">Username</label><input id="username" name="username" autocomplete="username" required value="${s.username ?? ''}">
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<div class="actions"><button class="primary" type="submit" name="action" value="password">Sign in</button></div></form>` : ''}`,
  });
}

const sameToken = (a: string | undefined, b: string | null) => !!a && !!b && a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export async function login(ctx: DomainContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const form = req.method === 'POST' ? await readForm(req) : undefined;
  const params = form ?? url.searchParams;
  const parsed = parseAuthorize(ctx.svc.store, ctx.pool, params);
  if (!parsed.ok) return 'page' in parsed ? sendErrorRedirect(res, ctx, parsed.page.error, params.get('client_id')) : redirectError(res, parsed.redirect);
  const { request, client } = parsed;
  const csrf = parseCookies(req).get(CSRF_COOKIE) ?? randomBytes(24).toString('base64url');
  if (!form) {
    if (request.identityProvider !== undefined || request.idpIdentifier !== undefined) {
      const provider = requestedProvider(ctx, client, request);
      if (provider === undefined) return sendLoginPage(ctx, res, { request, client, csrf, error: 'Login option is not available. Please try another one' }, 401);
      if (provider !== 'COGNITO') return federate(ctx, res, request, provider);
    }
    return sendLoginPage(ctx, res, { request, client, csrf, ...(request.loginHint ? { username: request.loginHint } : {}) });
  }
  if (!sameToken(parseCookies(req).get(CSRF_COOKIE), form.get('_csrf'))) return sendLoginPage(ctx, res, { request, client, csrf, error: 'Your sign-in page expired. Please try again.' }, 403);
  if (form.get('action') === 'sso') {
    const domain = (form.get('sso_email') ?? '').split('@')[1]?.trim().toLowerCase() ?? '';
    const provider = domain ? requestedProvider(ctx, client, { ...request, idpIdentifier: domain }) : undefined;
    if (provider === undefined || provider === 'COGNITO') return sendLoginPage(ctx, res, { request, client, csrf, error: 'No single sign-on is set up for that e-mail domain.' }, 400);
    return federate(ctx, res, request, provider);
  }
  if (!client.oauth.identityProviders.includes('COGNITO')) return sendLoginPage(ctx, res, { request, client, csrf, error: 'Login option is not available. Please try another one' }, 401);
  const username = (form.get('username') ?? '').trim();
  const password = form.get('password') ?? '';
  let step;
  try {
    step = await passwordSignIn(ctx.svc, ctx.pool, client, username, password);
  } catch (e) {
    if (!(e instanceof CognitoError)) throw e;
    const message = e.type === 'UserNotFoundException' ? 'Incorrect username or password.' : e.message;
    return sendLoginPage(ctx, res, { request, client, csrf, username, error: message }, 400);
  }
  if (step.ChallengeName) {
    return sendLoginPage(
      ctx,
      res,
      { request, client, csrf, username, error: `This account's sign-in continues with ${step.ChallengeName}, which this emulator's sign-in page does not do. Sign in through the app, or use another account.` },
      400,
    );
  }
  // The API's tokens of this check are not handed out: the app gets a code for tokens of its own.
  const user = findUser(ctx.svc.store, ctx.pool, username);
  if (!user) return redirect(res, `${ctx.url}/login?${authorizeQuery(request)}`);
  return completeSignIn(ctx, req, res, request, user, { provider: 'COGNITO' });
}
