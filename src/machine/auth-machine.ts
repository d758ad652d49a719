/**
 * The sign-in flow as one explicit state machine. Top-level states map one-to-one to screens
 * (see screens/index.tsx); `pending` tags mark the states in which a call is in flight.
 * All backend calls are injected actors built from an AuthApi (Amplify in the app, fakes in tests).
 */
import { assign, type DoneActorEvent, type ErrorActorEvent, fromPromise, setup, stopChild } from 'xstate';
import { toAuthError } from './errors';
import type { AuthApi, AuthError, AuthErrorKind, FirstFactor, MfaType, RestoredSession, ReturnTarget, SignInResult, UserInfo } from './types';
import { createContactMachine } from './contact-machine';
import { federationOf, type FederationTarget, type ProviderOption, ssoTargetFor, targetFor } from './federation';
import { createFederationMachine, type FederationOutput } from './federation-machine';
import type { ProviderReturn } from '../hosted/round-trip';
import { createRecoveryMachine } from './recovery-machine';
import type { SecurityInput, SecurityMachine, SecurityOutput } from './security-machine';
import { createSignUpMachine } from './sign-up-machine';
import { accountState, challengeState, codeChallenge, customChallengeState, mfaChoice, sessionAwareError } from './auth-machine-states';
import { createCustomChallengeMachine, type CustomChallengeOutput } from './custom-challenge-machine';

/** Why the user is back on the sign-in screen, shown there as a message. */
export type Notice = 'signedOut' | 'sessionEnded' | 'codeExpired' | 'interrupted' | 'codeResent' | 'providerCancelled' | 'accountDeleted';

export interface AuthContext {
  username: string;
  /** Kept only while a challenge lasts, to resend an SMS or e-mail code (which restarts the sign-in). */
  password: string;
  /** Where the SMS or e-mail code went (masked). */
  codeDestination?: string;
  /** When the current code stops working (ms since epoch). */
  codeExpiresAt?: number;
  mfaChoices: MfaType[];
  /** The factor chosen from several: a resend (a new sign-in) chooses it again. */
  chosenMfa?: MfaType;
  /** Choice-based sign-in (config passwordless): username first, then a first factor. */
  passwordless: boolean;
  /** Custom challenges without SRP (config authFlow "customWithoutSrp"): the username alone starts the sign-in. */
  usernameOnly: boolean;
  firstFactors: FirstFactor[];
  /** The code-sending first factor chosen: a resend starts the choice-based sign-in with it again. */
  firstFactor?: FirstFactor;
  /** The pool remembers devices when the user asks (config rememberDevices "onUserPrompt"): offer it with the code. */
  offerRememberDevice: boolean;
  /** The user ticked "remember this device" with the code. */
  rememberDevice: boolean;
  /** Remembering failed: signed in all the same, and told so on the signed-in screen. */
  deviceNotRemembered?: boolean;
  /** The account-security machine, once loaded. */
  securityLogic?: SecurityMachine;
  /** "Sign in" pressed while the session was still being restored (the prerendered form is usable at once). */
  queuedSignIn?: { username: string; password: string; passwordless?: boolean };
  /** "Continue with <provider>" pressed while the session was still being restored. */
  queuedProvider?: string;
  totpSetup?: { secret: string; uri: string };
  /** Attributes the pool requires that the user lacks, asked for with a new password. */
  requiredAttributes: string[];
  unsupportedStep?: string;
  user?: UserInfo;
  error?: AuthError;
  notice?: Notice;
  codeValidityMs: number;
  mfaRequired: boolean;
  /** Hosted-UI mode: where to send the user once signed in (or signed out, with `logout`). */
  returnTo?: ReturnTarget;
  logout?: { global: boolean };
  /** Hosted /delete-account: once signed in, straight to deleting the account, then leave for `returnTo`. */
  deleteAccount?: boolean;
  openAccount: boolean;
  /** Self-registration is offered (config `signUp`). */
  signUpEnabled: boolean;
  /** Offer to verify an unverified e-mail right after a sign-in (config `verifyEmail`). */
  verifyEmail: boolean;
  /** Set by a sign-in in this page (not a restored session): the e-mail offer is made once, then. */
  justSignedIn: boolean;
  /** Hosted /signup and /forgot-password: the flow to open when nobody is signed in. */
  initialFlow?: 'signUp' | 'recovery';
  /** Why a sign-in led into recovery or sign-up: an administrator's reset, or an unconfirmed account. */
  flowReason?: 'resetRequired' | 'unconfirmed';
  /** Identity providers offered (config `providers`); none when federation can't run here (no oauth, or framed). */
  providers: ProviderOption[];
  /** The federated sign-in under way, and, back from the provider, what its return said. */
  federation?: { target: FederationTarget; resume?: ProviderReturn };
}

export type { ReturnTarget };

/** What the page around the machine does: leave for the relying app, tell an embedding host. */
export interface AuthHost {
  now?: () => number;
  /** Hand the user back to the relying app (redirect or postMessage). */
  leave?: (target: ReturnTarget, user: UserInfo | undefined) => void;
  /** Library mode: the host app's callback. */
  onSignedIn?: (user: UserInfo) => void;
  /** Library mode: the user deleted their account (they are signed out). */
  onAccountDeleted?: () => void;
}

export type AuthEvent =
  | { type: 'SUBMIT_SIGN_IN'; username: string; password: string }
  /** `remember`: the "remember this device" box, on MFA code screens. */
  | { type: 'SUBMIT_CODE'; code: string; remember?: boolean }
  | { type: 'SUBMIT_EMAIL'; email: string }
  /** Choice-based sign-in: the username, a first factor, the password when that was the choice. */
  | { type: 'SUBMIT_USERNAME'; username: string }
  | { type: 'CHOOSE_FIRST_FACTOR'; factor: FirstFactor }
  | { type: 'SUBMIT_PASSWORD'; password: string }
  | { type: 'SUBMIT_NEW_PASSWORD'; password: string; attributes?: Record<string, string> }
  | { type: 'FORGOT_PASSWORD'; username: string }
  | { type: 'SIGN_UP' }
  | { type: 'CHOOSE_MFA'; mfa: MfaType }
  | { type: 'RESEND_CODE' }
  | { type: 'CANCEL' }
  | { type: 'OPEN_ACCOUNT' }
  | { type: 'CLOSE_ACCOUNT' }
  | { type: 'SIGN_OUT'; global?: boolean }
  | { type: 'RETRY' }
  /** "Continue with <provider>", by its Cognito name. */
  | { type: 'SIGN_IN_WITH_PROVIDER'; provider: string }
  /** An e-mail of a single sign-on domain, typed into sign-up or recovery: its account is the provider's. */
  | { type: 'SIGN_IN_WITH_SSO'; email: string }
  /** Account security ended on its own: the account was deleted, or a hosted deletion cancelled. */
  | { type: 'xstate.done.actor.security'; output: SecurityOutput };

export interface AuthMachineInput {
  /** The app client's AuthSessionValidity: SMS codes stop working after it. */
  codeValidityMs: number;
  /** The pool requires MFA (from config): account security won't turn off the last factor. */
  mfaRequired?: boolean;
  returnTo?: ReturnTarget;
  /** /logout: sign out (everywhere when global), then leave for `returnTo` if given. */
  logout?: { global: boolean };
  /** /delete-account: sign in if needed, delete the account, then leave for `returnTo` if given. */
  deleteAccount?: boolean;
  /** Open account security once signed in (library `initialScreen: 'account'`). */
  openAccount?: boolean;
  signUpEnabled?: boolean;
  /** Default true. */
  verifyEmail?: boolean;
  initialFlow?: 'signUp' | 'recovery';
  /** Offer "remember this device" after MFA (the pool's DeviceOnlyRememberedOnUserPrompt). */
  offerRememberDevice?: boolean;
  /** Choice-based sign-in (USER_AUTH): username first. */
  passwordless?: boolean;
  /** Custom challenges without a password (authFlow "customWithoutSrp"): username first. */
  usernameOnly?: boolean;
  /**
   * What was typed into the prerendered page's Username before the app took over: every route gets
   * that page, so /forgot-password and /signup carry it into their forms instead of losing it.
   */
  username?: string;
  /** Identity providers to offer ("Continue with …", and e-mail domains that go to single sign-on). */
  providers?: ProviderOption[];
  /** Back from a round trip through the pool domain: a federated sign-in's return, or a sign-out's (a notice). */
  returning?: { target: FederationTarget; resume: ProviderReturn };
  notice?: Notice;
}

/** A sign-in call's result; or the custom-challenge child's next step (`{ next }`). */
const resultOf = (event: unknown): SignInResult => {
  const output = (event as DoneActorEvent<SignInResult | { next: SignInResult }>).output;
  return 'next' in output ? output.next : output;
};
const errorOf = (event: unknown) => toAuthError((event as ErrorActorEvent).error);

export function createAuthMachine(api: AuthApi, host: AuthHost = {}) {
  const now = host.now ?? Date.now;
  return setup({
    types: {
      context: {} as AuthContext,
      events: {} as AuthEvent,
      input: {} as AuthMachineInput,
      tags: {} as 'pending',
    },
    actors: {
      restoreSession: fromPromise<RestoredSession>(() => api.restoreSession()),
      signIn: fromPromise<SignInResult, { username: string; password: string }>(({ input }) => api.signIn(input)),
      confirmSignIn: fromPromise<SignInResult, { response: string; attributes?: Record<string, string> }>(({ input }) => api.confirmSignIn(input)),
      autoSignIn: fromPromise<SignInResult>(() => api.autoSignIn()),
      rememberDevice: fromPromise<void>(() => api.rememberDevice()),
      startPasswordless: fromPromise<SignInResult, { username: string; factor?: FirstFactor }>(({ input }) => api.startPasswordless(input)),
      chooseFirstFactor: fromPromise<SignInResult, { factor: FirstFactor }>(({ input }) => api.chooseFirstFactor(input)),
      /** A new code: the sign-in starts again (Cognito has no "resend" for these codes), the way it started. */
      resendCode: fromPromise<SignInResult, { username: string; password: string; firstFactor?: FirstFactor | undefined }>(({ input }) =>
        input.firstFactor ? api.startPasswordless({ username: input.username, factor: input.firstFactor }) : api.signIn({ username: input.username, password: input.password }),
      ),
      recovery: createRecoveryMachine(api),
      signUp: createSignUpMachine(api),
      federation: createFederationMachine(api),
      customChallenge: createCustomChallengeMachine(api),
      contact: createContactMachine(api),
      loadUser: fromPromise<UserInfo>(() => api.loadUser()),
      signOut: fromPromise<void, { global: boolean; returnTo?: ReturnTarget | undefined }>(({ input }) => api.signOut(input)),
      // Account security is not part of signing in: its machine loads with its screen.
      loadSecurity: fromPromise<SecurityMachine>(() => import('./security-machine').then((m) => m.createSecurityMachine(api))),
    },
    guards: {
      logoutRequested: ({ context }) => context.logout !== undefined,
      hasReturnTo: ({ context }) => context.returnTo !== undefined,
      openAccount: ({ context }) => context.openAccount,
      rememberDevice: ({ context }) => context.offerRememberDevice && context.rememberDevice,
      /** A resend landed on the factor choice again: choose what the user chose before. */
      rechoose: ({ context, event }) => {
        const result = resultOf(event);
        return result.step === 'SELECT_MFA' && context.chosenMfa !== undefined && result.choices.includes(context.chosenMfa);
      },
      signUpEnabled: ({ context }) => context.signUpEnabled,
      /** A fresh sign-in whose e-mail is on file but not verified: offer to verify it (once). */
      // Not to a federated user: their e-mail is their provider's, and they have no password to reset here.
      offerEmail: ({ context }) =>
        context.verifyEmail && context.justSignedIn && Boolean(context.user?.attributes.email) && context.user?.attributes.email_verified !== 'true' && !federationOf(context.user!).federatedUser,
      stepIs: ({ event }, params: { step: SignInResult['step'] }) => resultOf(event).step === params.step,
      /** An e-mail whose domain belongs to a SAML/OIDC provider: single sign-on instead of a password. */
      sso: ({ context, event }) =>
        (event.type === 'SUBMIT_SIGN_IN' || event.type === 'SUBMIT_USERNAME' || event.type === 'SIGN_IN_WITH_SSO') &&
        ssoTargetFor(event.type === 'SIGN_IN_WITH_SSO' ? event.email : event.username, context.providers) !== undefined,
      knownProvider: ({ context, event }) => event.type === 'SIGN_IN_WITH_PROVIDER' && context.providers.some((p) => p.name === event.provider),
      errorIs: ({ event }, params: { kinds: AuthErrorKind[] }) => params.kinds.includes(errorOf(event).kind),
    },
    actions: {
      setError: assign({ error: ({ event }) => errorOf(event) }),
      /** A child flow that ended in a refusal (its output's `failed`). */
      setChildError: assign({ error: ({ event }) => ((event as unknown as DoneActorEvent<CustomChallengeOutput>).output as { failed: AuthError }).failed }),
      clearMessages: assign({ error: undefined, notice: undefined }),
      /** Leaving the challenge: nothing of it stays in memory. */
      forgetChallenge: assign({
        password: '',
        codeDestination: undefined,
        codeExpiresAt: undefined,
        mfaChoices: [],
        chosenMfa: undefined,
        firstFactors: [],
        firstFactor: undefined,
        totpSetup: undefined,
        unsupportedStep: undefined,
        requiredAttributes: [],
      }),
      enterCode: assign(({ event, context }) => {
        const result = resultOf(event);
        return {
          codeDestination: result.step === 'SMS_CODE' || result.step === 'EMAIL_CODE' ? result.destination : undefined,
          codeExpiresAt: now() + context.codeValidityMs,
          error: undefined,
        };
      }),
      enterSelect: assign(({ event }) => {
        const result = resultOf(event);
        return { mfaChoices: result.step === 'SELECT_MFA' || result.step === 'SELECT_MFA_SETUP' ? result.choices : [], error: undefined };
      }),
      enterTotpSetup: assign(({ event }) => {
        const result = resultOf(event);
        return { totpSetup: result.step === 'TOTP_SETUP' ? { secret: result.secret, uri: result.uri } : undefined, error: undefined };
      }),
      enterUnsupported: assign(({ event }) => {
        const result = resultOf(event);
        return { unsupportedStep: result.step === 'UNSUPPORTED' ? result.name : result.step };
      }),
      noticeCodeResent: assign({ notice: 'codeResent' as Notice }),
      /** An answer goes out: old messages go, and the "remember this device" box is kept until the sign-in is done. */
      beginAnswer: assign({ error: undefined, notice: undefined, rememberDevice: ({ event }) => event.type === 'SUBMIT_CODE' && event.remember === true }),
      keepChoice: assign({ error: undefined, chosenMfa: ({ event }) => (event.type === 'CHOOSE_MFA' ? event.mfa : undefined) }),
      noticeCodeExpired: assign({ notice: 'codeExpired' as Notice, error: undefined }),
      enterFirstFactors: assign({ firstFactors: ({ event }) => {
        const result = resultOf(event);
        return result.step === 'SELECT_FIRST_FACTOR' ? result.choices : [];
      } }),
      leave: ({ context }) => {
        if (context.returnTo) host.leave?.(context.returnTo, context.user);
      },
      notifySignedIn: ({ context }) => {
        if (context.user) host.onSignedIn?.(context.user);
      },
      accountDeleted: () => host.onAccountDeleted?.(),
      noticeAccountDeleted: assign({ notice: 'accountDeleted' as Notice, deleteAccount: undefined }),
      endDeletion: assign({ deleteAccount: undefined }),
      forgetUser: assign({ user: undefined }),
      keepSecurityLogic: assign({ securityLogic: ({ event }) => (event as unknown as DoneActorEvent<SecurityMachine>).output }),
      /** Logic loaded at run time has no key among the machine's actors, so its spawn is typed here. */
      startSecurity: assign(({ context, spawn }) => {
        const start = spawn as unknown as (logic: SecurityMachine, options: { id: 'security'; input: SecurityInput }) => unknown;
        const deletion = context.deleteAccount ? { openDeletion: true, returnTo: context.returnTo } : {};
        if (context.securityLogic) start(context.securityLogic, { id: 'security', input: { mfaRequired: context.mfaRequired, ...deletion } });
        return {};
      }),
      stopSecurity: stopChild('security'),
      noticeSessionEnded: assign({ notice: 'sessionEnded' as Notice, error: undefined }),
      clearError: assign({ error: undefined }),
      /** What was pressed during restore is for the sign-in screen only, not for a flow reached otherwise. */
      dropQueued: assign({ queuedSignIn: undefined, queuedProvider: undefined }),
      /** The provider of a button, or of the e-mail typed (single sign-on). */
      startFederation: assign(({ context, event }) => {
        const target =
          event.type === 'SIGN_IN_WITH_PROVIDER'
            ? targetFor(context.providers.find((p) => p.name === event.provider)!)
            : event.type === 'SUBMIT_SIGN_IN' || event.type === 'SUBMIT_USERNAME'
              ? ssoTargetFor(event.username, context.providers)
              : event.type === 'SIGN_IN_WITH_SSO'
                ? ssoTargetFor(event.email, context.providers)
                : undefined;
        return { federation: target && { target }, error: undefined, notice: undefined };
      }),
    },
    delays: {
      codeExpiry: ({ context }) => Math.max(0, (context.codeExpiresAt ?? 0) - now()),
    },
  }).createMachine({
    id: 'auth',
    context: ({ input }) => ({
      username: input.username?.trim() ?? '',
      password: '',
      mfaChoices: [],
      requiredAttributes: [],
      offerRememberDevice: input.offerRememberDevice ?? false,
      passwordless: input.passwordless ?? false,
      usernameOnly: input.usernameOnly ?? false,
      firstFactors: [],
      rememberDevice: false,
      signUpEnabled: input.signUpEnabled ?? false,
      verifyEmail: input.verifyEmail ?? true,
      justSignedIn: false,
      ...(input.initialFlow ? { initialFlow: input.initialFlow } : {}),
      codeValidityMs: input.codeValidityMs,
      mfaRequired: input.mfaRequired ?? false,
      openAccount: input.openAccount ?? false,
      ...(input.returnTo ? { returnTo: input.returnTo } : {}),
      ...(input.logout ? { logout: input.logout } : {}),
      ...(input.deleteAccount ? { deleteAccount: true } : {}),
      providers: input.providers ?? [],
      ...(input.returning ? { federation: input.returning } : {}),
      ...(input.notice ? { notice: input.notice } : {}),
    }),
    initial: 'starting',
    states: {
      /** Back from the provider, the page takes up the federated sign-in; otherwise, the session is restored. */
      starting: {
        always: [{ guard: ({ context }) => context.federation?.resume !== undefined, target: 'federation' }, { target: 'restoring' }],
      },

      restoring: {
        tags: 'pending',
        // The sign-in form is up before the machine knows whether a session exists (the page is
        // prerendered): its requests wait for the answer instead of being lost.
        on: {
          // The last press is the one that counts.
          SUBMIT_SIGN_IN: { actions: assign({ queuedSignIn: ({ event }) => ({ username: event.username.trim(), password: event.password }), queuedProvider: undefined }) },
          SUBMIT_USERNAME: { actions: assign({ queuedSignIn: ({ context, event }) => ({ username: event.username.trim(), password: '', passwordless: context.passwordless }), queuedProvider: undefined }) },
          SIGN_IN_WITH_PROVIDER: { guard: 'knownProvider', actions: assign({ queuedProvider: ({ event }) => event.provider, queuedSignIn: undefined }) },
          FORGOT_PASSWORD: { target: 'recovery', actions: [assign({ username: ({ event }) => event.username.trim() }), 'dropQueued'] },
          SIGN_UP: { guard: 'signUpEnabled', target: 'signUp', actions: 'dropQueued' },
        },
        invoke: {
          src: 'restoreSession',
          onDone: [
            {
              guard: ({ event }) => event.output.user !== null,
              target: 'signedIn',
              actions: assign({ user: ({ event }) => event.output.user ?? undefined, queuedSignIn: undefined, queuedProvider: undefined }),
            },
            // /logout with nobody signed in: nothing to do but hand back.
            { guard: ({ context }) => context.logout !== undefined && context.returnTo !== undefined, target: 'leaving', actions: 'dropQueued' },
            { guard: ({ context }) => context.initialFlow === 'recovery', target: 'recovery', actions: 'dropQueued' },
            { guard: ({ context }) => context.initialFlow === 'signUp' && context.signUpEnabled, target: 'signUp', actions: 'dropQueued' },
            {
              target: 'signIn',
              actions: assign({ notice: ({ context, event }) => (event.output.user === null && event.output.interrupted ? 'interrupted' : context.notice) }),
            },
          ],
          onError: { target: 'signIn' },
        },
      },

      signIn: {
        entry: ['forgetChallenge', assign({ flowReason: undefined, deviceNotRemembered: undefined })],
        initial: 'idle',
        states: {
          idle: {
            always: [
              {
                guard: ({ context }) => context.queuedProvider !== undefined,
                target: '#auth.federation',
                actions: assign(({ context }) => ({ federation: { target: targetFor(context.providers.find((p) => p.name === context.queuedProvider)!) }, queuedProvider: undefined })),
              },
              {
                // Typed into the prerendered form before the app took over: an SSO e-mail still goes to its provider.
                guard: ({ context }) => context.queuedSignIn !== undefined && ssoTargetFor(context.queuedSignIn.username, context.providers) !== undefined,
                target: '#auth.federation',
                actions: assign(({ context }) => ({ federation: { target: ssoTargetFor(context.queuedSignIn?.username ?? '', context.providers)! }, queuedSignIn: undefined })),
              },
              {
                guard: ({ context }) => context.queuedSignIn?.passwordless === true,
                target: 'startingPasswordless',
                actions: assign(({ context }) => ({ username: context.queuedSignIn?.username ?? '', queuedSignIn: undefined })),
              },
              {
                guard: ({ context }) => context.queuedSignIn !== undefined,
                target: 'submitting',
                actions: assign(({ context }) => ({ username: context.queuedSignIn?.username ?? '', password: context.queuedSignIn?.password ?? '', queuedSignIn: undefined })),
              },
            ],
            on: {
              SUBMIT_SIGN_IN: [
                { guard: 'sso', target: '#auth.federation', actions: 'startFederation' },
                {
                  target: 'submitting',
                  actions: [assign({ username: ({ event }) => event.username.trim(), password: ({ event }) => event.password }), 'clearMessages'],
                },
              ],
              SUBMIT_USERNAME: [
                { guard: 'sso', target: '#auth.federation', actions: 'startFederation' },
                {
                  guard: ({ context }) => context.passwordless,
                  target: 'startingPasswordless',
                  actions: [assign({ username: ({ event }) => event.username.trim() }), 'clearMessages'],
                },
                { guard: ({ context }) => context.usernameOnly, target: 'submitting', actions: [assign({ username: ({ event }) => event.username.trim(), password: '' }), 'clearMessages'] },
              ],
              SIGN_IN_WITH_PROVIDER: { guard: 'knownProvider', target: '#auth.federation', actions: 'startFederation' },
              FORGOT_PASSWORD: { target: '#auth.recovery', actions: [assign({ username: ({ event }) => event.username.trim() }), 'clearMessages'] },
              SIGN_UP: { guard: 'signUpEnabled', target: '#auth.signUp', actions: 'clearMessages' },
            },
          },
          submitting: {
            tags: 'pending',
            invoke: {
              src: 'signIn',
              input: ({ context }) => ({ username: context.username, password: context.password }),
              onDone: '#auth.routing',
              onError: { target: 'idle', actions: ['setError', 'forgetChallenge'] },
            },
          },
          startingPasswordless: {
            tags: 'pending',
            invoke: {
              src: 'startPasswordless',
              input: ({ context }) => ({ username: context.username }),
              onDone: '#auth.routing',
              onError: { target: 'idle', actions: ['setError', 'forgetChallenge'] },
            },
          },
        },
      },

      /** Where a sign-in call's result leads. Entered with the call's done event still in hand. */
      routing: {
        always: [
          { guard: { type: 'stepIs', params: { step: 'DONE' } }, target: 'rememberingDevice', actions: 'forgetChallenge' },
          { guard: { type: 'stepIs', params: { step: 'SMS_CODE' } }, target: 'smsCode', actions: 'enterCode' },
          { guard: { type: 'stepIs', params: { step: 'EMAIL_CODE' } }, target: 'emailCode', actions: 'enterCode' },
          { guard: { type: 'stepIs', params: { step: 'SELECT_MFA_SETUP' } }, target: 'selectMfaSetup', actions: 'enterSelect' },
          { guard: { type: 'stepIs', params: { step: 'EMAIL_SETUP' } }, target: 'emailSetup', actions: assign({ error: undefined }) },
          { guard: { type: 'stepIs', params: { step: 'SELECT_FIRST_FACTOR' } }, target: 'selectFirstFactor', actions: ['enterFirstFactors', assign({ error: undefined })] },
          { guard: { type: 'stepIs', params: { step: 'PASSWORD' } }, target: 'passwordFactor', actions: assign({ error: undefined }) },
          { guard: { type: 'stepIs', params: { step: 'TOTP_CODE' } }, target: 'totpCode', actions: assign({ error: undefined }) },
          { guard: { type: 'stepIs', params: { step: 'SELECT_MFA' } }, target: 'selectMfa', actions: 'enterSelect' },
          { guard: { type: 'stepIs', params: { step: 'TOTP_SETUP' } }, target: 'totpSetup', actions: 'enterTotpSetup' },
          {
            guard: { type: 'stepIs', params: { step: 'NEW_PASSWORD' } },
            target: 'newPassword',
            actions: assign(({ event }) => {
              const result = resultOf(event);
              return { error: undefined, requiredAttributes: result.step === 'NEW_PASSWORD' ? result.requiredAttributes : [] };
            }),
          },
          // An unconfirmed account: a fresh code, then the sign-in goes on with the password in hand.
          { guard: { type: 'stepIs', params: { step: 'CONFIRM_SIGN_UP' } }, target: 'signUp', actions: assign({ error: undefined, flowReason: 'unconfirmed' as const }) },
          // An administrator reset the password: straight into the reset, with an explanation.
          {
            guard: { type: 'stepIs', params: { step: 'RESET_PASSWORD' } },
            target: 'recovery',
            actions: ['forgetChallenge', assign({ error: undefined, flowReason: 'resetRequired' as const })],
          },
          // The password (customWithSrp) is spent: nothing resends a custom challenge.
          { guard: { type: 'stepIs', params: { step: 'CUSTOM_CHALLENGE' } }, target: 'customChallenge', actions: assign({ error: undefined, password: '' }) },
          { target: 'unsupported', actions: ['forgetChallenge', 'enterUnsupported'] },
        ],
      },

      customChallenge: customChallengeState(),

      smsCode: codeChallenge('smsCode', 'SMS_CODE'),
      emailCode: codeChallenge('emailCode', 'EMAIL_CODE'),

      /** A resend that met the factor choice again: the same choice, then the code screen with a fresh code. */
      rechoosing: {
        tags: 'pending',
        invoke: {
          src: 'confirmSignIn',
          input: ({ context }) => ({ response: context.chosenMfa ?? '' }),
          onDone: [
            { guard: { type: 'stepIs', params: { step: 'SMS_CODE' } }, target: 'smsCode', actions: ['enterCode', 'noticeCodeResent'] },
            { guard: { type: 'stepIs', params: { step: 'EMAIL_CODE' } }, target: 'emailCode', actions: ['enterCode', 'noticeCodeResent'] },
            { target: 'routing' },
          ],
          onError: { target: 'signIn', actions: ['setError', 'forgetChallenge'] },
        },
      },

      totpCode: challengeState('SUBMIT_CODE'),
      newPassword: challengeState('SUBMIT_NEW_PASSWORD'),

      selectMfa: mfaChoice(),
      /** MFA is required and the user has none: authenticator app or e-mail codes. */
      selectMfaSetup: mfaChoice(),
      totpSetup: challengeState('SUBMIT_CODE'),
      /** Setting up e-mail codes: the address, then a code sent to it (the emailCode state). */
      emailSetup: challengeState('SUBMIT_EMAIL'),

      /**
       * Choice-based sign-in: passkey, e-mail code, SMS code or password. A passkey prompts the
       * browser during the choice; if it fails (cancelled, none here, refused) Cognito's session is
       * spent, so the sign-in starts again and the choice is offered anew, with the error.
       */
      selectFirstFactor: {
        initial: 'idle',
        on: { CANCEL: { target: 'signIn', actions: 'clearMessages' } },
        states: {
          idle: {
            on: {
              CHOOSE_FIRST_FACTOR: {
                target: 'submitting',
                actions: assign({ error: undefined, notice: undefined, firstFactor: ({ event }) => (event.factor === 'EMAIL_OTP' || event.factor === 'SMS_OTP' ? event.factor : undefined) }),
              },
            },
          },
          submitting: {
            tags: 'pending',
            invoke: {
              src: 'chooseFirstFactor',
              input: ({ event }) => ({ factor: event.type === 'CHOOSE_FIRST_FACTOR' ? event.factor : 'PASSWORD' }),
              onDone: '#auth.routing',
              onError: [
                { guard: { type: 'errorIs', params: { kinds: ['network', 'tooManyRequests', 'lockedOut', 'userDisabled'] } }, target: '#auth.signIn', actions: ['setError', 'forgetChallenge'] },
                { target: 'restarting', actions: 'setError' },
              ],
            },
          },
          restarting: {
            tags: 'pending',
            invoke: {
              src: 'startPasswordless',
              input: ({ context }) => ({ username: context.username }),
              onDone: [
                { guard: { type: 'stepIs', params: { step: 'SELECT_FIRST_FACTOR' } }, target: 'idle', actions: 'enterFirstFactors' },
                { target: '#auth.routing' },
              ],
              onError: { target: '#auth.signIn', actions: ['setError', 'forgetChallenge'] },
            },
          },
        },
      },
      /** The password, chosen as the first factor (kept for a resend of a later MFA code). */
      passwordFactor: {
        initial: 'idle',
        on: { CANCEL: { target: '#auth.signIn', actions: 'clearMessages' } },
        states: {
          idle: { on: { SUBMIT_PASSWORD: { target: 'submitting', actions: assign({ error: undefined, password: ({ event }) => event.password }) } } },
          submitting: {
            tags: 'pending',
            invoke: {
              src: 'confirmSignIn',
              input: ({ context }) => ({ response: context.password }),
              onDone: '#auth.routing',
              onError: sessionAwareError(),
            },
          },
        },
      },

      unsupported: {
        on: { CANCEL: { target: 'signIn', actions: 'clearMessages' } },
      },

      /** Forgotten password (or an administrator's reset): ends by signing in with the new password. */
      recovery: {
        on: {
          CANCEL: { target: 'signIn', actions: 'clearMessages' },
          SIGN_IN_WITH_SSO: { guard: 'sso', target: 'federation', actions: 'startFederation' },
        },
        invoke: {
          id: 'recovery',
          src: 'recovery',
          input: ({ context }) => ({ username: context.username, ...(context.flowReason === 'resetRequired' ? { reason: 'resetRequired' as const } : {}) }),
          onDone: { target: 'resuming', actions: assign({ username: ({ event }) => event.output.username, password: ({ event }) => event.output.password }) },
        },
      },

      /** Sign-up, or confirming an account that signed in unconfirmed. */
      signUp: {
        on: {
          CANCEL: { target: 'signIn', actions: 'clearMessages' },
          SIGN_IN_WITH_PROVIDER: { guard: 'knownProvider', target: 'federation', actions: 'startFederation' },
          SIGN_IN_WITH_SSO: { guard: 'sso', target: 'federation', actions: 'startFederation' },
        },
        invoke: {
          id: 'signUp',
          src: 'signUp',
          input: ({ context }) =>
            context.flowReason === 'unconfirmed'
              ? { username: context.username, password: context.password, confirmOnly: true }
              : // Hosted /signup: the username typed into the prerendered page before the app took over.
                context.initialFlow === 'signUp' && context.username
                ? { username: context.username }
                : {},
          onDone: [
            {
              guard: ({ event }) => event.output.autoSignIn,
              target: 'autoSigningIn',
              actions: assign({ username: ({ event }) => event.output.username, password: ({ event }) => event.output.password }),
            },
            { target: 'resuming', actions: assign({ username: ({ event }) => event.output.username, password: ({ event }) => event.output.password }) },
          ],
        },
      },

      /** Amplify's autoSignIn after a confirmed sign-up; should it fail, an ordinary sign-in with the same credentials. */
      autoSigningIn: {
        tags: 'pending',
        invoke: {
          src: 'autoSignIn',
          onDone: '#auth.routing',
          onError: 'resuming',
        },
      },

      /** Through an identity provider (federation-machine.ts): signed in, cancelled, or back to choose another way. */
      federation: {
        entry: 'forgetChallenge',
        invoke: {
          id: 'federation',
          src: 'federation',
          input: ({ context }) => ({ target: context.federation!.target, resume: context.federation?.resume, returnTo: context.returnTo, initialFlow: context.initialFlow }),
          onDone: [
            { guard: ({ event }) => (event.output as FederationOutput).outcome === 'signedIn', target: 'loadingUser', actions: assign({ federation: undefined }) },
            { guard: ({ event }) => (event.output as FederationOutput).outcome === 'cancelled', target: 'signIn', actions: assign({ federation: undefined, notice: 'providerCancelled' as Notice }) },
            { target: 'signIn', actions: assign({ federation: undefined }) },
          ],
          // Not expected (the child handles its failures): the sign-in screen, with what went wrong.
          onError: { target: 'signIn', actions: [assign({ federation: undefined }), 'setError'] },
        },
      },

      /** Signing in with credentials the user just gave another screen (reset, sign-up): no retyping. */
      resuming: {
        tags: 'pending',
        invoke: {
          src: 'signIn',
          input: ({ context }) => ({ username: context.username, password: context.password }),
          onDone: '#auth.routing',
          onError: { target: 'signIn', actions: ['setError', 'forgetChallenge'] },
        },
      },

      /** Signed in: remember this browser first, when the user asked (never blocks the sign-in). */
      rememberingDevice: {
        tags: 'pending',
        always: { guard: ({ context }) => !(context.offerRememberDevice && context.rememberDevice), target: 'loadingUser' },
        invoke: {
          src: 'rememberDevice',
          onDone: { target: 'loadingUser', actions: assign({ rememberDevice: false }) },
          onError: { target: 'loadingUser', actions: assign({ rememberDevice: false, deviceNotRemembered: true }) },
        },
      },

      loadingUser: {
        tags: 'pending',
        invoke: {
          src: 'loadUser',
          onDone: { target: 'signedIn', actions: assign({ user: ({ event }) => event.output, justSignedIn: true }) },
          onError: { target: 'userLoadFailed', actions: 'setError' },
        },
      },

      /** Signed in, but the user's details didn't load: retry, or sign out. (Signing in again would be refused.) */
      userLoadFailed: {
        on: {
          RETRY: { target: 'loadingUser', actions: 'clearError' },
          SIGN_OUT: { target: 'signedIn.signingOut', actions: 'clearError' },
        },
      },

      signedIn: {
        initial: 'deciding',
        entry: ['clearMessages', 'notifySignedIn'],
        on: { SIGN_OUT: '.signingOut' },
        states: {
          deciding: {
            always: [
              { guard: 'logoutRequested', target: 'signingOut' },
              { guard: ({ context }) => context.deleteAccount === true, target: 'account' },
              { guard: 'offerEmail', target: 'verifyEmail' },
              { guard: 'hasReturnTo', target: '#auth.leaving' },
              { guard: 'openAccount', target: 'account' },
              { target: 'home' },
            ],
          },
          /** Skippable, never blocking: whatever happens, the sign-in goes on where it was going. */
          verifyEmail: {
            invoke: {
              id: 'contact',
              src: 'contact',
              input: { attribute: 'email', start: 'offer' },
              onDone: {
                target: 'deciding',
                actions: assign({
                  justSignedIn: false,
                  user: ({ context, event }) =>
                    context.user && event.output.outcome === 'verified' ? { ...context.user, attributes: { ...context.user.attributes, email_verified: 'true' } } : context.user,
                }),
              },
            },
            on: { CANCEL: { target: 'deciding', actions: assign({ justSignedIn: false }) } },
          },
          home: { on: { OPEN_ACCOUNT: 'account' } },
          account: accountState(),
          signingOut: {
            tags: 'pending',
            invoke: {
              src: 'signOut',
              input: ({ event, context }) => ({
                global: (event.type === 'SIGN_OUT' && event.global === true) || context.logout?.global === true,
                // Hosted /logout: kept in case the sign-out goes through the pool domain's /logout and back.
                returnTo: context.logout ? context.returnTo : undefined,
              }),
              onDone: [
                { guard: 'logoutRequested', target: '#auth.leaving', actions: assign({ user: undefined }) },
                { target: '#auth.signIn', actions: assign({ user: undefined, notice: 'signedOut' as Notice, returnTo: undefined }) },
              ],
              onError: { target: 'home', actions: 'setError' },
            },
          },
        },
      },

      /** Hosted mode: handing the user back to the relying app. Final for this page. */
      leaving: {
        entry: 'leave',
      },
    },
  });
}

export type AuthMachine = ReturnType<typeof createAuthMachine>;

type TopKey<T> = T extends string ? T : keyof T & string;
/** The machine's top-level states: the screens map (screens/index.tsx) must name every one. */
export type AuthTopState = TopKey<import('xstate').StateValueFrom<AuthMachine>>;
