/**
 * Deleting one's own account, invoked by the security machine: the screen says what goes with it,
 * then the user proves it is them — the password, checked by the backend, or, for a user who signs
 * in through an identity provider (no password here), a sign-in in the last few minutes — and
 * Cognito deletes the account (DeleteUser). Ends deleted or cancelled.
 */
import { assign, type ErrorActorEvent, fromPromise, setup } from 'xstate';
import { toAuthError } from './errors';
import type { AuthApi, AuthError, ReturnTarget } from './types';

/** How long a provider sign-in counts as fresh enough to delete the account without another. */
export const RECENT_SIGN_IN_MS = 5 * 60_000;

/** password: type it; recentSignIn: just confirm; signInAgain: the sign-in is too old, sign in again first. */
export type DeletionProof = 'password' | 'recentSignIn' | 'signInAgain';

export interface DeleteAccountInput {
  proof: DeletionProof;
  /** Hosted /delete-account: where the user goes once the account is gone (kept across the domain's /logout). */
  returnTo?: ReturnTarget | undefined;
}

export interface DeleteAccountContext extends DeleteAccountInput {
  error?: AuthError;
  outcome?: DeleteAccountOutput['outcome'];
}

export type DeleteAccountEvent = { type: 'SUBMIT_DELETE'; password?: string } | { type: 'CANCEL' };

export type DeleteAccountOutput = { outcome: 'deleted' | 'cancelled' };

const errorOf = (event: unknown) => toAuthError((event as ErrorActorEvent).error);

export function createDeleteAccountMachine(api: AuthApi) {
  return setup({
    types: {
      context: {} as DeleteAccountContext,
      events: {} as DeleteAccountEvent,
      input: {} as DeleteAccountInput,
      output: {} as DeleteAccountOutput,
      tags: {} as 'pending',
    },
    actors: {
      verifyPassword: fromPromise<void, { password: string }>(({ input }) => api.verifyPassword(input)),
      deleteAccount: fromPromise<void, { returnTo?: ReturnTarget | undefined }>(({ input }) => api.deleteAccount(input)),
    },
    actions: {
      setError: assign({ error: ({ event }) => errorOf(event) }),
      clearError: assign({ error: undefined }),
    },
  }).createMachine({
    id: 'deleteAccount',
    context: ({ input }) => ({ proof: input.proof, returnTo: input.returnTo }),
    initial: 'confirming',
    output: ({ context }) => ({ outcome: context.outcome ?? 'cancelled' }),
    states: {
      confirming: {
        on: {
          SUBMIT_DELETE: [
            { guard: ({ context, event }) => context.proof === 'password' && Boolean(event.password), target: 'verifying', actions: 'clearError' },
            { guard: ({ context }) => context.proof === 'recentSignIn', target: 'deleting', actions: 'clearError' },
          ],
          CANCEL: 'cancelled',
        },
      },
      verifying: {
        tags: 'pending',
        invoke: {
          src: 'verifyPassword',
          input: ({ event }) => ({ password: event.type === 'SUBMIT_DELETE' ? (event.password ?? '') : '' }),
          onDone: 'deleting',
          onError: { target: 'confirming', actions: 'setError' },
        },
      },
      deleting: {
        tags: 'pending',
        invoke: {
          src: 'deleteAccount',
          input: ({ context }) => ({ returnTo: context.returnTo }),
          onDone: 'deleted',
          onError: { target: 'confirming', actions: 'setError' },
        },
      },
      deleted: { type: 'final', entry: assign({ outcome: 'deleted' as const }) },
      cancelled: { type: 'final', entry: assign({ outcome: 'cancelled' as const }) },
    },
  });
}

export type DeleteAccountMachine = ReturnType<typeof createDeleteAccountMachine>;
