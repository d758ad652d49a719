/**
 * "Forgot your password?": the username, a code to the medium and masked destination Cognito
 * names, then the code and a new password. Also entered when an administrator reset the password
 * (PasswordResetRequiredException at sign-in). Ends with the credentials the auth machine signs in
 * with, continuing into MFA when the user has it.
 */
import { assign, type ErrorActorEvent, fromPromise, setup } from 'xstate';
import { toAuthError } from './errors';
import type { AuthApi, AuthError, CodeDelivery } from './types';

export interface RecoveryInput {
  username: string;
  /** An administrator reset the password: the screen says so. */
  reason?: 'resetRequired';
}

export interface RecoveryContext extends RecoveryInput {
  delivery?: CodeDelivery;
  password: string;
  error?: AuthError;
  notice?: 'codeResent';
}

export type RecoveryEvent = { type: 'SUBMIT_USERNAME'; username: string } | { type: 'SUBMIT_RESET'; code: string; password: string } | { type: 'RESEND' };

export type RecoveryOutput = { username: string; password: string };

const errorOf = (event: unknown) => toAuthError((event as ErrorActorEvent).error);

export function createRecoveryMachine(api: AuthApi) {
  return setup({
    types: {
      context: {} as RecoveryContext,
      events: {} as RecoveryEvent,
      input: {} as RecoveryInput,
      output: {} as RecoveryOutput,
      tags: {} as 'pending',
    },
    actors: {
      resetPassword: fromPromise<CodeDelivery, { username: string }>(({ input }) => api.resetPassword(input)),
      confirmResetPassword: fromPromise<void, { username: string; code: string; newPassword: string }>(({ input }) => api.confirmResetPassword(input)),
    },
    guards: {
      /** A LEGACY app client says UserNotFoundException: the screen must not tell an unknown user apart. */
      unknownUser: ({ event }) => errorOf(event).kind === 'badCredentials',
    },
    actions: {
      setError: assign({ error: ({ event }) => errorOf(event), notice: undefined }),
      clearMessages: assign({ error: undefined, notice: undefined }),
      /** As a wrong code would: an unknown user's attempt fails the same way. */
      wrongCode: assign({ error: ({ event }) => ({ ...errorOf(event), kind: 'wrongCode' as const }), notice: undefined }),
    },
  }).createMachine({
    id: 'recovery',
    context: ({ input }) => ({ ...input, password: '' }),
    initial: 'requesting',
    output: ({ context }) => ({ username: context.username, password: context.password }),
    states: {
      requesting: {
        on: { SUBMIT_USERNAME: { target: 'sending', actions: [assign({ username: ({ event }) => event.username.trim() }), 'clearMessages'] } },
      },
      sending: {
        tags: 'pending',
        invoke: {
          src: 'resetPassword',
          input: ({ context }) => ({ username: context.username }),
          onDone: { target: 'confirming', actions: assign({ delivery: ({ event }) => event.output }) },
          onError: [
            { guard: 'unknownUser', target: 'confirming', actions: assign({ delivery: undefined }) },
            { target: 'requesting', actions: 'setError' },
          ],
        },
      },
      confirming: {
        on: {
          SUBMIT_RESET: { target: 'submitting', actions: [assign({ password: ({ event }) => event.password }), 'clearMessages'] },
          RESEND: { target: 'resending', actions: 'clearMessages' },
        },
      },
      resending: {
        tags: 'pending',
        invoke: {
          src: 'resetPassword',
          input: ({ context }) => ({ username: context.username }),
          onDone: { target: 'confirming', actions: assign({ delivery: ({ event }) => event.output, notice: 'codeResent' as const }) },
          onError: [
            { guard: 'unknownUser', target: 'confirming', actions: assign({ notice: 'codeResent' as const }) },
            { target: 'confirming', actions: 'setError' },
          ],
        },
      },
      submitting: {
        tags: 'pending',
        invoke: {
          src: 'confirmResetPassword',
          input: ({ context, event }) => ({ username: context.username, code: event.type === 'SUBMIT_RESET' ? event.code : '', newPassword: context.password }),
          onDone: 'done',
          onError: [
            { guard: 'unknownUser', target: 'confirming', actions: ['wrongCode', assign({ password: '' })] },
            { target: 'confirming', actions: ['setError', assign({ password: '' })] },
          ],
        },
      },
      done: { type: 'final' },
    },
  });
}

export type RecoveryMachine = ReturnType<typeof createRecoveryMachine>;
