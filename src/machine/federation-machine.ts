/**
 * Federated sign-in, invoked by the auth machine: off to the identity provider through the pool
 * domain, and the return from it, which ends in one of three ways: signed in; an error from the
 * provider or Cognito, explained, with "try again" and "choose another way"; or a cancelled
 * sign-in, back to the sign-in screen. A return starts this machine afresh on a new page load
 * (`resume`), since the browser left the page in between.
 */
import { assign, type ErrorActorEvent, fromPromise, setup } from 'xstate';
import { providerReturnError, toAuthError } from './errors';
import type { FederationTarget } from './federation';
import type { ProviderReturn } from '../hosted/round-trip';
import type { AuthApi, AuthError, ReturnTarget } from './types';

export interface FederationInput {
  target: FederationTarget;
  /** Where a hosted sign-in hands the user back, kept across the round trip. */
  returnTo?: ReturnTarget | undefined;
  initialFlow?: 'signUp' | 'recovery' | undefined;
  /** Back from the provider: what its return URL said. */
  resume?: ProviderReturn | undefined;
}

export interface FederationContext {
  target: FederationTarget;
  returnTo?: ReturnTarget | undefined;
  initialFlow?: 'signUp' | 'recovery' | undefined;
  resume?: ProviderReturn | undefined;
  error?: AuthError;
  outcome?: FederationOutput['outcome'];
}

export type FederationEvent = { type: 'RETRY' } | { type: 'CANCEL' };

export type FederationOutput = { outcome: 'signedIn' } | { outcome: 'cancelled' } | { outcome: 'back' };

const errorOf = (event: unknown) => toAuthError((event as ErrorActorEvent).error);

export function createFederationMachine(api: AuthApi) {
  return setup({
    types: {
      context: {} as FederationContext,
      events: {} as FederationEvent,
      input: {} as FederationInput,
      output: {} as FederationOutput,
      tags: {} as 'pending',
    },
    actors: {
      federatedSignIn: fromPromise<void, Pick<FederationContext, 'target' | 'returnTo' | 'initialFlow'>>(({ input }) => api.federatedSignIn(input)),
      completeFederatedSignIn: fromPromise<void, { label: string }>(({ input }) => api.completeFederatedSignIn(input)),
      settleFederatedReturn: fromPromise<void>(() => api.settleFederatedReturn()),
      backWithoutSignIn: fromPromise<void>(() => api.backWithoutSignIn()),
      abandonFederatedSignIn: fromPromise<void>(() => api.abandonFederatedSignIn()),
    },
    guards: {
      cancelled: ({ event }) => errorOf(event).kind === 'providerCancelled',
    },
  }).createMachine({
    id: 'federation',
    context: ({ input }) => ({ target: input.target, returnTo: input.returnTo, initialFlow: input.initialFlow, resume: input.resume }),
    initial: 'starting',
    states: {
      starting: {
        always: [
          { guard: ({ context }) => context.resume === undefined, target: 'redirecting' },
          { guard: ({ context }) => context.resume?.outcome === 'code', target: 'completing' },
          { target: 'settling' },
        ],
      },
      /** Back without a code: Amplify sees the return first (it ends its sign-in in flight), then what the return said. */
      settling: {
        tags: 'pending',
        invoke: {
          src: 'settleFederatedReturn',
          onDone: [
            {
              guard: ({ context }) => context.resume?.outcome === 'error',
              target: 'failed',
              actions: assign({ error: ({ context }) => (context.resume?.outcome === 'error' ? providerReturnError(context.resume.error, context.resume.description) : undefined) }),
            },
            // Back with neither a code nor an error: the person left the provider's page another way.
            { target: 'cancelled' },
          ],
          onError: { target: 'failed', actions: assign({ error: ({ event }) => errorOf(event) }) },
        },
      },
      redirecting: {
        tags: 'pending',
        invoke: {
          src: 'federatedSignIn',
          input: ({ context }) => ({ target: context.target, returnTo: context.returnTo, initialFlow: context.initialFlow }),
          onDone: 'away',
          onError: { target: 'failed', actions: assign({ error: ({ event }) => errorOf(event) }) },
        },
      },
      /** The browser is on its way to the provider; should this page show again (back button), it was a cancel. */
      away: {
        tags: 'pending',
        invoke: { src: 'backWithoutSignIn', onDone: 'cancelled', onError: 'cancelled' },
        // A provider slow to answer: the person may choose another way meanwhile.
        on: { CANCEL: 'abandoning' },
      },
      abandoning: {
        tags: 'pending',
        invoke: { src: 'abandonFederatedSignIn', onDone: 'back', onError: 'back' },
      },
      completing: {
        tags: 'pending',
        invoke: {
          src: 'completeFederatedSignIn',
          input: ({ context }) => ({ label: context.target.label }),
          onDone: 'signedIn',
          onError: [
            { guard: 'cancelled', target: 'cancelled' },
            { target: 'failed', actions: assign({ error: ({ event }) => errorOf(event) }) },
          ],
        },
      },
      failed: {
        always: { guard: ({ context }) => context.error?.kind === 'providerCancelled', target: 'cancelled' },
        on: {
          RETRY: { target: 'redirecting', actions: assign({ error: undefined, resume: undefined }) },
          CANCEL: 'back',
        },
      },
      signedIn: { type: 'final', entry: assign({ outcome: 'signedIn' as const }) },
      cancelled: { type: 'final', entry: assign({ outcome: 'cancelled' as const }) },
      back: { type: 'final', entry: assign({ outcome: 'back' as const }) },
    },
    output: ({ context }) => ({ outcome: context.outcome ?? 'back' }),
  });
}

export type FederationMachine = ReturnType<typeof createFederationMachine>;
