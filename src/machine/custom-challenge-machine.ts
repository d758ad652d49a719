/**
 * A custom challenge (Cognito's CUSTOM_CHALLENGE, from the pool's Define/Create/Verify auth
 * challenge triggers): the challenge's public parameters, the user's answer, and whatever the
 * trigger decides next — another challenge, a further step (MFA…), or a refusal.
 */
import { assign, type DoneActorEvent, type ErrorActorEvent, fromPromise, setup } from 'xstate';
import { toAuthError } from './errors';
import type { AuthApi, AuthError, SignInResult } from './types';

export interface CustomChallengeInput {
  parameters: Record<string, string>;
}

export interface CustomChallengeContext {
  parameters: Record<string, string>;
  /** Challenges answered in this sign-in. */
  round: number;
  /** The same challenge came back after an answer: the trigger did not accept it. */
  notice?: 'notAccepted';
  error?: AuthError;
  /** Set when the trigger's decision is a step past the challenges. */
  next?: SignInResult;
}

export type CustomChallengeEvent = { type: 'SUBMIT_ANSWER'; answer: string };

/** The next step of the sign-in; or how it ended here (refused, e.g. out of tries). */
export type CustomChallengeOutput = { next: SignInResult } | { failed: AuthError };

const resultOf = (event: unknown) => (event as DoneActorEvent<SignInResult>).output;
const errorOf = (event: unknown) => toAuthError((event as ErrorActorEvent).error);

const sameParameters = (a: Record<string, string>, b: Record<string, string>) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);

export function createCustomChallengeMachine(api: AuthApi) {
  return setup({
    types: {
      context: {} as CustomChallengeContext,
      events: {} as CustomChallengeEvent,
      input: {} as CustomChallengeInput,
      output: {} as CustomChallengeOutput,
      tags: {} as 'pending',
    },
    actors: {
      answer: fromPromise<SignInResult, { answer: string }>(({ input }) => api.confirmSignIn({ response: input.answer })),
    },
    guards: {
      anotherChallenge: ({ event }) => resultOf(event).step === 'CUSTOM_CHALLENGE',
      /** Errors the user can retry the same answer after (the sign-in is still in progress). */
      retryable: ({ event }) => ['network', 'tooManyRequests', 'invalidInput'].includes(errorOf(event).kind),
    },
  }).createMachine({
    id: 'customChallenge',
    context: ({ input }) => ({ parameters: input.parameters, round: 0 }),
    initial: 'answering',
    states: {
      answering: {
        on: { SUBMIT_ANSWER: { target: 'checking', guard: ({ event }) => event.answer.trim() !== '', actions: assign({ error: undefined, notice: undefined }) } },
      },
      checking: {
        tags: 'pending',
        invoke: {
          src: 'answer',
          input: ({ event }) => ({ answer: event.type === 'SUBMIT_ANSWER' ? event.answer.trim() : '' }),
          onDone: [
            {
              guard: 'anotherChallenge',
              target: 'answering',
              actions: assign(({ context, event }) => {
                const result = resultOf(event);
                const parameters = result.step === 'CUSTOM_CHALLENGE' ? result.parameters : {};
                return { parameters, round: context.round + 1, notice: sameParameters(parameters, context.parameters) ? ('notAccepted' as const) : undefined };
              }),
            },
            { target: 'done', actions: assign({ next: ({ event }) => resultOf(event) }) },
          ],
          onError: [
            { guard: 'retryable', target: 'answering', actions: assign({ error: ({ event }) => errorOf(event) }) },
            { target: 'failed', actions: assign({ error: ({ event }) => errorOf(event) }) },
          ],
        },
      },
      done: { type: 'final' },
      failed: { type: 'final' },
    },
    output: ({ context }): CustomChallengeOutput =>
      context.next ? { next: context.next } : { failed: context.error ?? { kind: 'unknown', name: 'Error', message: 'The sign-in ended.' } },
  });
}

export type CustomChallengeMachine = ReturnType<typeof createCustomChallengeMachine>;
