/**
 * Account security, invoked by the auth machine while the account screen is open: which factors
 * are on, turning SMS on (adding and verifying a phone when needed) or off, setting up, replacing
 * and removing an authenticator app (removal only after the backend confirmed the password), and
 * the preferred factor. Every change ends by re-reading the state from the backend.
 */
import { assign, type ErrorActorEvent, fromPromise, setup } from 'xstate';
import { registrationError, toAuthError } from './errors';
import { type ContactInput, createContactMachine } from './contact-machine';
import { createDeleteAccountMachine, type DeletionProof, RECENT_SIGN_IN_MS } from './delete-account-machine';
import { federationOf } from './federation';
import type { AuthApi, AuthError, AuthErrorKind, MfaChange, MfaType, ReturnTarget, SecurityState } from './types';

/** Which key of an MFA change names each factor. */
const CHANGE_KEY = { SMS: 'sms', TOTP: 'totp', EMAIL: 'email' } as const satisfies Record<MfaType, keyof MfaChange>;

export type SecuritySuccess =
  | 'smsOn'
  | 'smsOff'
  | 'totpOn'
  | 'totpRemoved'
  | 'emailMfaOn'
  | 'emailMfaOff'
  | 'preferredSet'
  | 'phoneVerified'
  | 'emailVerified'
  | 'emailSaved'
  | 'passwordChanged'
  | 'deviceForgotten'
  | 'passkeyAdded'
  | 'passkeyRemoved';

export interface SecurityContext {
  security?: SecurityState;
  error?: AuthError;
  success?: SecuritySuccess;
  totpSetup?: { secret: string; uri: string };
  /** The change in flight and the message it earns. */
  pending?: { change: MfaChange; success: SecuritySuccess };
  /** The passkey being removed, once the password is confirmed. */
  removingPasskey?: string;
  /** Setting up a new authenticator app while one is on (a replacement). */
  replacing?: boolean;
  /** The contact change under way: which attribute, and whether it starts with a new value or a code. */
  contactChange?: ContactInput;
  /**
   * A replacement was left half-way: Cognito stops asking for the old app as soon as a new one is
   * associated, and can't bring it back, while still listing TOTP as on (AssociateSoftwareToken).
   */
  totpSuspended?: boolean;
  /** How account security ended on its own (its output). */
  ended?: SecurityOutput['outcome'];
}

export type SecurityEvent =
  | { type: 'ENABLE_SMS' }
  | { type: 'DISABLE_SMS' }
  /** E-mail codes: turned on once the address is verified (verified here first when it isn't). */
  | { type: 'ENABLE_EMAIL_MFA' }
  | { type: 'DISABLE_EMAIL_MFA' }
  | { type: 'FORGET_DEVICE'; id: string; current: boolean }
  /** Passkeys: added with the browser's prompt; removed after the backend checked the password. */
  | { type: 'ADD_PASSKEY' }
  | { type: 'REMOVE_PASSKEY'; id: string }
  | { type: 'SET_UP_TOTP' }
  | { type: 'CONFIRM_REPLACE' }
  | { type: 'REMOVE_TOTP' }
  | { type: 'SET_PREFERRED'; mfa: MfaType }
  | { type: 'SUBMIT_CODE'; code: string }
  | { type: 'SUBMIT_PASSWORD'; password: string }
  | { type: 'CHANGE_PHONE' }
  | { type: 'CHANGE_EMAIL' }
  | { type: 'VERIFY_EMAIL' }
  | { type: 'CHANGE_PASSWORD' }
  | { type: 'SUBMIT_PASSWORD_CHANGE'; oldPassword: string; newPassword: string }
  | { type: 'CANCEL' }
  | { type: 'RETRY' }
  | { type: 'FINISH_SETUP' }
  | { type: 'LEAVE_OFF' }
  | { type: 'DELETE_ACCOUNT' };

export interface SecurityInput {
  /** The pool requires MFA: the last factor can't be turned off. */
  mfaRequired: boolean;
  /** Hosted /delete-account: the deletion opens at once, and cancelling it ends account security too. */
  openDeletion?: boolean;
  /** Where a hosted deletion hands the user back. */
  returnTo?: ReturnTarget | undefined;
}

/** How account security ended on its own (otherwise the screen is closed): the account was deleted, or a hosted deletion cancelled. */
export type SecurityOutput = { outcome: 'accountDeleted' | 'deletionCancelled' };

/** What a deletion asks for: the password, or for a provider's user a recent sign-in. */
export function deletionProof(security: SecurityState | undefined, now: number): DeletionProof {
  if (!security || !federationOf(security.user).federatedUser) return 'password';
  return security.authTime !== undefined && now - security.authTime < RECENT_SIGN_IN_MS ? 'recentSignIn' : 'signInAgain';
}

const errorOf = (event: unknown) => toAuthError((event as ErrorActorEvent).error);
const lastFactorError: AuthError = { kind: 'mfaRequired', name: 'MfaRequired', message: 'MFA is required for this user pool.' };
const totpRequiredError: AuthError = { kind: 'totpRequired', name: 'MfaRequired', message: "TOTP MFA can't be turned off when MFA is required." };

export function createSecurityMachine(api: AuthApi) {
  return setup({
    types: {
      context: {} as SecurityContext & SecurityInput,
      events: {} as SecurityEvent,
      input: {} as Partial<SecurityInput>,
      output: {} as SecurityOutput,
      tags: {} as 'pending',
    },
    actors: {
      load: fromPromise<SecurityState>(() => api.loadSecurity()),
      updateMfa: fromPromise<void, NonNullable<SecurityContext['pending']>['change']>(({ input }) => api.updateMfa(input)),
      beginTotpSetup: fromPromise<{ secret: string; uri: string }>(() => api.beginTotpSetup()),
      verifyTotpSetup: fromPromise<void, { code: string }>(({ input }) => api.verifyTotpSetup(input)),
      verifyPassword: fromPromise<void, { password: string }>(({ input }) => api.verifyPassword(input)),
      contact: createContactMachine(api),
      deleteAccount: createDeleteAccountMachine(api),
      forgetDevice: fromPromise<void, { id: string; current: boolean }>(({ input }) => api.forgetDevice(input)),
      addPasskey: fromPromise<void>(() => api.addPasskey()),
      deletePasskey: fromPromise<void, { id: string }>(({ input }) => api.deletePasskey(input)),
      changePassword: fromPromise<void, { oldPassword: string; newPassword: string }>(({ input }) => api.changePassword(input)),
    },
    guards: {
      hasPhone: ({ context }) => Boolean(context.security?.user.attributes.phone_number),
      emailVerified: ({ context }) => Boolean(context.security?.user.attributes.email) && context.security?.user.attributes.email_verified === 'true',
      totpOn: ({ context }) => context.security?.mfa.enabled.includes('TOTP') ?? false,
      totpSuspended: ({ context }) => context.totpSuspended === true,
      mfaRequired: ({ context }) => context.mfaRequired,
      /** The new secret was issued: the old app no longer counts. */
      replacementStarted: ({ context }) => context.replacing === true && context.totpSetup !== undefined,
      /** Turning `params.mfa` off would leave a pool that requires MFA with no factor for this user. */
      isLastRequiredFactor: ({ context }, params: { mfa: MfaType }) =>
        context.mfaRequired && (context.security?.mfa.enabled ?? []).filter((m) => m !== params.mfa).length === 0,
      errorIs: ({ event }, params: { kinds: AuthErrorKind[] }) => params.kinds.includes(errorOf(event).kind),
    },
    actions: {
      setError: assign({ error: ({ event }) => errorOf(event), success: undefined }),
      clearMessages: assign({ error: undefined, success: undefined }),
      forgetSetup: assign({ totpSetup: undefined }),
      /** Changing the password: a wrong current password is that, not a failed sign-in. */
      setPasswordChangeError: assign({
        error: ({ event }) => {
          const error = errorOf(event);
          return error.kind === 'badCredentials' ? { ...error, kind: 'wrongCurrentPassword' as const } : error;
        },
        success: undefined,
      }),
      lastFactor: assign({ error: lastFactorError, success: undefined }),
      totpRequired: assign({ error: totpRequiredError, success: undefined }),
      plan: assign((_, params: NonNullable<SecurityContext['pending']>) => ({ pending: params, error: undefined, success: undefined })),
    },
  }).createMachine({
    id: 'security',
    context: ({ input }) => ({ mfaRequired: input.mfaRequired ?? false, openDeletion: input.openDeletion ?? false, returnTo: input.returnTo }),
    initial: 'loading',
    output: ({ context }) => ({ outcome: context.ended ?? 'deletionCancelled' }),
    states: {
      loading: {
        tags: 'pending',
        invoke: {
          src: 'load',
          onDone: [
            { guard: ({ context }) => context.openDeletion === true, target: 'deletingAccount', actions: assign({ security: ({ event }) => event.output }) },
            { target: 'ready', actions: assign({ security: ({ event }) => event.output }) },
          ],
          onError: { target: 'loadFailed', actions: 'setError' },
        },
      },
      loadFailed: { on: { RETRY: { target: 'loading', actions: 'clearMessages' } } },

      ready: {
        entry: ['forgetSetup', assign({ replacing: false })],
        on: {
          ENABLE_SMS: [
            { guard: 'hasPhone', target: 'updating', actions: { type: 'plan', params: { change: { sms: 'ENABLED' }, success: 'smsOn' } } },
            { target: 'phone', actions: 'clearMessages' },
          ],
          CHANGE_PHONE: { target: 'contactChange', actions: ['clearMessages', assign({ contactChange: { attribute: 'phone_number', start: 'enter' } as ContactInput })] },
          CHANGE_EMAIL: { target: 'contactChange', actions: ['clearMessages', assign({ contactChange: { attribute: 'email', start: 'enter' } as ContactInput })] },
          VERIFY_EMAIL: { target: 'contactChange', actions: ['clearMessages', assign({ contactChange: { attribute: 'email', start: 'send' } as ContactInput })] },
          CHANGE_PASSWORD: { target: 'changePassword', actions: 'clearMessages' },
          DISABLE_SMS: [
            { guard: { type: 'isLastRequiredFactor', params: { mfa: 'SMS' } }, actions: 'lastFactor' },
            { target: 'updating', actions: { type: 'plan', params: { change: { sms: 'DISABLED' }, success: 'smsOff' } } },
          ],
          SET_UP_TOTP: [
            { guard: 'totpSuspended', target: 'totpSetup', actions: ['clearMessages', assign({ replacing: true })] },
            { guard: 'totpOn', target: 'confirmReplace', actions: 'clearMessages' },
            { target: 'totpSetup', actions: 'clearMessages' },
          ],
          REMOVE_TOTP: [
            // "You can't turn off TOTP MFA for any of your users when MFA is required" (Cognito API reference).
            { guard: 'mfaRequired', actions: 'totpRequired' },
            { target: 'removeTotp', actions: 'clearMessages' },
          ],
          SET_PREFERRED: {
            target: 'updating',
            actions: { type: 'plan', params: ({ event }) => ({ change: { [CHANGE_KEY[event.mfa]]: 'PREFERRED' }, success: 'preferredSet' as const }) },
          },
          ENABLE_EMAIL_MFA: [
            { guard: 'emailVerified', target: 'updating', actions: { type: 'plan', params: { change: { email: 'ENABLED' }, success: 'emailMfaOn' } } },
            { target: 'emailForMfa', actions: 'clearMessages' },
          ],
          DISABLE_EMAIL_MFA: [
            { guard: { type: 'isLastRequiredFactor', params: { mfa: 'EMAIL' } }, actions: 'lastFactor' },
            { target: 'updating', actions: { type: 'plan', params: { change: { email: 'DISABLED' }, success: 'emailMfaOff' } } },
          ],
          FORGET_DEVICE: { target: 'forgettingDevice', actions: 'clearMessages' },
          ADD_PASSKEY: { target: 'addingPasskey', actions: 'clearMessages' },
          REMOVE_PASSKEY: { target: 'removePasskey', actions: ['clearMessages', assign({ removingPasskey: ({ event }) => event.id })] },
          DELETE_ACCOUNT: { target: 'deletingAccount', actions: 'clearMessages' },
        },
      },

      /** Deleting the account (delete-account-machine.ts): gone, or back to account security (or, hosted, back to the app). */
      deletingAccount: {
        invoke: {
          id: 'deleteAccount',
          src: 'deleteAccount',
          input: ({ context }) => ({ proof: deletionProof(context.security, Date.now()), returnTo: context.returnTo }),
          onDone: [
            { guard: ({ event }) => event.output.outcome === 'deleted', target: 'accountDeleted' },
            { guard: ({ context }) => context.openDeletion === true, target: 'deletionCancelled' },
            { target: 'ready' },
          ],
        },
      },
      accountDeleted: { type: 'final', entry: assign({ ended: 'accountDeleted' as const }) },
      deletionCancelled: { type: 'final', entry: assign({ ended: 'deletionCancelled' as const }) },

      updating: {
        tags: 'pending',
        invoke: {
          src: 'updateMfa',
          input: ({ context }) => context.pending?.change ?? {},
          onDone: { target: 'reloading', actions: assign({ success: ({ context }) => context.pending?.success }) },
          onError: { target: 'reloading', actions: 'setError' },
        },
      },

      /** After every change: the truth comes from the backend, not from what we asked for. */
      reloading: {
        tags: 'pending',
        invoke: {
          src: 'load',
          onDone: { target: 'ready', actions: assign({ security: ({ event }) => event.output, pending: undefined }) },
          onError: { target: 'loadFailed', actions: 'setError' },
        },
      },

      confirmReplace: {
        on: { CONFIRM_REPLACE: { target: 'totpSetup', actions: assign({ replacing: true }) }, CANCEL: 'ready' },
      },

      /** A replacement left before the new app was verified: say what that means, offer to finish. */
      replaceUnfinished: {
        entry: assign({ totpSuspended: true, totpSetup: undefined }),
        on: {
          FINISH_SETUP: { target: 'totpSetup', actions: ['clearMessages', assign({ replacing: true })] },
          LEAVE_OFF: { target: 'ready', actions: 'clearMessages' },
        },
      },

      totpSetup: {
        initial: 'starting',
        on: {
          CANCEL: [
            { guard: 'replacementStarted', target: 'replaceUnfinished', actions: 'clearMessages' },
            { target: 'ready', actions: 'clearMessages' },
          ],
        },
        states: {
          starting: {
            tags: 'pending',
            invoke: {
              src: 'beginTotpSetup',
              onDone: { target: 'entering', actions: assign({ totpSetup: ({ event }) => event.output }) },
              onError: { target: '#security.ready', actions: 'setError' },
            },
          },
          entering: { on: { SUBMIT_CODE: { target: 'verifying', actions: 'clearMessages' } } },
          verifying: {
            tags: 'pending',
            invoke: {
              src: 'verifyTotpSetup',
              input: ({ event }) => ({ code: event.type === 'SUBMIT_CODE' ? event.code : '' }),
              onDone: 'enabling',
              onError: [
                { guard: { type: 'errorIs', params: { kinds: ['totpNotEnabled'] } }, target: '#security.ready', actions: 'setError' },
                { target: 'entering', actions: 'setError' },
              ],
            },
          },
          enabling: {
            tags: 'pending',
            entry: [{ type: 'plan', params: { change: { totp: 'ENABLED' }, success: 'totpOn' } }, assign({ totpSuspended: false })],
            always: '#security.updating',
          },
        },
      },

      removeTotp: afterPasswordCheck({
        target: '#security.updating',
        actions: { type: 'plan' as const, params: { change: { totp: 'DISABLED' as const }, success: 'totpRemoved' as const } },
      }),

      /** A phone number to turn SMS on: entered, verified when Cognito sends a code, then SMS enabled. */
      phone: {
        on: { CANCEL: { target: 'ready', actions: 'clearMessages' } },
        invoke: {
          id: 'contact',
          src: 'contact',
          input: { attribute: 'phone_number', start: 'enter' },
          // Cognito lets an unverified number receive MFA codes: SMS goes on either way.
          onDone: { target: 'updating', actions: { type: 'plan', params: { change: { sms: 'ENABLED' }, success: 'smsOn' } } },
        },
      },

      /** E-mail codes need a verified address: verify the one on file (or enter one), then turn them on. */
      emailForMfa: {
        on: { CANCEL: { target: 'reloading', actions: 'clearMessages' } },
        invoke: {
          id: 'contact',
          src: 'contact',
          input: ({ context }) => ({ attribute: 'email' as const, start: context.security?.user.attributes.email ? ('send' as const) : ('enter' as const) }),
          onDone: [
            {
              guard: ({ event }) => event.output.outcome === 'verified',
              target: 'updating',
              actions: { type: 'plan', params: { change: { email: 'ENABLED' }, success: 'emailMfaOn' } },
            },
            { target: 'reloading' },
          ],
        },
      },

      /** Forgetting a device: it will be asked for MFA again (and its refresh tokens stop working). */
      forgettingDevice: {
        tags: 'pending',
        invoke: {
          src: 'forgetDevice',
          input: ({ event }) => (event.type === 'FORGET_DEVICE' ? { id: event.id, current: event.current } : { id: '', current: false }),
          onDone: { target: 'reloading', actions: assign({ success: 'deviceForgotten' as const }) },
          onError: { target: 'reloading', actions: 'setError' },
        },
      },

      /** The browser's passkey prompt (Amplify's associateWebAuthnCredential), then the list again. */
      addingPasskey: {
        tags: 'pending',
        invoke: {
          src: 'addPasskey',
          onDone: { target: 'reloading', actions: assign({ success: 'passkeyAdded' as const }) },
          onError: { target: 'reloading', actions: assign({ error: ({ event }) => registrationError(event.error), success: undefined }) },
        },
      },

      /** Removing a passkey asks for the password first, like removing the authenticator app. */
      removePasskey: {
        ...afterPasswordCheck({ target: '#security.removingPasskey' }),
        on: { CANCEL: { target: 'ready', actions: ['clearMessages', assign({ removingPasskey: undefined })] } },
      },
      removingPasskey: {
        tags: 'pending',
        invoke: {
          src: 'deletePasskey',
          input: ({ context }) => ({ id: context.removingPasskey ?? '' }),
          onDone: { target: 'reloading', actions: assign({ success: 'passkeyRemoved' as const, removingPasskey: undefined }) },
          onError: { target: 'reloading', actions: ['setError', assign({ removingPasskey: undefined })] },
        },
      },

      /** A new phone number (SMS left as it is) or e-mail address, or verifying the e-mail on file. */
      contactChange: {
        // Cancelling after a change leaves the new, unverified value: re-read it.
        on: { CANCEL: { target: 'reloading', actions: 'clearMessages' } },
        invoke: {
          id: 'contact',
          src: 'contact',
          input: ({ context }) => context.contactChange ?? { attribute: 'email' as const, start: 'send' as const },
          onDone: {
            target: 'reloading',
            actions: assign({
              success: ({ event }) => {
                const email = event.output.attribute === 'email';
                if (event.output.outcome === 'verified') return email ? 'emailVerified' : 'phoneVerified';
                return email ? 'emailSaved' : undefined;
              },
            }),
          },
        },
      },

      changePassword: {
        initial: 'entering',
        on: { CANCEL: { target: 'ready', actions: 'clearMessages' } },
        states: {
          entering: { on: { SUBMIT_PASSWORD_CHANGE: { target: 'changing', actions: 'clearMessages' } } },
          changing: {
            tags: 'pending',
            invoke: {
              src: 'changePassword',
              input: ({ event }) => (event.type === 'SUBMIT_PASSWORD_CHANGE' ? { oldPassword: event.oldPassword, newPassword: event.newPassword } : { oldPassword: '', newPassword: '' }),
              onDone: { target: '#security.ready', actions: assign({ success: 'passwordChanged' as const, error: undefined }) },
              onError: { target: 'entering', actions: 'setPasswordChangeError' },
            },
          },
        },
      },
    },
  });
}

export type SecurityMachine = ReturnType<typeof createSecurityMachine>;

/**
 * The password, checked by the backend (AuthApi.verifyPassword), before something that guards the
 * account goes: the authenticator app, a passkey. A wrong one stays on the form with the error.
 */
function afterPasswordCheck<T>(onDone: T) {
  return {
    initial: 'entering' as const,
    on: { CANCEL: { target: 'ready', actions: 'clearMessages' as const } },
    states: {
      entering: { on: { SUBMIT_PASSWORD: { target: 'verifying', actions: 'clearMessages' as const } } },
      verifying: {
        tags: 'pending' as const,
        invoke: {
          src: 'verifyPassword' as const,
          input: ({ event }: { event: SecurityEvent }) => ({ password: event.type === 'SUBMIT_PASSWORD' ? event.password : '' }),
          onDone,
          onError: { target: 'entering', actions: 'setError' as const },
        },
      },
    },
  };
}
