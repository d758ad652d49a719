/**
 * A pool's domain: https://localhost:<tls port>/<domain>/… serves Cognito's OAuth 2.0 and OIDC
 * endpoints (DG, "User pool endpoints and managed login reference").
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Services } from '../context.js';
import type { DomainRecord } from '../services/model.js';
import { authorize } from './authorize.js';
import type { DomainContext } from './context.js';
import { oidcResponse, samlResponse } from './idp-response.js';
import { login } from './login.js';
import { logout } from './logout.js';
import { ERROR_TEXT, sendErrorPage } from './pages.js';
import { revoke } from './revoke.js';
import { token } from './token.js';
import { userInfo } from './userinfo.js';

export async function handleDomain(svc: Services, req: IncomingMessage, res: ServerResponse, url: URL, domain: DomainRecord, rest: string): Promise<void> {
  const pool = svc.store.getPool(domain.poolId);
  if (!pool) return sendErrorPage(res, 404, 'This domain\u2019s user pool no longer exists.');
  const ctx: DomainContext = { svc, domain, pool, url: `${svc.oauthBase()}/${domain.domain}`, path: `/${domain.domain}` };
  const method = req.method ?? 'GET';
  const route = `${method} ${rest}`;
  switch (route) {
    case 'GET /oauth2/authorize':
      return authorize(ctx, req, res, url.searchParams);
    case 'GET /login':
    case 'POST /login':
      return login(ctx, req, res, url);
    case 'GET /oauth2/idpresponse':
      return oidcResponse(ctx, req, res, url);
    case 'POST /saml2/idpresponse':
      return samlResponse(ctx, req, res);
    case 'POST /oauth2/token':
      return token(ctx, req, res);
    case 'GET /oauth2/userInfo':
    case 'POST /oauth2/userInfo':
      return userInfo(ctx, req, res);
    case 'POST /oauth2/revoke':
      return revoke(ctx, req, res);
    case 'GET /logout':
      return logout(ctx, req, res, url.searchParams);
    case 'GET /error': {
      const error = url.searchParams.get('error') ?? '';
      return sendErrorPage(res, 400, Object.hasOwn(ERROR_TEXT, error) ? ERROR_TEXT[error] : error);
    }
    default:
      req.resume();
      return sendErrorPage(res, 404, `No endpoint ${method} ${rest.slice(0, 100)} at this domain.`);
  }
}
