/**
 * GET /logout: ends the domain's session (its cookie), then back to a registered sign-out URL
 * (`logout_uri`), or on to /login (`redirect_uri` with `response_type`) to sign in again (DG,
 * logout endpoint). A `logout_uri` that isn't registered goes nowhere: Cognito's error page.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { redirect } from '../http.js';
import { authorizeQuery, parseAuthorize } from './authorize-request.js';
import { endSession } from './complete.js';
import type { DomainContext } from './context.js';
import { sendErrorPage } from './pages.js';

export function logout(ctx: DomainContext, req: IncomingMessage, res: ServerResponse, query: URLSearchParams): void {
  const clientId = query.get('client_id');
  if (!clientId) return sendErrorPage(res, 400, 'Missing required parameter client_id in request URL');
  const client = ctx.svc.store.getClient(clientId);
  if (!client || client.poolId !== ctx.pool.id) return sendErrorPage(res, 400, 'The client_id is not an app client of this user pool.');
  const logoutUri = query.get('logout_uri');
  if (logoutUri !== null && client.oauth.logoutUrls.includes(logoutUri)) {
    return redirect(res, logoutUri, { 'Set-Cookie': endSession(ctx, req) });
  }
  if (logoutUri === null && query.has('redirect_uri')) {
    const parsed = parseAuthorize(ctx.svc.store, ctx.pool, query);
    if (parsed.ok) return redirect(res, `${ctx.url}/login?${authorizeQuery(parsed.request)}`, { 'Set-Cookie': endSession(ctx, req) });
  }
  // What Cognito shows for a sign-out URL it doesn't know (amplify-js issues 2423, 1298).
  return sendErrorPage(res, 400, "Required String parameter 'redirect_uri' is not present");
}
