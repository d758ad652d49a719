/**
 * The emulator as a library, for other projects' tests: start it on a free port with an in-memory
 * (or file) store, make pools, clients and users, read the SMS / e-mail outbox, move the clock,
 * stop it. Everything else speaks Cognito's own protocol: point the AWS SDK or Amplify at `url`.
 */
import { callAdmin } from './admin.js';
import { SMS_CONFIGURATION } from './seed.js';
import { type Emulator, startEmulator } from './server.js';
import { MEMORY } from './services/store.js';
import type { LambdaSource } from './services/lambdas.js';
import { EmulatorStartError, StoreError } from './start-errors.js';
import type { OutboxMessage } from './services/outbox-message.js';
import { queueNext, readNext } from './test-idp/next.js';

export type { OutboxMessage };
export type { LambdaHandler, LambdaSource } from './services/lambdas.js';

export { EmulatorStartError, StoreError };

/** The next sign-in at the test IdP: an identity, or an error (as if the person cancelled), or a token to be refused. */
export interface NextIdentity {
  /** google, apple, facebook, amazon, oidc or saml; left out, whichever is visited first. */
  provider?: 'google' | 'apple' | 'facebook' | 'amazon' | 'oidc' | 'saml';
  email?: string;
  name?: string;
  sub?: string;
  error?: string;
  error_description?: string;
  tamper?: 'signature' | 'audience' | 'issuer' | 'nonce';
}

export interface StartOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** A SQLite data folder that survives restarts; left out, the store is in memory. */
  dataDir?: string;
  /** Region of the pool ids (`<region>_<id>`); default us-east-1. */
  region?: string;
  /** Where the emulator's log lines (and the codes it "sends") go; default: nowhere. */
  log?: (line: string) => void;
  /** The HTTPS port of pool domains and the test IdP: 0 (the default) picks a free one; false serves none. */
  tlsPort?: number | false;
  /**
   * The Lambda functions the pools' triggers call, by function name (what ends the ARN in
   * LambdaConfig): a module path exporting `handler`, or the handler itself.
   */
  lambdas?: Record<string, LambdaSource>;
}

export interface PoolOptions {
  name?: string;
  mfa?: 'OFF' | 'OPTIONAL' | 'ON';
  /** SMS and TOTP as MFA factors (when `mfa` is not OFF). */
  sms?: boolean;
  totp?: boolean;
  /** Sign in by e-mail / phone instead of a username. */
  usernameAttributes?: ('email' | 'phone_number')[];
  autoVerifiedAttributes?: ('email' | 'phone_number')[];
  /** The app client: its flows (default SRP, password and refresh), a secret, and how unknown users are answered. */
  explicitAuthFlows?: string[];
  generateSecret?: boolean;
  preventUserExistenceErrors?: 'LEGACY' | 'ENABLED';
}

export interface UserOptions {
  /** A permanent password (default), or a temporary one that must be changed at first sign-in. */
  password?: string;
  temporaryPassword?: string;
  /** e.g. { email: 'ann@example.com', email_verified: 'true', phone_number: '+12065550100' } */
  attributes?: Record<string, string>;
}

export interface CognitoEmulator {
  /** The endpoint: AWS SDK `endpoint`, Amplify `userPoolEndpoint`, AWS CLI `--endpoint-url`. */
  url: string;
  port: number;
  /**
   * https://localhost:<port>, where pool domains and the test identity provider are served (unless
   * `tlsPort: false`): a domain made with CreateUserPoolDomain is at `${oauthUrl}/<domain>`, which
   * is also Amplify's `oauth.domain` without the scheme.
   */
  oauthUrl?: string;
  /** The certificate authority of oauthUrl (PEM): trust it (NODE_EXTRA_CA_CERTS, a browser's authorities, an https agent's `ca`). */
  ca?: string;
  /** base64 SHA-256 of the TLS key's SPKI, for Chromium's --ignore-certificate-errors-spki-list. */
  spki?: string;
  /** The test identity provider: who signs in there next, without its page. */
  idp: { next(signIn: NextIdentity): void };
  createPool(options?: PoolOptions): Promise<{ poolId: string; clientId: string; clientSecret?: string }>;
  createUser(poolId: string, username: string, options?: UserOptions): Promise<void>;
  /** SMS and e-mail messages, newest first. */
  outbox(filter?: { username?: string; poolId?: string }): OutboxMessage[];
  /** The newest code sent to a user (sign-in SMS, sign-up, reset or verification), if any; by the username Cognito keeps (a UUID where e-mail is the username). */
  latestCode(username: string): string | undefined;
  /** Moves the emulator's clock forward: codes, sessions and tokens expire without waiting. */
  advanceClock(seconds: number): void;
  /** Any admin operation by its Cognito name, without signing a request. */
  call<T = Record<string, unknown>>(operation: string, body: Record<string, unknown>): Promise<T>;
  stop(): Promise<void>;
}

/** The password createUser gives when none is named. */
export const DEFAULT_USER_PASSWORD = 'Passw0rd!-emulator';

export async function startCognitoEmulator(options: StartOptions = {}): Promise<CognitoEmulator> {
  const emulator: Emulator = await startEmulator({
    dataDir: options.dataDir ?? MEMORY,
    port: options.port ?? 0,
    ...(options.host ? { host: options.host } : {}),
    ...(options.region ? { region: options.region } : {}),
    log: options.log ?? (() => {}),
    testHooks: true,
    tlsPort: options.tlsPort ?? 0,
    ...(options.lambdas ? { lambdas: options.lambdas } : {}),
  });
  const svc = emulator.services;
  const call = <T = Record<string, unknown>>(operation: string, body: Record<string, unknown>) => callAdmin<T>(svc, operation as never, body);
  return {
    url: emulator.url,
    port: emulator.port,
    ...(emulator.tlsUrl && emulator.tls ? { oauthUrl: emulator.tlsUrl, ca: emulator.tls.ca, spki: emulator.tls.spki } : {}),
    idp: {
      next(signIn) {
        const { flavour, next } = readNext(signIn as unknown as Record<string, unknown>);
        queueNext(svc, flavour, next);
      },
    },
    call,
    async createPool(o = {}) {
      const mfa = o.mfa ?? 'OFF';
      const { UserPool } = await call<{ UserPool: { Id: string } }>('CreateUserPool', {
        PoolName: o.name ?? 'test',
        ...(o.usernameAttributes ? { UsernameAttributes: o.usernameAttributes } : {}),
        AutoVerifiedAttributes: o.autoVerifiedAttributes ?? ['email'],
      });
      if (mfa !== 'OFF') {
        await call('SetUserPoolMfaConfig', {
          UserPoolId: UserPool.Id,
          MfaConfiguration: mfa,
          ...(o.sms !== false ? { SmsMfaConfiguration: { SmsAuthenticationMessage: 'Your code is {####}', SmsConfiguration: SMS_CONFIGURATION } } : {}),
          SoftwareTokenMfaConfiguration: { Enabled: o.totp !== false },
        });
      }
      const { UserPoolClient } = await call<{ UserPoolClient: { ClientId: string; ClientSecret?: string } }>('CreateUserPoolClient', {
        UserPoolId: UserPool.Id,
        ClientName: 'app',
        ExplicitAuthFlows: o.explicitAuthFlows ?? ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        GenerateSecret: o.generateSecret ?? false,
        PreventUserExistenceErrors: o.preventUserExistenceErrors ?? 'ENABLED',
      });
      return { poolId: UserPool.Id, clientId: UserPoolClient.ClientId, ...(UserPoolClient.ClientSecret ? { clientSecret: UserPoolClient.ClientSecret } : {}) };
    },
    async createUser(poolId, username, o = {}) {
      const attributes = Object.entries(o.attributes ?? {}).map(([Name, Value]) => ({ Name, Value }));
      await call('AdminCreateUser', { UserPoolId: poolId, Username: username, UserAttributes: attributes, MessageAction: 'SUPPRESS', ...(o.temporaryPassword ? { TemporaryPassword: o.temporaryPassword } : {}) });
      if (!o.temporaryPassword) await call('AdminSetUserPassword', { UserPoolId: poolId, Username: username, Password: o.password ?? DEFAULT_USER_PASSWORD, Permanent: true });
    },
    outbox: (filter = {}) => svc.store.readOutbox(filter),
    latestCode: (username) => svc.store.readOutbox({ username, limit: 1 })[0]?.code,
    advanceClock: (seconds) => emulator.clock.advance(seconds),
    stop: () => emulator.close(),
  };
}
