/** An AuthApi whose answers a test scripts, recording every call. */
import type { AuthApi } from '../machine/types';

type Handlers = { [K in keyof AuthApi]: AuthApi[K] };
export type Call = { [K in keyof AuthApi]: { method: K; args: Parameters<AuthApi[K]> } }[keyof AuthApi];

export class CognitoLikeError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

const notScripted = (method: string) => () => Promise.reject(new Error(`fake: ${method} was not scripted`));

export function createFakeApi(overrides: Partial<Handlers> = {}): { api: AuthApi; calls: Call[]; handlers: Handlers } {
  const calls: Call[] = [];
  const handlers: Handlers = {
    restoreSession: () => Promise.resolve({ user: null, interrupted: false }),
    signIn: notScripted('signIn'),
    confirmSignIn: notScripted('confirmSignIn'),
    loadUser: notScripted('loadUser'),
    signOut: () => Promise.resolve(),
    loadSecurity: notScripted('loadSecurity'),
    updateMfa: notScripted('updateMfa'),
    beginTotpSetup: notScripted('beginTotpSetup'),
    verifyTotpSetup: notScripted('verifyTotpSetup'),
    verifyPassword: notScripted('verifyPassword'),
    setContact: notScripted('setContact'),
    sendContactCode: notScripted('sendContactCode'),
    confirmContact: notScripted('confirmContact'),
    changePassword: notScripted('changePassword'),
    resetPassword: notScripted('resetPassword'),
    confirmResetPassword: notScripted('confirmResetPassword'),
    signUp: notScripted('signUp'),
    confirmSignUp: notScripted('confirmSignUp'),
    resendSignUpCode: notScripted('resendSignUpCode'),
    autoSignIn: notScripted('autoSignIn'),
    rememberDevice: notScripted('rememberDevice'),
    forgetDevice: notScripted('forgetDevice'),
    startPasswordless: notScripted('startPasswordless'),
    chooseFirstFactor: notScripted('chooseFirstFactor'),
    addPasskey: notScripted('addPasskey'),
    deletePasskey: notScripted('deletePasskey'),
    federatedSignIn: notScripted('federatedSignIn'),
    completeFederatedSignIn: notScripted('completeFederatedSignIn'),
    settleFederatedReturn: () => Promise.resolve(),
    // The page never comes back from the provider in a unit test.
    backWithoutSignIn: () => new Promise<void>(() => {}),
    abandonFederatedSignIn: () => Promise.resolve(),
    deleteAccount: notScripted('deleteAccount'),
    ...overrides,
  };
  const api = Object.fromEntries(
    (Object.keys(handlers) as (keyof AuthApi)[]).map((method) => [
      method,
      (...args: never[]) => {
        calls.push({ method, args } as unknown as Call);
        return (handlers[method] as (...a: never[]) => Promise<unknown>)(...args);
      },
    ]),
  ) as unknown as AuthApi;
  return { api, calls, handlers };
}
