/**
 * Self-registration: the form, then the code Cognito sends (to the masked destination it names),
 * with resend. Also entered when an unconfirmed user signs in: then it starts by sending a fresh
 * code. Ends with the credentials, and whether Amplify's autoSignIn is armed (a sign-up made here).
 */
import { assign, type ErrorActorEvent, fromPromise, setup } from 'xstate';
import { toAuthError } from './errors';
import type { AuthApi, AuthError, CodeDelivery } from './types';

export interface SignUpInput {
  username?: string;
  password?: string;
  /** An unconfirmed user from the sign-in screen: send a fresh code and confirm. */
  confirmOnly?: boolean;
}

export interface SignUpContext {
  username: string;
  password: string;
  confirmOnly: boolean;
  delivery?: CodeDelivery;
  error?: AuthError;
  notice?: 'codeResent';
}

export type SignUpEvent =
  | { type: 'SUBMIT_SIGN_UP'; username: string; email: string; phoneNumber?: string; password: string }
  | { type: 'SUBMIT_CODE'; code: string }
  | { type: 'RESEND' };

export type SignUpOutput = { username: string; password: string; autoSignIn: boolean };

const errorOf = (event: unknown) => toAuthError((event as ErrorActorEvent).error);

export function createSignUpMachine(api: AuthApi) {
  return setup({
    types: {
      context: {} as SignUpContext,
      events: {} as SignUpEvent,
      input: {} as SignUpInput,
      output: {} as SignUpOutput,
      tags: {} as 'pending',
    },
    actors: {
      signUp: fromPromise<{ confirmed: boolean; delivery?: CodeDelivery }, { username: string; password: string; email: string; phoneNumber?: string }>(({ input }) => api.signUp(input)),
      confirmSignUp: fromPromise<void, { username: string; code: string }>(({ input }) => api.confirmSignUp(input)),
      resendSignUpCode: fromPromise<CodeDelivery, { username: string }>(({ input }) => api.resendSignUpCode(input)),
    },
    actions: {
      setError: assign({ error: ({ event }) => errorOf(event), notice: undefined }),
      clearMessages: assign({ error: undefined, notice: undefined }),
    },
  }).createMachine({
    id: 'signUp',
    context: ({ input }) => ({ username: input.username ?? '', password: input.password ?? '', confirmOnly: input.confirmOnly ?? false }),
    initial: 'starting',
    output: ({ context }) => ({ username: context.username, password: context.password, autoSignIn: !context.confirmOnly }),
    states: {
      starting: { always: [{ guard: ({ context }) => context.confirmOnly, target: 'resending' }, { target: 'form' }] },
      form: {
        on: {
          SUBMIT_SIGN_UP: {
            target: 'submitting',
            actions: [assign({ username: ({ event }) => event.username.trim(), password: ({ event }) => event.password }), 'clearMessages'],
          },
        },
      },
      submitting: {
        tags: 'pending',
        invoke: {
          src: 'signUp',
          input: ({ context, event }) => ({
            username: context.username,
            password: context.password,
            email: event.type === 'SUBMIT_SIGN_UP' ? event.email.trim() : '',
            ...(event.type === 'SUBMIT_SIGN_UP' && event.phoneNumber ? { phoneNumber: event.phoneNumber } : {}),
          }),
          onDone: [
            { guard: ({ event }) => event.output.confirmed, target: 'done' },
            { target: 'confirming', actions: assign({ delivery: ({ event }) => event.output.delivery }) },
          ],
          // Nothing of a refused sign-up stays in memory but the username.
          onError: { target: 'form', actions: ['setError', assign({ password: '' })] },
        },
      },
      confirming: {
        on: {
          SUBMIT_CODE: { target: 'confirmingCode', actions: 'clearMessages' },
          RESEND: { target: 'resending', actions: 'clearMessages' },
        },
      },
      resending: {
        tags: 'pending',
        invoke: {
          src: 'resendSignUpCode',
          input: ({ context }) => ({ username: context.username }),
          onDone: {
            target: 'confirming',
            // The first send for an unconfirmed user is not a "new code" to them.
            actions: assign({ delivery: ({ event }) => event.output, notice: ({ context }) => (context.delivery ? ('codeResent' as const) : undefined) }),
          },
          onError: { target: 'confirming', actions: 'setError' },
        },
      },
      confirmingCode: {
        tags: 'pending',
        invoke: {
          src: 'confirmSignUp',
          input: ({ context, event }) => ({ username: context.username, code: event.type === 'SUBMIT_CODE' ? event.code : '' }),
          onDone: 'done',
          onError: { target: 'confirming', actions: 'setError' },
        },
      },
      done: { type: 'final' },
    },
  });
}

export type SignUpMachine = ReturnType<typeof createSignUpMachine>;
