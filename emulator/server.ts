/**
 * Cognito's JSON protocol over node:http: POST / with X-Amz-Target:
 * AWSCognitoIdentityProviderService.<Operation>, answers in application/x-amz-json-1.1, errors as
 * HTTP 400 {"__type", "message"}. Plus the JWKS / OpenID documents and the emulator's own endpoints.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { RequestInfo, Services } from './context.js';
import { type LambdaSource, Lambdas } from './services/lambdas.js';
import { withClientMetadata } from './services/trigger-events.js';
import { CognitoError } from './errors.js';
import { EmulatorStartError } from './start-errors.js';
import { AdjustableClock } from './services/clock.js';
import { Outbox, type Logger } from './services/outbox.js';
import { createOutboundFetch } from './services/outbound.js';
import { PasswordAttempts } from './services/password-attempts.js';
import { RateLimiter } from './services/rate-limit.js';
import { Sessions } from './services/sessions.js';
import { MEMORY, Store } from './services/store.js';
import { join } from 'node:path';
import { TokenService } from './services/tokens.js';
import { operations } from './targets/index.js';
import type { Body } from './validate.js';
import { MAX_BODY_BYTES, PAGE_CSS, readBody, sendJson as send } from './http.js';
import { sendTlsHome } from './domain/home.js';
import { openIdConfiguration } from './services/openid-configuration.js';
import { loadOrCreateTls, type TlsMaterial } from './services/tls.js';
import { queueNext, readNext } from './test-idp/next.js';

/**
 * The pool domains' endpoints and the test IdP (openid-client, node-saml, xml-crypto) load with the
 * first request that needs them: an emulator that never federates starts without them.
 */
const federationRoutes = () => Promise.all([import('./domain/router.js'), import('./test-idp/router.js')]);

export { MAX_BODY_BYTES };
const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';
const JSON_TYPE = 'application/x-amz-json-1.1';

export interface EmulatorOptions {
  /** The SQLite data folder, or ':memory:' for a store that lives and dies with the process. */
  dataDir: string;
  host?: string;
  port?: number;
  /** Enables POST /_emulator/clock. */
  testHooks?: boolean;
  region?: string;
  log?: Logger;
  /** Multiplier on Cognito's request quotas (tests of TooManyRequestsException lower it). */
  rateLimitScale?: number;
  /**
   * The HTTPS port of the pool domains and the test identity provider (0: any free one; false: none).
   * Default: any free port.
   */
  tlsPort?: number | false;
  /** Where the TLS certificate authority and certificate are kept (default: <dataDir>/tls, or memory). */
  tlsDir?: string;
  /** Lambda function name (the end of a LambdaConfig ARN) → module path or handler. */
  lambdas?: Record<string, LambdaSource>;
}

export interface Emulator {
  url: string;
  port: number;
  /** https://localhost:<port>: the pool domains (`/<domain>/oauth2/...`) and the test IdP (`/_idp/...`). */
  tlsUrl?: string;
  tlsPort?: number;
  /** The certificate authority to trust for tlsUrl (PEM), its file and the server key's SPKI hash. */
  tls?: TlsMaterial;
  services: Services;
  clock: AdjustableClock;
  server: Server;
  close(): Promise<void>;
}

function parseJsonObject(text: string): Body {
  let value: unknown;
  try {
    value = JSON.parse(text === '' ? '{}' : text);
  } catch {
    throw new CognitoError('SerializationException', 'Request body is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CognitoError('SerializationException', 'Request body must be a JSON object.');
  }
  return value as Body;
}

function requestInfo(req: IncomingMessage): RequestInfo {
  const auth = req.headers.authorization ?? '';
  const region = /Credential=[^/,\s]+\/\d{8}\/([a-z0-9-]{1,32})\/cognito-idp\//.exec(auth)?.[1];
  return { signed: auth.startsWith('AWS4-HMAC-SHA256 '), ...(region ? { signedRegion: region } : {}) };
}

function cors(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*');
  res.setHeader('Vary', 'Origin');
  res.setHeader('Access-Control-Expose-Headers', 'x-amzn-requestid, x-amzn-errortype, x-amzn-errormessage, date');
}

function sendError(res: ServerResponse, error: CognitoError): void {
  res.setHeader('x-amzn-errortype', error.type);
  send(res, error.status, error.toJSON());
}

/** The services over one data folder: for the server, and for CLI commands that work on the folder directly. */
export function createServices(options: {
  dataDir: string;
  log: Logger;
  issuerBase: () => string;
  region?: string | undefined;
  clock?: AdjustableClock;
  oauthBase?: () => string | undefined;
  /** The emulator's own certificate authority, trusted by its requests to identity providers. */
  authority?: () => string | undefined;
  /** Lambda function name → module path or handler, for the pools' triggers. */
  lambdas?: Record<string, LambdaSource>;
}): Services {
  const clock = options.clock ?? new AdjustableClock();
  const store = new Store(options.dataDir);
  return {
    oauthBase: options.oauthBase ?? (() => undefined),
    fetch: createOutboundFetch(options.authority ?? (() => undefined)),
    store,
    clock,
    outbox: new Outbox(store, clock, options.log),
    sessions: new Sessions(store, clock),
    tokens: new TokenService(store, clock, options.issuerBase),
    passwordAttempts: new PasswordAttempts(store, clock),
    defaultRegion: options.region ?? 'us-east-1',
    lambdas: new Lambdas(options.lambdas),
  };
}

export async function startEmulator(options: EmulatorOptions): Promise<Emulator> {
  const log = options.log ?? ((line: string) => console.log(line));
  const clock = new AdjustableClock();
  const limiter = new RateLimiter(clock, options.rateLimitScale);
  let baseUrl = '';
  let tlsBase: string | undefined;
  const tls = options.tlsPort === false ? undefined : await loadOrCreateTls(options.tlsDir ?? (options.dataDir === MEMORY ? undefined : join(options.dataDir, 'tls')));
  const services = createServices({ dataDir: options.dataDir, log, issuerBase: () => baseUrl, region: options.region, clock, oauthBase: () => tlsBase, authority: () => tls?.ca, lambdas: options.lambdas });
  const { store } = services;

  async function handleApi(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const target = String(req.headers['x-amz-target'] ?? '');
    const name = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : '';
    const operation = Object.prototype.hasOwnProperty.call(operations, name) ? operations[name] : undefined;
    const text = await readBody(req);
    if (!operation) throw new CognitoError('UnknownOperationException', `Unknown operation ${target.slice(0, 128)}`);
    const contentType = String(req.headers['content-type'] ?? '');
    if (!/^application\/(x-amz-json-1\.[01]|json)\b/.test(contentType)) {
      throw new CognitoError('SerializationException', `Unsupported Content-Type ${contentType.slice(0, 64)}: use ${JSON_TYPE}.`);
    }
    const body = parseJsonObject(text);
    limiter.check(name);
    // The request's ClientMetadata stays at hand for the triggers the operation runs.
    send(res, 200, await withClientMetadata(body, () => operation(services, body, requestInfo(req))));
  }

  async function handleGet(url: URL, res: ServerResponse): Promise<void> {
    const wellKnown = /^\/([\w-]+_[0-9a-zA-Z]+)\/\.well-known\/(jwks\.json|openid-configuration)$/.exec(url.pathname);
    if (wellKnown) {
      const [, poolId, doc] = wellKnown;
      if (!store.getPool(poolId)) throw new CognitoError('ResourceNotFoundException', `User pool ${poolId} does not exist.`, 404);
      if (doc === 'jwks.json') return send(res, 200, await services.tokens.jwks(poolId), 'application/json');
      return send(res, 200, openIdConfiguration(services, poolId), 'application/json');
    }
    if (url.pathname === '/_emulator/page.css') {
      res.writeHead(200, { 'Content-Type': 'text/css', 'Cache-Control': 'no-store' });
      return void res.end(PAGE_CSS);
    }
    if (url.pathname === '/_emulator/health') return send(res, 200, { ok: true }, 'application/json');
    if (url.pathname === '/_emulator/sms' || url.pathname === '/_emulator/outbox') {
      const sms = url.pathname === '/_emulator/sms';
      const username = url.searchParams.get('username') ?? undefined;
      const poolId = url.searchParams.get('poolId') ?? undefined;
      const messages = store.readOutbox({ username, poolId }).filter((m) => !sms || m.channel === 'SMS');
      return send(
        res,
        200,
        messages.map((m) =>
          sms
            ? { poolId: m.poolId, username: m.username, phoneNumber: m.destination, message: m.message, code: m.code, sentAt: m.sentAt }
            : m,
        ),
        'application/json',
      );
    }
    throw new CognitoError('ResourceNotFoundException', `No route for GET ${url.pathname.slice(0, 128)}`, 404);
  }

  async function handleClock(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = parseJsonObject(await readBody(req));
    const seconds = body.advanceSeconds;
    if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0 || seconds > 10 * 365 * 86400) {
      throw new CognitoError('InvalidParameterException', 'advanceSeconds must be a non-negative number of seconds.');
    }
    clock.advance(seconds);
    send(res, 200, { now: new Date(clock.now()).toISOString() }, 'application/json');
  }

  async function handleNextIdentity(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { flavour, next } = readNext(parseJsonObject(await readBody(req)));
    queueNext(services, flavour, next);
    send(res, 200, { queued: flavour }, 'application/json');
  }

  /** Over TLS, the path's first segment may be a pool domain (or the test IdP's /_idp). */
  async function handleTlsOnly(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    if (url.pathname === '/' && req.method === 'GET') {
      sendTlsHome(res, services);
      return true;
    }
    if (url.pathname.startsWith('/_idp/')) {
      const [, { handleTestIdp }] = await federationRoutes();
      await handleTestIdp(services, req, res, url.pathname);
      return true;
    }
    const [, first = '', ...rest] = url.pathname.split('/');
    const domain = /^[a-z0-9-]{1,63}$/.test(first) ? store.getDomain(first) : undefined;
    if (!domain) return false;
    const [{ handleDomain }] = await federationRoutes();
    await handleDomain(services, req, res, url, domain, `/${rest.join('/')}`);
    return true;
  }

  const handler = (secure: boolean) => (req: IncomingMessage, res: ServerResponse) => {
    cors(req, res);
    const url = new URL(req.url ?? '/', 'http://emulator');
    const work = (async () => {
      if (req.method === 'OPTIONS') {
        res.writeHead(204, {
          'Access-Control-Allow-Methods': 'POST, GET, OPTIONS',
          'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] ?? 'content-type, x-amz-target, x-amz-user-agent, authorization',
          'Access-Control-Max-Age': '600',
        });
        return void res.end();
      }
      if (secure && (await handleTlsOnly(req, res, url))) return;
      if (req.method === 'POST' && url.pathname === '/') return handleApi(req, res);
      if (req.method === 'POST' && url.pathname === '/_emulator/clock' && options.testHooks) return handleClock(req, res);
      if (req.method === 'POST' && url.pathname === '/_emulator/idp/next' && options.testHooks) return handleNextIdentity(req, res);
      if (req.method === 'GET') return handleGet(url, res);
      req.resume();
      throw new CognitoError('UnknownOperationException', `Unsupported request ${req.method} ${url.pathname.slice(0, 128)}`);
    })();
    work.catch((e: unknown) => {
      if (res.headersSent) return void res.end();
      if (e instanceof CognitoError) return sendError(res, e);
      log(`[error] ${req.method} ${url.pathname}: ${e instanceof Error ? e.stack : String(e)}`);
      sendError(res, new CognitoError('InternalErrorException', 'Internal error.', 500));
    });
  };
  const server = createServer(handler(false));
  server.keepAliveTimeout = 65_000;
  const tlsServer = tls ? createTlsServer({ key: tls.key, cert: tls.cert }, handler(true)) : undefined;
  if (tlsServer) tlsServer.keepAliveTimeout = 65_000;

  const host = options.host ?? '127.0.0.1';
  const wanted = options.port ?? 9229;
  const listen = async (target: Server, port: number, flag: string) => {
    try {
      await new Promise<void>((resolve, reject) => {
        target.once('error', reject);
        target.listen(port, host, () => resolve());
      });
    } catch (e) {
      store.close();
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE') throw new EmulatorStartError(`Port ${port} on ${host} is already in use: stop what is listening there, or choose another port (${flag}, or 0 for any free one).`);
      if (code === 'EACCES') throw new EmulatorStartError(`Not allowed to listen on ${host}:${port}: choose a port above 1023.`);
      throw e;
    }
    return (target.address() as AddressInfo).port;
  };
  const port = await listen(server, wanted, '--port');
  baseUrl = `http://${options.host ?? '127.0.0.1'}:${port}`;
  let tlsPort: number | undefined;
  if (tlsServer) {
    try {
      tlsPort = await listen(tlsServer, options.tlsPort === false ? 0 : (options.tlsPort ?? 0), '--tls-port');
    } catch (e) {
      server.close();
      throw e;
    }
    // "localhost" (not the IP): the certificate names it, browsers treat it as a secure context,
    // and Cognito allows http://localhost callback URLs beside it.
    tlsBase = `https://localhost:${tlsPort}`;
  }
  const purge = setInterval(() => store.purgeExpiredSessions(clock.now()), 60_000);
  purge.unref();

  return {
    url: baseUrl,
    port,
    ...(tlsBase && tls && tlsPort !== undefined ? { tlsUrl: tlsBase, tlsPort, tls } : {}),
    services,
    clock,
    server,
    close: async () => {
      clearInterval(purge);
      await Promise.all(
        [server, tlsServer].map(
          (s) =>
            s &&
            new Promise<void>((resolve) => {
              s.close(() => resolve());
              s.closeAllConnections();
            }),
        ),
      );
      store.close();
    },
  };
}
