/**
 * Verifying an e-mail address or phone number with a code: offered after sign-in (skippable),
 * entered or changed in account security (Cognito unverifies a changed value and, for an
 * auto-verified attribute, sends a code to it), or verified as it stands. Invoked by the auth
 * machine and by the security machine; its output says how it ended.
 */
import { assign, type DoneActorEvent, type ErrorActorEvent, fromPromise, setup } from 'xstate';
import { toAuthError } from './errors';
import type { AuthApi, AuthError, ContactAttribute } from './types';

export interface ContactInput {
  attribute: ContactAttribute;
  /** offer: ask first (after sign-in); enter: a new value; send: verify the value on file. */
  start: 'offer' | 'enter' | 'send';
}

export interface ContactContext extends ContactInput {
  outcome?: ContactOutcome['outcome'];
  destination?: string;
  error?: AuthError;
  notice?: 'codeResent';
}

export type ContactEvent = { type: 'SEND_CODE' } | { type: 'SKIP' } | { type: 'SUBMIT_VALUE'; value: string } | { type: 'SUBMIT_CODE'; code: string } | { type: 'RESEND' };

/** verified: confirmed with a code; saved: changed, no code needed; skipped: the user declined the offer. */
export type ContactOutcome = { outcome: 'verified' | 'saved' | 'skipped'; attribute: ContactAttribute };

const errorOf = (event: unknown) => toAuthError((event as ErrorActorEvent).error);

export function createContactMachine(api: AuthApi) {
  return setup({
    types: {
      context: {} as ContactContext,
      events: {} as ContactEvent,
      input: {} as ContactInput,
      output: {} as ContactOutcome,
      tags: {} as 'pending',
    },
    actors: {
      setContact: fromPromise<{ verificationSent: boolean; destination?: string }, { attribute: ContactAttribute; value: string }>(({ input }) => api.setContact(input)),
      sendContactCode: fromPromise<{ destination?: string }, { attribute: ContactAttribute }>(({ input }) => api.sendContactCode(input)),
      confirmContact: fromPromise<void, { attribute: ContactAttribute; code: string }>(({ input }) => api.confirmContact(input)),
    },
    actions: {
      setError: assign({ error: ({ event }) => errorOf(event), notice: undefined }),
      clearMessages: assign({ error: undefined, notice: undefined }),
      keepDestination: assign({ destination: ({ event, context }) => (event as unknown as DoneActorEvent<{ destination?: string }>).output.destination ?? context.destination }),
    },
  }).createMachine({
    id: 'contact',
    context: ({ input }) => ({ ...input }),
    initial: 'starting',
    output: ({ context }) => ({ outcome: context.outcome ?? 'skipped', attribute: context.attribute }),
    states: {
      starting: {
        always: [
          { guard: ({ context }) => context.start === 'offer', target: 'offer' },
          { guard: ({ context }) => context.start === 'enter', target: 'entering' },
          { target: 'sending' },
        ],
      },
      offer: { on: { SEND_CODE: { target: 'sending', actions: 'clearMessages' }, SKIP: 'skipped' } },
      entering: { on: { SUBMIT_VALUE: { target: 'saving', actions: 'clearMessages' } } },
      saving: {
        tags: 'pending',
        invoke: {
          src: 'setContact',
          input: ({ context, event }) => ({ attribute: context.attribute, value: event.type === 'SUBMIT_VALUE' ? event.value : '' }),
          onDone: [
            { guard: ({ event }) => event.output.verificationSent, target: 'verifying', actions: 'keepDestination' },
            { target: 'saved' },
          ],
          onError: { target: 'entering', actions: 'setError' },
        },
      },
      sending: {
        tags: 'pending',
        invoke: {
          src: 'sendContactCode',
          input: ({ context }) => ({ attribute: context.attribute }),
          onDone: { target: 'verifying', actions: 'keepDestination' },
          // Sending failed: back to where the user can try again.
          onError: [{ guard: ({ context }) => context.start === 'offer', target: 'offer', actions: 'setError' }, { target: 'verifying', actions: 'setError' }],
        },
      },
      verifying: {
        on: {
          SUBMIT_CODE: { target: 'confirming', actions: 'clearMessages' },
          RESEND: { target: 'resending', actions: 'clearMessages' },
        },
      },
      resending: {
        tags: 'pending',
        invoke: {
          src: 'sendContactCode',
          input: ({ context }) => ({ attribute: context.attribute }),
          onDone: { target: 'verifying', actions: ['keepDestination', assign({ notice: 'codeResent' as const })] },
          onError: { target: 'verifying', actions: 'setError' },
        },
      },
      confirming: {
        tags: 'pending',
        invoke: {
          src: 'confirmContact',
          input: ({ context, event }) => ({ attribute: context.attribute, code: event.type === 'SUBMIT_CODE' ? event.code : '' }),
          onDone: 'verified',
          onError: { target: 'verifying', actions: 'setError' },
        },
      },
      verified: { type: 'final', entry: assign({ outcome: 'verified' as const }) },
      saved: { type: 'final', entry: assign({ outcome: 'saved' as const }) },
      skipped: { type: 'final', entry: assign({ outcome: 'skipped' as const }) },
    },
  });
}

export type ContactMachine = ReturnType<typeof createContactMachine>;
