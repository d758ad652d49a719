/** Deleting one's own account: the proof asked for, the backend's answers, and how the sign-in flow ends after it. */
import { describe, expect, it, vi } from 'vitest';
import { type ActorRefFrom, createActor, waitFor } from 'xstate';
import { CognitoLikeError, createFakeApi } from '../testing/fake-api';
import { createAuthMachine, type ReturnTarget } from './auth-machine';
import { createDeleteAccountMachine, type DeleteAccountMachine, type DeletionProof, RECENT_SIGN_IN_MS } from './delete-account-machine';
import { deletionProof, type SecurityMachine } from './security-machine';
import type { AuthApi, SecurityState } from './types';

const NATIVE = { username: 'ann', attributes: { sub: '1', email: 'ann@example.com' } };
const GOOGLE = { username: 'Google_123', attributes: { sub: '2', identities: JSON.stringify([{ userId: '123', providerName: 'Google' }]) } };
const wrongPassword = () => Promise.reject(new CognitoLikeError('NotAuthorizedException', 'Incorrect username or password.'));

function deletion(proof: DeletionProof, overrides: Partial<AuthApi> = {}) {
  const fake = createFakeApi({ verifyPassword: ({ password }) => (password === 'right' ? Promise.resolve() : wrongPassword()), deleteAccount: () => Promise.resolve(), ...overrides });
  const actor = createActor(createDeleteAccountMachine(fake.api), { input: { proof } });
  actor.start();
  return { actor, ...fake };
}

describe('the proof a deletion asks for', () => {
  it('the password; a wrong one stays on the form with the error, and nothing is deleted', async () => {
    const { actor, calls } = deletion('password');
    actor.send({ type: 'SUBMIT_DELETE', password: 'wrong' });
    const s = await waitFor(actor, (x) => x.matches('confirming') && x.context.error !== undefined);
    expect(s.context.error?.kind).toBe('badCredentials');
    expect(calls.some((c) => c.method === 'deleteAccount')).toBe(false);
    actor.send({ type: 'SUBMIT_DELETE', password: 'right' });
    await waitFor(actor, (x) => x.status === 'done');
    expect(actor.getSnapshot().output).toEqual({ outcome: 'deleted' });
    expect(calls.map((c) => c.method)).toEqual(['verifyPassword', 'verifyPassword', 'deleteAccount']);
  });

  it('no password given, no deletion: the form asks for it', () => {
    const { actor, calls } = deletion('password');
    actor.send({ type: 'SUBMIT_DELETE' });
    expect(actor.getSnapshot().matches('confirming')).toBe(true);
    expect(calls).toEqual([]);
  });

  it('a fresh provider sign-in: just the confirmation', async () => {
    const { actor, calls } = deletion('recentSignIn');
    actor.send({ type: 'SUBMIT_DELETE' });
    await waitFor(actor, (x) => x.status === 'done');
    expect(calls.map((c) => c.method)).toEqual(['deleteAccount']);
  });

  it('a provider sign-in too old: nothing deletes until the user signs in again', () => {
    const { actor, calls } = deletion('signInAgain');
    actor.send({ type: 'SUBMIT_DELETE' });
    expect(actor.getSnapshot().matches('confirming')).toBe(true);
    expect(calls).toEqual([]);
    actor.send({ type: 'CANCEL' });
    expect(actor.getSnapshot().output).toEqual({ outcome: 'cancelled' });
  });

  it('DeleteUser refused (offline, the session revoked): the error, and the user may try again', async () => {
    let tries = 0;
    const { actor } = deletion('recentSignIn', { deleteAccount: () => (tries++ === 0 ? Promise.reject(new TypeError('Failed to fetch')) : Promise.resolve()) });
    actor.send({ type: 'SUBMIT_DELETE' });
    const s = await waitFor(actor, (x) => x.context.error !== undefined);
    expect(s.context.error?.kind).toBe('network');
    actor.send({ type: 'SUBMIT_DELETE' });
    await waitFor(actor, (x) => x.status === 'done');
    expect(actor.getSnapshot().output).toEqual({ outcome: 'deleted' });
  });

  it('is chosen from the account: the password for a native user, a sign-in in the last five minutes for a provider\'s user', () => {
    const now = 1_800_000_000_000;
    const state = (user: SecurityState['user'], authTime?: number): SecurityState => ({ user, mfa: { enabled: [] }, ...(authTime !== undefined ? { authTime } : {}) });
    expect(deletionProof(state(NATIVE, now - 3_600_000), now)).toBe('password');
    expect(deletionProof(state(GOOGLE, now - 60_000), now)).toBe('recentSignIn');
    expect(deletionProof(state(GOOGLE, now - RECENT_SIGN_IN_MS - 1), now)).toBe('signInAgain');
    expect(deletionProof(state(GOOGLE), now)).toBe('signInAgain');
  });
});

describe('in the sign-in flow', () => {
  function signedIn(input: { deleteAccount?: boolean; returnTo?: ReturnTarget } = {}) {
    const left: ReturnTarget[] = [];
    const onAccountDeleted = vi.fn();
    const fake = createFakeApi({
      restoreSession: () => Promise.resolve({ user: NATIVE }),
      loadSecurity: () => Promise.resolve({ user: NATIVE, mfa: { enabled: [] } }),
      verifyPassword: () => Promise.resolve(),
      deleteAccount: () => Promise.resolve(),
    });
    const actor = createActor(createAuthMachine(fake.api, { leave: (target) => left.push(target), onAccountDeleted }), { input: { codeValidityMs: 180_000, verifyEmail: false, ...input } });
    actor.start();
    const security = () => actor.getSnapshot().children.security as ActorRefFrom<SecurityMachine> | undefined;
    const deleting = () => security()?.getSnapshot().children.deleteAccount as ActorRefFrom<DeleteAccountMachine> | undefined;
    return { actor, left, onAccountDeleted, security, deleting, ...fake };
  }

  it('deleted from account security: the sign-in screen says the account is gone, and the host hears of it', async () => {
    const { actor, security, deleting, onAccountDeleted, calls } = signedIn();
    await waitFor(actor, (s) => s.matches({ signedIn: 'home' }));
    actor.send({ type: 'OPEN_ACCOUNT' });
    await vi.waitFor(() => expect(security()?.getSnapshot().matches('ready')).toBe(true));
    security()!.send({ type: 'DELETE_ACCOUNT' });
    await vi.waitFor(() => expect(deleting()).toBeDefined());
    deleting()!.send({ type: 'SUBMIT_DELETE', password: 'pw' });
    const s = await waitFor(actor, (x) => x.matches('signIn'));
    expect(s.context.notice).toBe('accountDeleted');
    expect(s.context.user).toBeUndefined();
    expect(onAccountDeleted).toHaveBeenCalledTimes(1);
    expect(calls.find((c) => c.method === 'deleteAccount')?.args).toEqual([{ returnTo: undefined }]);
  });

  it('cancelled: back to account security, nothing deleted', async () => {
    const { actor, security, deleting, calls } = signedIn();
    await waitFor(actor, (s) => s.matches({ signedIn: 'home' }));
    actor.send({ type: 'OPEN_ACCOUNT' });
    await vi.waitFor(() => expect(security()?.getSnapshot().matches('ready')).toBe(true));
    security()!.send({ type: 'DELETE_ACCOUNT' });
    await vi.waitFor(() => expect(deleting()).toBeDefined());
    deleting()!.send({ type: 'CANCEL' });
    await vi.waitFor(() => expect(security()?.getSnapshot().matches('ready')).toBe(true));
    expect(actor.getSnapshot().matches({ signedIn: 'account' })).toBe(true);
    expect(calls.some((c) => c.method === 'deleteAccount')).toBe(false);
  });

  it('hosted /delete-account: straight to the deletion, then back to the relying app; cancelled, back all the same', async () => {
    const returnTo: ReturnTarget = { kind: 'redirect', uri: 'https://app.example/bye', state: 's1' };
    for (const how of ['delete', 'cancel'] as const) {
      const { actor, deleting, left, calls } = signedIn({ deleteAccount: true, returnTo });
      await vi.waitFor(() => expect(deleting()).toBeDefined());
      deleting()!.send(how === 'delete' ? { type: 'SUBMIT_DELETE', password: 'pw' } : { type: 'CANCEL' });
      await waitFor(actor, (s) => s.matches('leaving'));
      expect(left, how).toEqual([returnTo]);
      expect(calls.some((c) => c.method === 'deleteAccount'), how).toBe(how === 'delete');
      if (how === 'delete') expect(calls.find((c) => c.method === 'deleteAccount')?.args).toEqual([{ returnTo }]);
    }
  });
});
