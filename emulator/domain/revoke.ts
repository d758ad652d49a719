/**
 * POST /oauth2/revoke: a refresh token and every access token issued with it (DG, revocation
 * endpoint). An unknown or already revoked token is 200 too; only refresh tokens can be revoked.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readForm, sendJson } from '../http.js';
import { authenticateClient } from './client-auth.js';
import type { DomainContext } from './context.js';

export async function revoke(ctx: DomainContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const form = await readForm(req);
  const token = form.get('token');
  if (!token) return sendJson(res, 400, { error: 'invalid_request' });
  const client = authenticateClient(ctx.svc.store, ctx.pool.id, req, form);
  if (!client) return sendJson(res, 401, { error: 'invalid_client' });
  if (!client.enableTokenRevocation) return sendJson(res, 400, { error: 'invalid_request', error_description: 'Token revocation is not enabled for this app client.' });
  if (token.split('.').length === 3) return sendJson(res, 400, { error: 'unsupported_token_type' });
  ctx.svc.tokens.revokeIfLive(token, client.id);
  res.writeHead(200, { 'Content-Length': 0, 'Cache-Control': 'no-store' });
  res.end();
}
