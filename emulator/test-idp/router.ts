/**
 * The test identity provider, served over TLS beside the pool domains: /_idp/<provider>/... for
 * Google, Apple, Facebook, Login with Amazon, a generic OIDC provider and a SAML IdP. Demos and
 * tests sign in through it with no outside service; see the README's "Test identity provider".
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Services } from '../context.js';
import { isFlavour } from './identity.js';
import { handleOidc } from './oidc.js';
import { handleSaml, POST_SCRIPT } from './saml.js';

export async function handleTestIdp(svc: Services, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  if (path === '/_idp/post.js') {
    res.writeHead(200, { 'Content-Type': 'text/javascript', 'Cache-Control': 'no-store' });
    return void res.end(POST_SCRIPT);
  }
  const [, , flavour = '', ...rest] = path.split('/');
  const action = rest.join('/');
  if (flavour === 'saml') return handleSaml(svc, req, res, action);
  if (isFlavour(flavour) && flavour !== 'saml') return handleOidc(svc, req, res, flavour, action);
  res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
}
