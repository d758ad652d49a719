/**
 * POST /oauth2/token: the authorization_code, refresh_token and client_credentials grants (DG, token
 * endpoint). Errors are HTTP 400 with a bare `{"error": …}`, as Cognito answers them.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CognitoError } from '../errors.js';
import { readForm, sendJson } from '../http.js';
import { refreshTokens } from '../targets/GetTokensFromRefreshToken.js';
import type { AuthenticationResult } from '../services/tokens.js';
import { issueTokens } from '../services/token-trigger.js';
import type { ClientRecord } from '../services/model.js';
import { type AuthorizationCode, hashOf } from './complete.js';
import { authenticateClient } from './client-auth.js';
import type { DomainContext } from './context.js';

type TokenError = 'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unauthorized_client' | 'unsupported_grant_type' | 'invalid_scope';

class TokenEndpointError extends Error {
  constructor(readonly error: TokenError) {
    super(error);
  }
}
const fail = (error: TokenError): never => {
  throw new TokenEndpointError(error);
};

const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

function tokenResponse(result: AuthenticationResult): Record<string, unknown> {
  return {
    ...(result.IdToken ? { id_token: result.IdToken } : {}),
    access_token: result.AccessToken,
    ...(result.RefreshToken ? { refresh_token: result.RefreshToken } : {}),
    expires_in: result.ExpiresIn,
    token_type: 'Bearer',
  };
}

async function authorizationCode(ctx: DomainContext, client: ClientRecord, form: URLSearchParams): Promise<Record<string, unknown>> {
  if (!client.oauth.enabled || !client.oauth.flows.includes('code')) fail('unauthorized_client');
  const code = form.get('code');
  if (!code) return fail('invalid_request');
  // Single use: taken from the store whatever happens next, so a replay finds nothing.
  const record = ctx.svc.store.takeEphemeral<AuthorizationCode>('code', hashOf(code), ctx.svc.clock.now());
  if (!record || record.request.clientId !== client.id || record.request.poolId !== ctx.pool.id) return fail('invalid_grant');
  if (form.get('redirect_uri') !== record.request.redirectUri) return fail('invalid_grant');
  const challenge = record.request.codeChallenge;
  // "Required if … the authorization code was requested with PKCE"; a wrong or missing verifier: invalid_grant (amplify-js issue 6347).
  if (challenge !== undefined) {
    const verifier = form.get('code_verifier');
    if (!verifier || !/^[A-Za-z0-9\-._~]{43,128}$/.test(verifier) || s256(verifier) !== challenge) return fail('invalid_grant');
  }
  const user = ctx.svc.store.getUser(ctx.pool.id, record.username);
  if (!user || user.sub !== record.sub || !user.enabled) return fail('invalid_grant');
  const result = await issueTokens(ctx.svc, ctx.pool, client, user, { authTime: record.authTime, oauth: { scopes: record.request.scopes, nonce: record.request.nonce, codeFlow: true } }, 'TokenGeneration_HostedAuth');
  return tokenResponse(result);
}

async function refreshToken(ctx: DomainContext, client: ClientRecord, form: URLSearchParams): Promise<Record<string, unknown>> {
  const token = form.get('refresh_token');
  if (!token) return fail('invalid_request');
  if (!client.explicitAuthFlows.includes('ALLOW_REFRESH_TOKEN_AUTH')) return fail('unauthorized_client');
  try {
    // A new refresh token only where the client rotates them (AR RefreshTokenRotationType);
    // otherwise "the token endpoint returns refresh_token only when the grant_type is authorization_code".
    return tokenResponse(await refreshTokens(ctx.svc, client, token, { rotate: true }));
  } catch (e) {
    if (e instanceof CognitoError && e.type === 'NotAuthorizedException') return fail('invalid_grant');
    throw e;
  }
}

async function clientCredentials(ctx: DomainContext, client: ClientRecord, form: URLSearchParams): Promise<Record<string, unknown>> {
  if (!client.secret || !client.oauth.enabled || !client.oauth.flows.includes('client_credentials')) return fail('unauthorized_client');
  const custom = client.oauth.scopes.filter((s) => s.includes('/'));
  const requested = (form.get('scope') ?? '').split(/\s+/).filter(Boolean);
  // "If the client doesn't request any scopes, the authentication server uses all custom scopes associated with the client."
  const scopes = requested.length ? [...new Set(requested)] : custom;
  if (scopes.length === 0 || scopes.some((s) => !custom.includes(s))) return fail('invalid_scope');
  const { accessToken, expiresIn } = await ctx.svc.tokens.issueForClient(ctx.pool, client, scopes);
  return { access_token: accessToken, expires_in: expiresIn, token_type: 'Bearer' };
}

export async function token(ctx: DomainContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    if (!/^application\/x-www-form-urlencoded\b/i.test(String(req.headers['content-type'] ?? ''))) fail('invalid_request');
    const form = await readForm(req);
    const client = authenticateClient(ctx.svc.store, ctx.pool.id, req, form) ?? fail('invalid_client');
    const grant = form.get('grant_type');
    const body =
      grant === 'authorization_code'
        ? await authorizationCode(ctx, client, form)
        : grant === 'refresh_token'
          ? await refreshToken(ctx, client, form)
          : grant === 'client_credentials'
            ? await clientCredentials(ctx, client, form)
            : fail(grant ? 'unsupported_grant_type' : 'invalid_request');
    sendJson(res, 200, body);
  } catch (e) {
    if (!(e instanceof TokenEndpointError)) throw e;
    sendJson(res, 400, { error: e.error }, 'application/json;charset=UTF-8');
  }
}
