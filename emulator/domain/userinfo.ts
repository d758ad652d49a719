/**
 * GET or POST /oauth2/userInfo with `Authorization: Bearer <access token>`: the user's attributes the
 * app client can read (DG, userInfo endpoint and OAuth scopes). The token must carry `openid`; errors
 * come in WWW-Authenticate, as Cognito sends them.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CognitoError } from '../errors.js';
import { readBody, sendJson } from '../http.js';
import { getAttribute } from '../services/model.js';
import type { DomainContext } from './context.js';

function challenge(res: ServerResponse, status: number, error: string, description: string): void {
  res.writeHead(status, { 'WWW-Authenticate': `error="${error}", error_description="${description}"`, 'Content-Type': 'application/json;charset=UTF-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify({ error, error_description: description }));
}

export async function userInfo(ctx: DomainContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method === 'POST') await readBody(req);
  const token = /^Bearer\s+(\S+)$/i.exec(String(req.headers.authorization ?? ''))?.[1];
  if (!token) return challenge(res, 400, 'invalid_request', 'Bad OAuth2 request at UserInfo Endpoint');
  let verified;
  try {
    verified = await ctx.svc.tokens.verifyAccessToken(token, 'openid');
  } catch (e) {
    if (!(e instanceof CognitoError)) throw e;
    return challenge(res, 401, 'invalid_token', 'Access token is expired, disabled, or deleted, or the user has globally signed out.');
  }
  const { user, claims } = verified;
  if (claims.poolId !== ctx.pool.id) return challenge(res, 401, 'invalid_token', 'Access token is expired, disabled, or deleted, or the user has globally signed out.');
  const client = ctx.svc.store.getClient(claims.client_id);
  const readable = (name: string) => !client?.readAttributes || client.readAttributes.includes(name);
  // "openid: returns all user attributes that the app client can read" (DG, OAuth 2.0 scopes); the token has it (checked above).
  const names = user.attributes.map(([n]) => n);
  const out: Record<string, string> = { sub: user.sub };
  for (const name of names) {
    const value = getAttribute(user, name);
    if (value !== undefined && name !== 'sub' && readable(name)) out[name] = value;
  }
  out.username = user.username;
  sendJson(res, 200, out, 'application/json;charset=UTF-8');
}
