/**
 * The shapes the sign-in machine repeats: a code or password answer, an SMS or e-mail code with its
 * expiry and resend, a choice of factor, and what a dead session leads to. Plain state configs over
 * the machine's own actors, guards and actions (auth-machine.ts), referred to by name.
 */
import type { AuthContext, AuthEvent } from './auth-machine';
import type { CustomChallengeOutput } from './custom-challenge-machine';
import type { AuthErrorKind, SignInResult } from './types';

/** A code or password screen: submit → confirmSignIn → next step; a dead session returns to sign-in. */
export function challengeState(submit: 'SUBMIT_CODE' | 'SUBMIT_NEW_PASSWORD' | 'SUBMIT_EMAIL') {
  return {
    initial: 'idle' as const,
    on: { CANCEL: { target: '#auth.signIn', actions: 'clearMessages' as const } },
    states: {
      idle: { on: { [submit]: { target: 'submitting', actions: 'beginAnswer' as const } } },
      submitting: {
        tags: 'pending' as const,
        invoke: {
          src: 'confirmSignIn' as const,
          input: ({ event }: { event: AuthEvent }) => ({
            response: event.type === 'SUBMIT_CODE' ? event.code : event.type === 'SUBMIT_NEW_PASSWORD' ? event.password : event.type === 'SUBMIT_EMAIL' ? event.email : '',
            ...(event.type === 'SUBMIT_NEW_PASSWORD' && event.attributes ? { attributes: event.attributes } : {}),
          }),
          onDone: '#auth.routing',
          onError: sessionAwareError(),
        },
      },
    },
  };
}

/**
 * An SMS or e-mail code: it expires with the auth session (a countdown, then back to sign-in), and
 * a resend is a new sign-in with the password kept for it (Cognito has no "resend MFA code").
 */
export function codeChallenge(self: 'smsCode' | 'emailCode', step: 'SMS_CODE' | 'EMAIL_CODE') {
  return {
    initial: 'idle' as const,
    after: { codeExpiry: { target: '#auth.signIn', actions: 'noticeCodeExpired' as const } },
    on: { CANCEL: { target: '#auth.signIn', actions: 'clearMessages' as const } },
    states: {
      idle: {
        on: {
          SUBMIT_CODE: { target: 'submitting', actions: 'beginAnswer' as const },
          RESEND_CODE: { target: 'resending', actions: 'clearMessages' as const },
        },
      },
      submitting: {
        tags: 'pending' as const,
        invoke: {
          src: 'confirmSignIn' as const,
          input: ({ event }: { event: AuthEvent }) => ({ response: event.type === 'SUBMIT_CODE' ? event.code : '' }),
          onDone: '#auth.routing',
          onError: sessionAwareError(),
        },
      },
      resending: {
        tags: 'pending' as const,
        invoke: {
          src: 'resendCode' as const,
          input: ({ context }: { context: AuthContext }) => ({ username: context.username, password: context.password, firstFactor: context.firstFactor }),
          onDone: [
            { guard: { type: 'stepIs' as const, params: { step } }, target: `#auth.${self}`, reenter: true, actions: ['enterCode', 'noticeCodeResent'] as const },
            { guard: 'rechoose' as const, target: '#auth.rechoosing' },
            { target: '#auth.routing' },
          ],
          onError: { target: 'idle', actions: 'setError' as const },
        },
      },
    },
  };
}

/** Choosing a factor, to sign in with or to set up: confirmSignIn with the choice. */
export function mfaChoice() {
  return {
    initial: 'idle' as const,
    on: { CANCEL: { target: '#auth.signIn', actions: 'clearMessages' as const } },
    states: {
      idle: {
        on: { CHOOSE_MFA: { target: 'submitting', actions: 'keepChoice' as const } },
      },
      submitting: {
        tags: 'pending' as const,
        invoke: {
          src: 'confirmSignIn' as const,
          input: ({ event }: { event: AuthEvent }) => ({ response: event.type === 'CHOOSE_MFA' ? event.mfa : '' }),
          onDone: '#auth.routing',
          onError: sessionAwareError(),
        },
      },
    },
  };
}

export function sessionAwareError() {
  return [
    {
      guard: { type: 'errorIs' as const, params: { kinds: ['sessionEnded', 'expiredCode'] as AuthErrorKind[] } },
      target: '#auth.signIn',
      actions: 'noticeSessionEnded' as const,
    },
    { target: 'idle', actions: 'setError' as const },
  ];
}

/**
 * Account security: its machine, loaded with the screen, runs as the child `security` while the
 * screen is open. It may also end on its own: the account deleted (to the sign-in screen, which
 * says so), or a hosted /delete-account over either way (back to the relying app).
 */
export function accountState() {
  return {
    initial: 'loading' as const,
    on: {
      CLOSE_ACCOUNT: 'home',
      'xstate.done.actor.security': [
        { guard: 'hasReturnTo' as const, target: '#auth.leaving', actions: 'forgetUser' as const },
        {
          guard: ({ event }: { event: AuthEvent }) => event.type === 'xstate.done.actor.security' && event.output.outcome === 'accountDeleted',
          target: '#auth.signIn',
          actions: ['accountDeleted', 'forgetUser', 'noticeAccountDeleted'] as const,
        },
        { target: 'home', actions: 'endDeletion' as const },
      ],
    },
    exit: 'stopSecurity' as const,
    states: {
      loading: {
        tags: 'pending' as const,
        always: { guard: ({ context }: { context: AuthContext }) => context.securityLogic !== undefined, target: 'open' },
        invoke: {
          src: 'loadSecurity' as const,
          onDone: { target: 'open', actions: 'keepSecurityLogic' as const },
          onError: { target: '#auth.signedIn.home', actions: 'setError' as const },
        },
      },
      open: { entry: 'startSecurity' as const },
    },
  };
}

/**
 * A custom challenge (custom-challenge-machine.ts): its own child, ending in the sign-in's next
 * step (routed as any other result) or a refusal shown on the sign-in screen.
 */
export function customChallengeState() {
  return {
    on: { CANCEL: { target: '#auth.signIn', actions: ['clearMessages', 'forgetChallenge'] as const } },
    invoke: {
      id: 'customChallenge',
      src: 'customChallenge' as const,
      input: ({ event }: { event: unknown }) => {
        const result = (event as { output?: SignInResult }).output;
        return { parameters: result?.step === 'CUSTOM_CHALLENGE' ? result.parameters : {} };
      },
      onDone: [
        {
          guard: ({ event }: { event: { output: CustomChallengeOutput } }) => 'failed' in event.output,
          target: '#auth.signIn',
          actions: ['forgetChallenge', 'setChildError'] as const,
        },
        // The step after the challenges: routing reads it from the done event's output.
        { target: '#auth.routing' },
      ],
    },
  };
}
