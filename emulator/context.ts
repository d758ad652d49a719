import type { Lambdas } from './services/lambdas.js';
import type { Clock } from './services/clock.js';
import type { Outbox } from './services/outbox.js';
import type { OutboundFetch } from './services/outbound.js';
import type { PasswordAttempts } from './services/password-attempts.js';
import type { Sessions } from './services/sessions.js';
import type { Store } from './services/store.js';
import type { TokenService } from './services/tokens.js';
import type { Body } from './validate.js';

/** What every operation handler gets. */
export interface Services {
  store: Store;
  clock: Clock;
  outbox: Outbox;
  sessions: Sessions;
  tokens: TokenService;
  passwordAttempts: PasswordAttempts;
  /** Region for pool ids created without a signed request naming one. */
  defaultRegion: string;
  /**
   * https://localhost:<port>: where pool domains (`/<domain>/oauth2/...`) and the test identity
   * provider (`/_idp/...`) are served; undefined when the emulator serves no TLS.
   */
  oauthBase: () => string | undefined;
  /** Requests to identity providers (discovery, tokens, attributes, SAML metadata). */
  fetch: OutboundFetch;
  /** The Lambda functions triggers run (local modules). */
  lambdas: Lambdas;
}

export interface RequestInfo {
  /** Region from the SigV4 credential scope, when the caller signed the request. */
  signedRegion?: string;
  /** Admin operations need IAM credentials: a SigV4 Authorization header. */
  signed: boolean;
}

export type Operation = (services: Services, body: Body, request: RequestInfo) => Promise<object> | object;
