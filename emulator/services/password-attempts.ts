/**
 * Password checks with Cognito's lockout: five wrong passwords, then a lock that doubles with each
 * further failure, up to 15 minutes.
 *
 * A check's outcome is unknown while it runs, so a check must hold a slot: at most as many checks
 * run at once as the user has wrong guesses left. A request that finds no free slot waits for one
 * (it is never refused for being concurrent), so 32 clients signing one user in with the right
 * password all succeed, while 32 parallel wrong guesses get exactly five checks and then the lock.
 * Slots are leases kept in the user's record (shared by every worker process on the SQLite file)
 * and expire on their own should a process die mid-check.
 */
import { CognitoError, notAuthorized } from '../errors.js';
import { nowSeconds, type Clock } from './clock.js';
import type { UserRecord } from './model.js';
import type { Store } from './store.js';

const FREE_FAILURES = 5;
const MAX_LOCK_SECONDS = 15 * 60;
/** A check takes milliseconds; a lease older than this belonged to a process that died. */
const LEASE_MS = 30_000;
/** A waiter gives up after this long (the user is then hammered far beyond any real client). */
const MAX_WAIT_MS = 15_000;
/** Other worker processes release slots too; they can't notify this one, so waiters also poll. */
const POLL_MS = 15;

export interface PasswordCheckOptions {
  /** The error for a locked user: sign-in says NotAuthorizedException, ChangePassword LimitExceededException. */
  locked?: () => CognitoError;
}

const signInLocked = () => notAuthorized('Password attempts exceeded');

/** How many checks may run at once: the failures left, or one at a time once a lock has expired. */
const slotsFor = (user: UserRecord) => (user.failedSignIns < FREE_FAILURES ? FREE_FAILURES - user.failedSignIns : 1);

export class PasswordAttempts {
  private readonly waiters = new Map<string, Set<() => void>>();
  private nextLease = 1;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  /**
   * Runs `check` (does the password match?) inside a slot and records its outcome: a match clears
   * the failures, a miss counts one and may lock the user. Returns the outcome.
   */
  async check(poolId: string, username: string, check: () => Promise<boolean>, options: PasswordCheckOptions = {}): Promise<boolean> {
    const lease = await this.acquire(poolId, username, options.locked ?? signInLocked);
    let ok = false;
    try {
      ok = await check();
      return ok;
    } finally {
      this.release(poolId, username, lease, ok);
    }
  }

  private async acquire(poolId: string, username: string, locked: () => CognitoError): Promise<string> {
    const key = `${poolId}\u0000${username}`;
    const deadline = Date.now() + MAX_WAIT_MS;
    for (;;) {
      const lease = this.tryAcquire(poolId, username, locked);
      if (lease) return lease;
      if (Date.now() > deadline) throw new CognitoError('TooManyRequestsException', 'Too many requests');
      await new Promise<void>((resolve) => {
        const set = this.waiters.get(key) ?? new Set();
        const wake = () => {
          clearTimeout(timer);
          set.delete(wake);
          if (set.size === 0) this.waiters.delete(key);
          resolve();
        };
        const timer = setTimeout(wake, POLL_MS);
        set.add(wake);
        this.waiters.set(key, set);
      });
    }
  }

  private tryAcquire(poolId: string, username: string, locked: () => CognitoError): string | undefined {
    return this.store.transaction(() => {
      const user = this.store.getUser(poolId, username);
      if (!user) return `${process.pid}:${this.nextLease++}`; // deleted meanwhile: the check itself fails
      if (user.lockedUntil > nowSeconds(this.clock)) throw locked();
      const now = Date.now();
      const live = (user.passwordChecks ?? []).filter(([, expires]) => expires > now);
      if (live.length >= slotsFor(user)) return undefined;
      const lease = `${process.pid}:${this.nextLease++}`;
      user.passwordChecks = [...live, [lease, now + LEASE_MS]];
      this.store.updateUser(poolId, user);
      return lease;
    });
  }

  private release(poolId: string, username: string, lease: string, ok: boolean): void {
    try {
      this.store.transaction(() => {
        const user = this.store.getUser(poolId, username);
        if (!user) return;
        user.passwordChecks = (user.passwordChecks ?? []).filter(([id]) => id !== lease);
        if (ok) {
          user.failedSignIns = 0;
          user.lockedUntil = 0;
        } else {
          user.failedSignIns += 1;
          if (user.failedSignIns >= FREE_FAILURES) {
            user.lockedUntil = nowSeconds(this.clock) + Math.min(2 ** (user.failedSignIns - FREE_FAILURES) * 60, MAX_LOCK_SECONDS);
          }
        }
        this.store.updateUser(poolId, user);
      });
    } finally {
      for (const wake of [...(this.waiters.get(`${poolId}\u0000${username}`) ?? [])]) wake();
    }
  }
}

/** What an administrator's new password, or a completed reset, does to the lockout. */
export function clearLockout(user: UserRecord): void {
  user.failedSignIns = 0;
  user.lockedUntil = 0;
}
