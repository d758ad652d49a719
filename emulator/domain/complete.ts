/**
 * The end of a sign-in at the domain, however it was made (an identity provider, the sign-in page,
 * the domain's session): the session cookie Cognito sets for an hour, then the app gets a
 * single-use code (valid five minutes) or, in the implicit flow, its tokens in the fragment.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { nowSeconds } from '../services/clock.js';
import { issueTokens } from '../services/token-trigger.js';
import { cookie, parseCookies, redirect } from '../http.js';
import type { UserRecord } from '../services/model.js';
import { appendParams, type AuthorizeRequest, errorLocation, type RedirectError } from './authorize-request.js';
import type { DomainContext } from './context.js';

export const CODE_LIFETIME_MS = 5 * 60_000;
/** "Amazon Cognito sets session cookies that are valid for 1 hour" (DG). */
export const SESSION_LIFETIME_MS = 60 * 60_000;
export const SESSION_COOKIE = 'cognito';
/** Binds a sign-in sent to an identity provider to the browser that started it. */
export const FEDERATION_COOKIE = 'cognito-federation';

export interface AuthorizationCode {
  request: AuthorizeRequest;
  username: string;
  sub: string;
  authTime: number;
}

export interface DomainSession {
  poolId: string;
  username: string;
  sub: string;
  authTime: number;
  /** The identity provider of the sign-in, or COGNITO. */
  provider: string;
}

export const hashOf = (secret: string) => createHash('sha256').update(secret).digest('base64url');

/** The live session of this browser at this domain, if any (and still the same user). */
export function currentSession(ctx: DomainContext, req: IncomingMessage): DomainSession | undefined {
  const id = parseCookies(req).get(SESSION_COOKIE);
  if (!id) return undefined;
  const session = ctx.svc.store.getEphemeral<DomainSession>('domainSession', hashOf(id), ctx.svc.clock.now());
  if (!session || session.poolId !== ctx.pool.id) return undefined;
  const user = ctx.svc.store.getUser(ctx.pool.id, session.username);
  return user && user.enabled && user.sub === session.sub ? session : undefined;
}

export function endSession(ctx: DomainContext, req: IncomingMessage): string {
  const id = parseCookies(req).get(SESSION_COOKIE);
  if (id) ctx.svc.store.deleteEphemeral('domainSession', hashOf(id));
  return cookie(SESSION_COOKIE, '', { path: ctx.path, maxAge: 0 });
}

export async function completeSignIn(
  ctx: DomainContext,
  req: IncomingMessage,
  res: ServerResponse,
  request: AuthorizeRequest,
  user: UserRecord,
  via: { provider: string; authTime?: number },
): Promise<void> {
  const { svc } = ctx;
  const authTime = via.authTime ?? nowSeconds(svc.clock);
  // One session per browser: the one it had ends, so /logout ends everything it had.
  endSession(ctx, req);
  const sessionId = randomBytes(32).toString('base64url');
  const session: DomainSession = { poolId: ctx.pool.id, username: user.username, sub: user.sub, authTime, provider: via.provider };
  svc.store.putEphemeral('domainSession', hashOf(sessionId), svc.clock.now() + SESSION_LIFETIME_MS, session);
  const headers = { 'Set-Cookie': cookie(SESSION_COOKIE, sessionId, { path: ctx.path, maxAge: SESSION_LIFETIME_MS / 1000 }) };
  const params = new URLSearchParams();
  if (request.responseType === 'code') {
    const code = randomUUID();
    const record: AuthorizationCode = { request, username: user.username, sub: user.sub, authTime };
    svc.store.putEphemeral('code', hashOf(code), svc.clock.now() + CODE_LIFETIME_MS, record);
    params.set('code', code);
  } else {
    const client = svc.store.getClient(request.clientId);
    if (!client) return redirect(res, errorLocation({ redirectUri: request.redirectUri, responseType: 'token', error: 'unauthorized_client', state: request.state }), headers);
    const tokens = await issueTokens(svc, ctx.pool, client, user, { authTime, oauth: { scopes: request.scopes, nonce: request.nonce }, noRefreshToken: true }, 'TokenGeneration_HostedAuth');
    if (tokens.IdToken) params.set('id_token', tokens.IdToken);
    params.set('access_token', tokens.AccessToken);
    params.set('expires_in', String(tokens.ExpiresIn));
    params.set('token_type', 'Bearer');
  }
  if (request.state !== undefined) params.set('state', request.state);
  redirect(res, appendParams(request.redirectUri, params, request.responseType === 'token'), headers);
}

export function redirectError(res: ServerResponse, error: RedirectError): void {
  redirect(res, errorLocation(error));
}

/** An error of the federation, sent to the app that asked for the sign-in. */
export const federationError = (request: AuthorizeRequest, error: string, description: string): RedirectError => ({
  redirectUri: request.redirectUri,
  responseType: request.responseType,
  error,
  description,
  state: request.state,
});
