/**
 * Challenge sessions: an opaque random token given to the client; only its hash is stored.
 * Bound to pool, client and user; single use (each answer gets a fresh session); expire after
 * the client's AuthSessionValidity; three wrong answers end them.
 */
import { createHash, randomBytes } from 'node:crypto';
import { CognitoError, invalidSession, notAuthorized } from '../errors.js';
import type { Clock } from './clock.js';
import type { ChallengeState, ClientRecord, SessionRecord } from './model.js';
import type { Store } from './store.js';

export const MAX_CHALLENGE_ATTEMPTS = 3;

const idOf = (token: string) => createHash('sha256').update(token).digest('base64url');

export interface OpenSession {
  id: string;
  record: SessionRecord;
}

export class Sessions {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  /** A new session token for the next step of a sign-in. */
  create(client: ClientRecord, username: string, auth: { authTime: number; deviceKey?: string }, state: ChallengeState, token = randomBytes(64).toString('base64url')): string {
    this.store.putSession(idOf(token), {
      poolId: client.poolId,
      clientId: client.id,
      username,
      state,
      authTime: auth.authTime,
      ...(auth.deviceKey ? { deviceKey: auth.deviceKey } : {}),
      failedAttempts: 0,
      expiresAt: this.clock.now() + client.authSessionValidity * 60_000,
    });
    return token;
  }

  /** The live session behind a token; NotAuthorizedException when unknown, expired or another client's. */
  open(token: string | undefined, client: ClientRecord): OpenSession {
    const session = this.openAnyClient(token);
    if (session.record.clientId !== client.id) throw invalidSession();
    return session;
  }

  /** For calls that carry a session but no ClientId (AssociateSoftwareToken, VerifySoftwareToken). */
  openAnyClient(token: string | undefined): OpenSession {
    if (!token) throw new CognitoError('InvalidParameterException', 'Missing required parameter Session');
    const id = idOf(token);
    const record = this.store.getSession(id);
    if (!record) throw invalidSession();
    if (record.expiresAt <= this.clock.now()) {
      this.store.deleteSession(id);
      throw invalidSession();
    }
    if (record.used) throw notAuthorized('Invalid session for the user, session can only be used once.');
    return { id, record };
  }

  /** The next step's session: same sign-in, new token. */
  renew(session: OpenSession, client: ClientRecord): string {
    this.consume(session);
    return this.create(client, session.record.username, session.record, session.record.state);
  }

  /** Used: a session answers one challenge only. Its record stays, marked, until it expires. */
  consume(session: OpenSession): void {
    this.store.putSession(session.id, { ...session.record, used: true });
  }

  update(session: OpenSession): void {
    this.store.putSession(session.id, session.record);
  }

  /**
   * A wrong answer: the session survives for another try until the third, which ends it.
   * Returns the error to throw.
   */
  fail(session: OpenSession, error: CognitoError): CognitoError {
    // Re-read inside a transaction: with several workers, guesses on one session can race.
    return this.store.transaction(() => {
      const current = this.store.getSession(session.id);
      if (!current) return notAuthorized('Invalid session for the user, too many failed attempts.');
      current.failedAttempts += 1;
      if (current.failedAttempts >= MAX_CHALLENGE_ATTEMPTS) {
        this.store.deleteSession(session.id);
        return notAuthorized('Invalid session for the user, too many failed attempts.');
      }
      this.store.putSession(session.id, { ...session.record, failedAttempts: current.failedAttempts });
      return error;
    });
  }
}
