/**
 * Generated paths over the machine graph: every state of the sign-in machine is reached by the
 * shortest path of user events and actor results (done and error events of the injected actors).
 */
import { describe, expect, it } from 'vitest';
import { getShortestPaths } from 'xstate/graph';
import { createFakeApi } from '../testing/fake-api';
import { actorEvents, leafPaths, namedError, valuePath } from '../testing/graph';
import { createAuthMachine, type AuthEvent, type ReturnTarget } from './auth-machine';
import { createSecurityMachine } from './security-machine';
import type { SignInResult, UserInfo } from './types';

const USER: UserInfo = { username: 'ann', attributes: { email: 'ann@example.com' } };
const RESULTS: SignInResult[] = [
  { step: 'DONE' },
  { step: 'SMS_CODE', destination: '+*******0100' },
  { step: 'EMAIL_CODE', destination: 'a***@e***' },
  { step: 'SELECT_MFA_SETUP', choices: ['TOTP', 'EMAIL'] },
  { step: 'EMAIL_SETUP' },
  { step: 'SELECT_FIRST_FACTOR', choices: ['WEB_AUTHN', 'EMAIL_OTP', 'PASSWORD'] },
  { step: 'PASSWORD' },
  { step: 'TOTP_CODE' },
  { step: 'SELECT_MFA', choices: ['SMS', 'TOTP'] },
  { step: 'TOTP_SETUP', secret: 'S', uri: 'otpauth://totp/x' },
  { step: 'NEW_PASSWORD', requiredAttributes: [] },
  { step: 'CONFIRM_SIGN_UP' },
  { step: 'RESET_PASSWORD' },
  { step: 'CUSTOM_CHALLENGE', parameters: { question: 'Your first pet?' } },
  { step: 'UNSUPPORTED', name: 'CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION' },
];
const CREDENTIALS = { username: 'ann', password: 'New-Passw0rd!' };
const OUTPUTS: Record<string, unknown[]> = {
  restoreSession: [{ user: USER }, { user: null, interrupted: true }, { user: null, interrupted: false }],
  signIn: RESULTS,
  confirmSignIn: RESULTS,
  loadUser: [USER],
  loadSecurity: [createSecurityMachine(createFakeApi().api)],
  signOut: [undefined],
  autoSignIn: RESULTS,
  rememberDevice: [undefined],
  startPasswordless: RESULTS,
  chooseFirstFactor: RESULTS,
  resendCode: RESULTS,
  recovery: [CREDENTIALS],
  signUp: [{ ...CREDENTIALS, autoSignIn: true }, { ...CREDENTIALS, autoSignIn: false }],
  contact: [{ outcome: 'verified', attribute: 'email' }, { outcome: 'skipped', attribute: 'email' }],
  federation: [{ outcome: 'signedIn' }, { outcome: 'cancelled' }, { outcome: 'back' }],
  customChallenge: [{ next: { step: 'DONE' } }, { next: { step: 'TOTP_CODE' } }, { failed: { kind: 'badCredentials', name: 'NotAuthorizedException', message: 'Incorrect username or password.' } }],
};
const ERRORS = [namedError('NotAuthorizedException', 'Incorrect username or password.'), namedError('NotAuthorizedException', 'Invalid session for the user.')];
const USER_EVENTS: AuthEvent[] = [
  { type: 'SUBMIT_SIGN_IN', username: 'ann', password: 'pw' },
  { type: 'SUBMIT_CODE', code: '123456' },
  { type: 'SUBMIT_CODE', code: '123456', remember: true },
  { type: 'SUBMIT_EMAIL', email: 'ann@example.com' },
  { type: 'SUBMIT_USERNAME', username: 'ann' },
  { type: 'CHOOSE_FIRST_FACTOR', factor: 'EMAIL_OTP' },
  { type: 'SUBMIT_PASSWORD', password: 'pw' },
  { type: 'SUBMIT_NEW_PASSWORD', password: 'New-Passw0rd!' },
  { type: 'CHOOSE_MFA', mfa: 'TOTP' },
  { type: 'CHOOSE_MFA', mfa: 'EMAIL' },
  { type: 'RESEND_CODE' },
  { type: 'CANCEL' },
  { type: 'OPEN_ACCOUNT' },
  { type: 'CLOSE_ACCOUNT' },
  { type: 'SIGN_OUT' },
  { type: 'RETRY' },
  { type: 'FORGOT_PASSWORD', username: 'ann' },
  { type: 'SIGN_UP' },
  { type: 'SIGN_IN_WITH_PROVIDER', provider: 'Google' },
];

function pathsFor(returnTo?: ReturnTarget, logout?: { global: boolean }, passwordless = false) {
  const machine = createAuthMachine(createFakeApi().api, { now: () => 0 });
  return getShortestPaths(machine, {
    input: {
      codeValidityMs: 180_000,
      signUpEnabled: true,
      offerRememberDevice: true,
      passwordless,
      providers: [{ name: 'Google', label: 'Google', emailDomains: [], button: true }],
      ...(returnTo ? { returnTo } : {}),
      ...(logout ? { logout } : {}),
    },
    events: (snapshot) => [...USER_EVENTS, ...(actorEvents(snapshot, OUTPUTS, ERRORS) as AuthEvent[])],
    serializeState: (s) => `${JSON.stringify(s.value)}|${s.context.error?.kind ?? ''}|${s.context.notice ?? ''}|${s.context.chosenMfa ?? ''}|${s.context.rememberDevice}`,
  });
}

describe('paths over the sign-in machine graph', () => {
  it('reach every state from the start', () => {
    const machine = createAuthMachine(createFakeApi().api);
    const all = leafPaths(machine.root);
    const reached = new Set(
      [...pathsFor(), ...pathsFor({ kind: 'redirect', uri: 'https://app.example.com/' }, { global: true }), ...pathsFor(undefined, undefined, true)].map((p) => valuePath(p.state.value)),
    );
    // 'starting', 'routing' and 'signedIn.deciding' are transient (left by eventless transitions) and never rest.
    const resting = all.filter((p) => p !== 'starting' && p !== 'routing' && p !== 'signedIn.deciding');
    expect(resting).toEqual(
      expect.arrayContaining(['emailCode.idle', 'selectMfaSetup.idle', 'emailSetup.idle', 'rechoosing', 'rememberingDevice', 'selectFirstFactor.restarting', 'passwordFactor.idle', 'signIn.startingPasswordless', 'federation']),
    );
    expect(resting.filter((p) => !reached.has(p))).toEqual([]);
    expect(resting.length).toBeGreaterThan(15);
  });

  it('never leaves a password in memory outside a challenge', () => {
    for (const path of pathsFor()) {
      const { value, context } = path.state;
      const inChallenge = typeof value === 'object' && ['smsCode', 'emailCode', 'totpCode', 'selectMfa', 'selectMfaSetup', 'emailSetup', 'totpSetup', 'newPassword', 'passwordFactor', 'selectFirstFactor'].some((s) => s in value);
      // Confirming an unconfirmed account, and signing in with what the user just typed elsewhere.
      const continuing = value === 'signUp' || value === 'resuming' || value === 'autoSigningIn' || value === 'rechoosing';
      const signingIn = typeof value === 'object' && 'signIn' in value && (value as { signIn: string }).signIn === 'submitting';
      if (!inChallenge && !signingIn && !continuing) expect(context.password, valuePath(value)).toBe('');
    }
  });
});
