/**
 * The test identity provider's OAuth 2.0 / OpenID Connect side, one path per provider it stands in
 * for: /_idp/google, /_idp/apple and /_idp/oidc speak OpenID Connect (discovery, JWKS, signed ID
 * tokens with the nonce), /_idp/facebook and /_idp/amazon OAuth 2.0 with a profile endpoint, as the
 * real ones do. Codes are single-use and live two minutes; access tokens an hour.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SignJWT } from 'jose';
import type { Services } from '../context.js';
import { parseCookies, readForm, redirect, sendJson, sendPage, html } from '../http.js';
import { FLAVOUR_LABEL, type Flavour, type NextSignIn, profileClaims, type TestIdentity } from './identity.js';
import { forgeryKey, loadOidcKey } from './keys.js';
import { sendIdentityPage } from './page.js';
import { takeNext } from './next.js';

type OidcFlavour = Exclude<Flavour, 'saml'>;
const OPENID: OidcFlavour[] = ['google', 'apple', 'oidc'];

interface IdpCode {
  flavour: OidcFlavour;
  clientId: string;
  redirectUri: string;
  nonce?: string;
  scope: string;
  identity: TestIdentity;
  tamper?: NextSignIn['tamper'];
}

const CODE_MS = 120_000;
const TOKEN_SECONDS = 3600;

export const idpRoot = (svc: Services, flavour: Flavour) => `${svc.oauthBase()}/_idp/${flavour}`;

/** A redirect URI the test IdP sends people back to: a URL, https or http on this machine. */
function returnable(uri: string): boolean {
  try {
    new URL(uri);
  } catch {
    return false;
  }
  return /^https:\/\/[^\s]+$/.test(uri) || /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?\//.test(uri);
}

function withParams(uri: string, params: Record<string, string | undefined>): string {
  const url = new URL(uri);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
  return url.toString();
}

export async function handleOidc(svc: Services, req: IncomingMessage, res: ServerResponse, flavour: OidcFlavour, action: string): Promise<void> {
  const root = idpRoot(svc, flavour);
  if (action === '.well-known/openid-configuration' && OPENID.includes(flavour) && req.method === 'GET') {
    return sendJson(res, 200, {
      issuer: root,
      authorization_endpoint: `${root}/authorize`,
      token_endpoint: `${root}/token`,
      userinfo_endpoint: `${root}/userinfo`,
      jwks_uri: `${root}/jwks`,
      response_types_supported: ['code'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      scopes_supported: ['openid', 'email', 'profile'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      claims_supported: ['sub', 'email', 'email_verified', 'name', 'given_name', 'family_name', 'nonce'],
    });
  }
  if (action === 'jwks' && req.method === 'GET') return sendJson(res, 200, { keys: [(await loadOidcKey(svc.store)).publicJwk] });
  if (action === 'authorize' && (req.method === 'GET' || req.method === 'POST')) return authorize(svc, req, res, flavour);
  if (action === 'token' && (req.method === 'POST' || req.method === 'GET')) return token(svc, req, res, flavour);
  if (action === 'userinfo' && (req.method === 'GET' || req.method === 'POST')) return userinfo(svc, req, res, flavour);
  return sendJson(res, 404, { error: 'not_found' });
}

async function authorize(svc: Services, req: IncomingMessage, res: ServerResponse, flavour: OidcFlavour): Promise<void> {
  const posted = req.method === 'POST' ? await readForm(req) : undefined;
  const params = posted ?? new URL(req.url ?? '/', 'https://idp').searchParams;
  const clientId = params.get('client_id') ?? '';
  const redirectUri = params.get('redirect_uri') ?? '';
  const state = params.get('state') ?? undefined;
  if (!clientId || !returnable(redirectUri) || params.get('response_type') !== 'code') {
    return sendPage(res, 400, { title: 'Invalid request', body: html`<h1>Invalid request</h1><p>client_id, an https redirect_uri and response_type=code are required.</p>` });
  }
  const request = { clientId, redirectUri, scope: params.get('scope') ?? '', ...(params.get('nonce') ? { nonce: params.get('nonce')! } : {}) };
  const finish = async (next: NextSignIn) => {
    if (next.error || !next.identity) {
      return redirect(res, withParams(redirectUri, { error: next.error?.error ?? 'access_denied', error_description: next.error?.description, state }));
    }
    const code = randomBytes(24).toString('base64url');
    const record: IdpCode = { flavour, ...request, identity: next.identity, ...(next.tamper ? { tamper: next.tamper } : {}) };
    svc.store.putEphemeral('idpCode', code, svc.clock.now() + CODE_MS, record);
    return redirect(res, withParams(redirectUri, { code, state }));
  };
  if (!posted) {
    const next = takeNext(svc, flavour);
    if (next) return finish(next);
    const last = parseCookies(req).get('idp_last');
    const hidden = Object.fromEntries([...params].filter(([k]) => ['client_id', 'redirect_uri', 'response_type', 'scope', 'state', 'nonce'].includes(k)));
    return sendIdentityPage(res, { flavour, action: `${idpRoot(svc, flavour)}/authorize`, hidden, email: params.get('login_hint') ?? last ?? '' });
  }
  if (posted.get('action') === 'cancel') return finish({ error: { error: 'access_denied', description: `The user cancelled the sign-in with ${FLAVOUR_LABEL[flavour]}.` } });
  const email = (posted.get('email') ?? '').trim();
  const name = (posted.get('name') ?? '').trim() || email.split('@')[0];
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) {
    const hidden = Object.fromEntries([...posted].filter(([k]) => !['email', 'name', 'action'].includes(k)));
    return sendIdentityPage(res, { flavour, action: `${idpRoot(svc, flavour)}/authorize`, hidden, email, name, error: 'Enter an e-mail address, like ann@example.com.' }, 400);
  }
  res.setHeader('Set-Cookie', `idp_last=${encodeURIComponent(email)}; Path=/_idp; Max-Age=2592000; Secure; HttpOnly; SameSite=Lax`);
  return finish({ identity: { email, name } });
}

/** client_secret_basic or client_secret_post; the test IdP knows no clients, but a confidential client must authenticate. */
function clientOf(req: IncomingMessage, form: URLSearchParams): { id: string; secret: string } | undefined {
  const basic = /^Basic\s+(.+)$/i.exec(String(req.headers.authorization ?? ''))?.[1];
  if (basic) {
    try {
      const [id, secret] = Buffer.from(basic, 'base64').toString('utf8').split(':').map((p) => decodeURIComponent(p));
      return id && secret ? { id, secret } : undefined;
    } catch {
      return undefined;
    }
  }
  const id = form.get('client_id');
  const secret = form.get('client_secret');
  return id && secret ? { id, secret } : undefined;
}

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

async function token(svc: Services, req: IncomingMessage, res: ServerResponse, flavour: OidcFlavour): Promise<void> {
  const form = req.method === 'GET' ? new URL(req.url ?? '/', 'https://idp').searchParams : await readForm(req);
  const client = clientOf(req, form);
  if (!client) return sendJson(res, 401, { error: 'invalid_client', error_description: 'Client authentication failed.' });
  if (form.get('grant_type') !== 'authorization_code') return sendJson(res, 400, { error: 'unsupported_grant_type' });
  const code = svc.store.takeEphemeral<IdpCode>('idpCode', form.get('code') ?? '', svc.clock.now());
  if (!code || code.flavour !== flavour || !same(code.clientId, client.id) || code.redirectUri !== form.get('redirect_uri')) {
    return sendJson(res, 400, { error: 'invalid_grant', error_description: 'The code is invalid, used or expired.' });
  }
  const accessToken = randomBytes(32).toString('base64url');
  svc.store.putEphemeral('idpSession', accessToken, svc.clock.now() + TOKEN_SECONDS * 1000, { flavour, identity: code.identity });
  const openid = OPENID.includes(flavour) && code.scope.split(/[\s,]+/).includes('openid');
  return sendJson(res, 200, {
    access_token: accessToken,
    token_type: 'Bearer',
    expires_in: TOKEN_SECONDS,
    ...(openid ? { id_token: await idToken(svc, code) } : {}),
  });
}

/** Signed as the provider signs it, or tampered with as a test asked. Real time: this is another party. */
async function idToken(svc: Services, code: IdpCode): Promise<string> {
  const key = await loadOidcKey(svc.store);
  const now = Math.floor(Date.now() / 1000);
  const claims = profileClaims(code.flavour, code.identity);
  const jwt = new SignJWT({ ...claims, ...(code.nonce ? { nonce: code.tamper === 'nonce' ? 'not-the-nonce' : code.nonce } : {}), auth_time: now })
    .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
    .setIssuer(code.tamper === 'issuer' ? 'https://issuer.example.invalid' : idpRoot(svc, code.flavour))
    .setAudience(code.tamper === 'audience' ? 'another-client' : code.clientId)
    .setSubject(String(claims.sub))
    .setIssuedAt(now)
    .setExpirationTime(now + TOKEN_SECONDS);
  return jwt.sign(code.tamper === 'signature' ? await forgeryKey() : key.privateKey);
}

async function userinfo(svc: Services, req: IncomingMessage, res: ServerResponse, flavour: OidcFlavour): Promise<void> {
  const form = req.method === 'POST' ? await readForm(req) : undefined;
  const bearer = /^Bearer\s+(\S+)$/i.exec(String(req.headers.authorization ?? ''))?.[1] ?? form?.get('access_token') ?? new URL(req.url ?? '/', 'https://idp').searchParams.get('access_token');
  const session = bearer ? svc.store.getEphemeral<{ flavour: Flavour; identity: TestIdentity }>('idpSession', bearer, svc.clock.now()) : undefined;
  if (!session || session.flavour !== flavour) {
    return sendJson(res, 401, { error: 'invalid_token' }, 'application/json', { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
  }
  return sendJson(res, 200, profileClaims(flavour, session.identity));
}
