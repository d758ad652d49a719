/**
 * Who is calling /oauth2/token and /oauth2/revoke: client_secret_basic (Authorization: Basic) or
 * client_secret_post (client_id and client_secret in the body), or a public client's client_id.
 */
import type { IncomingMessage } from 'node:http';
import type { ClientRecord } from '../services/model.js';
import type { Store } from '../services/store.js';
import { sameSecret } from '../services/users.js';

export function authenticateClient(store: Store, poolId: string, req: IncomingMessage, form: URLSearchParams): ClientRecord | undefined {
  let id = form.get('client_id') ?? undefined;
  let secret = form.get('client_secret') ?? undefined;
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(String(req.headers.authorization ?? ''))?.[1];
  if (basic) {
    const decoded = Buffer.from(basic, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return undefined;
    // RFC 6749 2.3.1: both parts are form-encoded before they are joined.
    let basicId: string;
    let basicSecret: string;
    try {
      [basicId, basicSecret] = [decoded.slice(0, colon), decoded.slice(colon + 1)].map((p) => decodeURIComponent(p.replace(/\+/g, ' ')));
    } catch {
      return undefined;
    }
    if (id !== undefined && id !== basicId) return undefined;
    id = basicId;
    secret = basicSecret;
  }
  if (!id) return undefined;
  const client = store.getClient(id);
  if (!client || client.poolId !== poolId) return undefined;
  if (client.secret && !sameSecret(secret, client.secret)) return undefined;
  return client;
}
