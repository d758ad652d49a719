import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type ActorRefFrom, createActor, waitFor } from 'xstate';
import type { ContactMachine } from './contact-machine';
import type { RecoveryMachine } from './recovery-machine';
import type { SignUpMachine } from './sign-up-machine';
import { CognitoLikeError, createFakeApi } from '../testing/fake-api';
import { type AuthHost, type AuthMachineInput, createAuthMachine, type ReturnTarget } from './auth-machine';
import type { AuthApi, SignInResult } from './types';

const USER = { username: 'ann', attributes: { sub: '1', email: 'ann@example.com', email_verified: 'true' } };
const CODE_MS = 180_000;

function start(overrides: Partial<AuthApi> = {}, input: Partial<AuthMachineInput> = {}, host: AuthHost = {}) {
  const fake = createFakeApi({ loadUser: () => Promise.resolve(USER), ...overrides });
  const actor = createActor(createAuthMachine(fake.api, host), { input: { codeValidityMs: CODE_MS, ...input } });
  actor.start();
  return { actor, ...fake };
}

type Actor = ReturnType<typeof start>['actor'];
const settled = (actor: Actor) => waitFor(actor, (s) => !s.hasTag('pending'));
const signInWith = async (actor: Actor) => {
  await settled(actor);
  actor.send({ type: 'SUBMIT_SIGN_IN', username: ' ann ', password: 'pw' });
  return settled(actor);
};
const answers = (...results: SignInResult[]) => {
  let i = 0;
  return () => Promise.resolve(results[Math.min(i++, results.length - 1)]);
};

describe('restoring', () => {
  it('goes to the signed-in screen when a session exists', async () => {
    const { actor } = start({ restoreSession: () => Promise.resolve({ user: USER }) });
    const s = await settled(actor);
    expect(s.matches({ signedIn: 'home' })).toBe(true);
    expect(s.context.user).toEqual(USER);
  });

  it('says the sign-in was interrupted after a reload mid-challenge', async () => {
    const { actor } = start({ restoreSession: () => Promise.resolve({ user: null, interrupted: true }) });
    const s = await settled(actor);
    expect(s.matches('signIn')).toBe(true);
    expect(s.context.notice).toBe('interrupted');
  });

  it('shows sign-in when restoring fails', async () => {
    const { actor } = start({ restoreSession: () => Promise.reject(new Error('storage')) });
    expect((await settled(actor)).matches('signIn')).toBe(true);
  });
});

describe('password sign-in', () => {
  it('signs in without MFA, trims the username and forgets the password', async () => {
    const { actor, calls } = start({ signIn: answers({ step: 'DONE' }) });
    const s = await signInWith(actor);
    expect(s.matches({ signedIn: 'home' })).toBe(true);
    expect(calls).toContainEqual({ method: 'signIn', args: [{ username: 'ann', password: 'pw' }] });
    expect(s.context.password).toBe('');
  });

  it.each([
    ['NotAuthorizedException', 'Incorrect username or password.', 'badCredentials'],
    ['UserNotFoundException', 'User does not exist.', 'badCredentials'],
    ['NotAuthorizedException', 'Password attempts exceeded', 'lockedOut'],
    ['NotAuthorizedException', 'User is disabled.', 'userDisabled'],
    ['NetworkError', 'A network error has occurred.', 'network'],
    ['TooManyRequestsException', 'Rate exceeded', 'tooManyRequests'],
    ['InternalErrorException', 'boom', 'unknown'],
  ])('stays on sign-in with %s (%s) as %s, password cleared', async (name, message, kind) => {
    const { actor } = start({ signIn: () => Promise.reject(new CognitoLikeError(name, message)) });
    const s = await signInWith(actor);
    expect(s.matches({ signIn: 'idle' })).toBe(true);
    expect(s.context.error).toEqual({ kind, name, message });
    expect(s.context.password).toBe('');
  });

  it('ignores a second submit while the first is in flight', async () => {
    let resolve!: (r: SignInResult) => void;
    const { actor, calls } = start({ signIn: () => new Promise((r) => (resolve = r)) });
    await settled(actor);
    actor.send({ type: 'SUBMIT_SIGN_IN', username: 'ann', password: 'pw' });
    actor.send({ type: 'SUBMIT_SIGN_IN', username: 'ann', password: 'pw' });
    resolve({ step: 'DONE' });
    await settled(actor);
    expect(calls.filter((c) => c.method === 'signIn')).toHaveLength(1);
  });

  it('shows an unsupported step with a way back', async () => {
    const { actor } = start({ signIn: answers({ step: 'UNSUPPORTED', name: 'CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE' }) });
    let s = await signInWith(actor);
    expect(s.matches('unsupported')).toBe(true);
    expect(s.context.unsupportedStep).toBe('CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE');
    actor.send({ type: 'CANCEL' });
    s = actor.getSnapshot();
    expect(s.matches('signIn')).toBe(true);
    expect(s.context.unsupportedStep).toBeUndefined();
  });
});

describe('SMS code', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] }));
  afterEach(() => vi.useRealTimers());

  it('shows the masked destination and expiry, then signs in with the code', async () => {
    const { actor, calls } = start({ signIn: answers({ step: 'SMS_CODE', destination: '+*******0100' }), confirmSignIn: answers({ step: 'DONE' }) });
    let s = await signInWith(actor);
    expect(s.matches({ smsCode: 'idle' })).toBe(true);
    expect(s.context.codeDestination).toBe('+*******0100');
    expect(s.context.codeExpiresAt).toBe(Date.now() + CODE_MS);
    expect(s.context.password).toBe('pw'); // kept for a resend while the challenge lasts
    actor.send({ type: 'SUBMIT_CODE', code: '123456' });
    s = await settled(actor);
    expect(s.matches('signedIn')).toBe(true);
    expect(calls).toContainEqual({ method: 'confirmSignIn', args: [{ response: '123456' }] });
    expect(s.context.password).toBe('');
    expect(s.context.codeDestination).toBeUndefined();
  });

  it('keeps the screen with an error on a wrong code, and lets the user retry', async () => {
    let n = 0;
    const { actor } = start({
      signIn: answers({ step: 'SMS_CODE', destination: '+*******0100' }),
      confirmSignIn: () => (n++ === 0 ? Promise.reject(new CognitoLikeError('CodeMismatchException', 'Invalid code')) : Promise.resolve({ step: 'DONE' })),
    });
    await signInWith(actor);
    actor.send({ type: 'SUBMIT_CODE', code: '000000' });
    let s = await settled(actor);
    expect(s.matches({ smsCode: 'idle' })).toBe(true);
    expect(s.context.error?.kind).toBe('wrongCode');
    actor.send({ type: 'SUBMIT_CODE', code: '123456' });
    s = await settled(actor);
    expect(s.matches('signedIn')).toBe(true);
  });

  it('returns to sign-in when the backend ended the session', async () => {
    const { actor } = start({
      signIn: answers({ step: 'SMS_CODE', destination: '+*******0100' }),
      confirmSignIn: () => Promise.reject(new CognitoLikeError('NotAuthorizedException', 'Invalid session for the user, session is expired.')),
    });
    await signInWith(actor);
    actor.send({ type: 'SUBMIT_CODE', code: '123456' });
    const s = await settled(actor);
    expect(s.matches('signIn')).toBe(true);
    expect(s.context.notice).toBe('sessionEnded');
    expect(s.context.password).toBe('');
  });

  it('returns to sign-in when the code expires on the clock', async () => {
    const { actor } = start({ signIn: answers({ step: 'SMS_CODE', destination: '+*******0100' }) });
    await signInWith(actor);
    vi.advanceTimersByTime(CODE_MS - 1);
    expect(actor.getSnapshot().matches('smsCode')).toBe(true);
    vi.advanceTimersByTime(1);
    const s = actor.getSnapshot();
    expect(s.matches('signIn')).toBe(true);
    expect(s.context.notice).toBe('codeExpired');
    expect(s.context.password).toBe('');
  });

  it('resends by restarting the sign-in, which restarts the expiry', async () => {
    const { actor, calls } = start({ signIn: answers({ step: 'SMS_CODE', destination: '+*******0100' }) });
    await signInWith(actor);
    vi.advanceTimersByTime(60_000);
    actor.send({ type: 'RESEND_CODE' });
    const s = await settled(actor);
    expect(s.matches({ smsCode: 'idle' })).toBe(true);
    expect(s.context.notice).toBe('codeResent');
    expect(s.context.codeExpiresAt).toBe(Date.now() + CODE_MS);
    expect(calls.filter((c) => c.method === 'signIn')).toEqual([
      { method: 'signIn', args: [{ username: 'ann', password: 'pw' }] },
      { method: 'signIn', args: [{ username: 'ann', password: 'pw' }] },
    ]);
    vi.advanceTimersByTime(CODE_MS - 1);
    expect(actor.getSnapshot().matches('smsCode')).toBe(true);
  });

  it('shows an error when the resend fails and stays on the code screen', async () => {
    let n = 0;
    const { actor } = start({
      signIn: () => (n++ === 0 ? Promise.resolve({ step: 'SMS_CODE', destination: '+*******0100' } as SignInResult) : Promise.reject(new CognitoLikeError('NetworkError', 'offline'))),
    });
    await signInWith(actor);
    actor.send({ type: 'RESEND_CODE' });
    const s = await settled(actor);
    expect(s.matches({ smsCode: 'idle' })).toBe(true);
    expect(s.context.error?.kind).toBe('network');
  });

  it('can be cancelled back to sign-in', async () => {
    const { actor } = start({ signIn: answers({ step: 'SMS_CODE', destination: '+*******0100' }) });
    await signInWith(actor);
    actor.send({ type: 'CANCEL' });
    expect(actor.getSnapshot().matches('signIn')).toBe(true);
    expect(actor.getSnapshot().context.password).toBe('');
  });
});

describe('TOTP, choice of factor, TOTP setup and new password', () => {
  it('signs in with a TOTP code after a wrong one', async () => {
    let n = 0;
    const { actor } = start({
      signIn: answers({ step: 'TOTP_CODE' }),
      confirmSignIn: () => (n++ === 0 ? Promise.reject(new CognitoLikeError('CodeMismatchException', 'Invalid code')) : Promise.resolve({ step: 'DONE' })),
    });
    expect((await signInWith(actor)).matches('totpCode')).toBe(true);
    actor.send({ type: 'SUBMIT_CODE', code: '000000' });
    expect((await settled(actor)).context.error?.kind).toBe('wrongCode');
    actor.send({ type: 'SUBMIT_CODE', code: '123456' });
    expect((await settled(actor)).matches('signedIn')).toBe(true);
  });

  it('chooses SMS or TOTP when both are enabled', async () => {
    const { actor, calls } = start({
      signIn: answers({ step: 'SELECT_MFA', choices: ['SMS', 'TOTP'] }),
      confirmSignIn: answers({ step: 'TOTP_CODE' }, { step: 'DONE' }),
    });
    const s = await signInWith(actor);
    expect(s.matches('selectMfa')).toBe(true);
    expect(s.context.mfaChoices).toEqual(['SMS', 'TOTP']);
    actor.send({ type: 'CHOOSE_MFA', mfa: 'TOTP' });
    expect((await settled(actor)).matches('totpCode')).toBe(true);
    expect(calls).toContainEqual({ method: 'confirmSignIn', args: [{ response: 'TOTP' }] });
  });

  it('returns to sign-in when the selection session has ended', async () => {
    const { actor } = start({
      signIn: answers({ step: 'SELECT_MFA', choices: ['SMS', 'TOTP'] }),
      confirmSignIn: () => Promise.reject(new CognitoLikeError('NotAuthorizedException', 'Invalid session for the user.')),
    });
    await signInWith(actor);
    actor.send({ type: 'CHOOSE_MFA', mfa: 'SMS' });
    const s = await settled(actor);
    expect(s.matches('signIn')).toBe(true);
    expect(s.context.notice).toBe('sessionEnded');
  });

  it('sets up TOTP at first sign-in, showing the secret and URI', async () => {
    const { actor } = start({
      signIn: answers({ step: 'TOTP_SETUP', secret: 'JBSWY3DPEHPK3PXP', uri: 'otpauth://totp/Demo:ann?secret=JBSWY3DPEHPK3PXP&issuer=Demo' }),
      confirmSignIn: answers({ step: 'DONE' }),
    });
    const s = await signInWith(actor);
    expect(s.matches('totpSetup')).toBe(true);
    expect(s.context.totpSetup?.secret).toBe('JBSWY3DPEHPK3PXP');
    actor.send({ type: 'SUBMIT_CODE', code: '123456' });
    const done = await settled(actor);
    expect(done.matches('signedIn')).toBe(true);
    expect(done.context.totpSetup).toBeUndefined();
  });

  it('reports SoftwareTokenMFANotFoundException during setup', async () => {
    const { actor } = start({
      signIn: answers({ step: 'TOTP_SETUP', secret: 'S', uri: 'otpauth://x' }),
      confirmSignIn: () => Promise.reject(new CognitoLikeError('SoftwareTokenMFANotFoundException', 'Software Token MFA has not been enabled by the userPool.')),
    });
    await signInWith(actor);
    actor.send({ type: 'SUBMIT_CODE', code: '123456' });
    const s = await settled(actor);
    expect(s.matches({ totpSetup: 'idle' })).toBe(true);
    expect(s.context.error?.kind).toBe('totpNotEnabled');
  });

  it('sets a new password, with policy errors shown and retry allowed', async () => {
    let n = 0;
    const { actor, calls } = start({
      signIn: answers({ step: 'NEW_PASSWORD', requiredAttributes: [] }),
      confirmSignIn: () => (n++ === 0 ? Promise.reject(new CognitoLikeError('InvalidPasswordException', 'Password did not conform with policy: Password not long enough')) : Promise.resolve({ step: 'DONE' })),
    });
    expect((await signInWith(actor)).matches('newPassword')).toBe(true);
    actor.send({ type: 'SUBMIT_NEW_PASSWORD', password: 'short' });
    const s = await settled(actor);
    expect(s.context.error).toMatchObject({ kind: 'invalidPassword', message: 'Password did not conform with policy: Password not long enough' });
    actor.send({ type: 'SUBMIT_NEW_PASSWORD', password: 'Long-Enough-1!' });
    expect((await settled(actor)).matches('signedIn')).toBe(true);
    expect(calls).toContainEqual({ method: 'confirmSignIn', args: [{ response: 'Long-Enough-1!' }] });
  });

  it('offers a retry (or sign-out) when loading the user fails after sign-in', async () => {
    let fail = true;
    const { actor } = start({ signIn: answers({ step: 'DONE' }), loadUser: () => (fail ? Promise.reject(new CognitoLikeError('NetworkError', 'offline')) : Promise.resolve(USER)) });
    let s = await signInWith(actor);
    expect(s.matches('userLoadFailed')).toBe(true);
    expect(s.context.error?.kind).toBe('network');
    fail = false;
    actor.send({ type: 'RETRY' });
    s = await settled(actor);
    expect(s.matches({ signedIn: 'home' })).toBe(true);
    expect(s.context.error).toBeUndefined();
  });

  it('can sign out when the user never loads', async () => {
    const { actor, calls } = start({ signIn: answers({ step: 'DONE' }), loadUser: () => Promise.reject(new CognitoLikeError('NetworkError', 'offline')) });
    await signInWith(actor);
    actor.send({ type: 'SIGN_OUT' });
    const s = await settled(actor);
    expect(s.matches('signIn')).toBe(true);
    expect(calls.some((c) => c.method === 'signOut')).toBe(true);
  });
});

describe('signed in', () => {
  it('signs out (globally when asked) and says so', async () => {
    const { actor, calls } = start({ restoreSession: () => Promise.resolve({ user: USER }) });
    await settled(actor);
    actor.send({ type: 'SIGN_OUT', global: true });
    const s = await settled(actor);
    expect(s.matches('signIn')).toBe(true);
    expect(s.context.notice).toBe('signedOut');
    expect(s.context.user).toBeUndefined();
    expect(calls).toContainEqual({ method: 'signOut', args: [{ global: true }] });
  });

  it('stays signed in with an error when sign-out fails', async () => {
    const { actor } = start({ restoreSession: () => Promise.resolve({ user: USER }), signOut: () => Promise.reject(new CognitoLikeError('NetworkError', 'offline')) });
    await settled(actor);
    actor.send({ type: 'SIGN_OUT' });
    const s = await settled(actor);
    expect(s.matches({ signedIn: 'home' })).toBe(true);
    expect(s.context.error?.kind).toBe('network');
  });

  it('opens and closes account security', async () => {
    const { actor } = start({
      restoreSession: () => Promise.resolve({ user: USER }),
      loadSecurity: () => Promise.resolve({ user: USER, mfa: { enabled: [] } }),
    });
    await settled(actor);
    actor.send({ type: 'OPEN_ACCOUNT' });
    // The account-security machine loads with its screen (it is not part of signing in).
    expect(actor.getSnapshot().matches({ signedIn: { account: 'loading' } })).toBe(true);
    await waitFor(actor, (s) => s.matches({ signedIn: { account: 'open' } }));
    expect(actor.getSnapshot().children.security).toBeDefined();
    actor.send({ type: 'CLOSE_ACCOUNT' });
    expect(actor.getSnapshot().matches({ signedIn: 'home' })).toBe(true);
    expect(actor.getSnapshot().children.security).toBeUndefined();
    // Opened again: the loaded machine is reused, a fresh one runs.
    actor.send({ type: 'OPEN_ACCOUNT' });
    expect(actor.getSnapshot().matches({ signedIn: { account: 'open' } })).toBe(true);
    expect(actor.getSnapshot().children.security).toBeDefined();
  });
});

describe('hosted and embedded use', () => {
  const redirect: ReturnTarget = { kind: 'redirect', uri: 'https://app.example.com/callback', state: 'xyz' };

  it('hands the user back after sign-in, with MFA on the way', async () => {
    const left: [ReturnTarget, unknown][] = [];
    const { actor } = start({ signIn: answers({ step: 'TOTP_CODE' }), confirmSignIn: answers({ step: 'DONE' }) }, { returnTo: redirect }, { leave: (t, u) => left.push([t, u]) });
    await signInWith(actor);
    expect(left).toEqual([]);
    actor.send({ type: 'SUBMIT_CODE', code: '123456' });
    const s = await settled(actor);
    expect(s.matches('leaving')).toBe(true);
    expect(left).toEqual([[redirect, USER]]);
  });

  it('hands an already signed-in user straight back', async () => {
    const left: ReturnTarget[] = [];
    const { actor } = start({ restoreSession: () => Promise.resolve({ user: USER }) }, { returnTo: redirect }, { leave: (t) => left.push(t) });
    expect((await settled(actor)).matches('leaving')).toBe(true);
    expect(left).toEqual([redirect]);
  });

  it('logs out (globally) and then hands back; with nobody signed in it just hands back', async () => {
    const left: ReturnTarget[] = [];
    const signedIn = start({ restoreSession: () => Promise.resolve({ user: USER }) }, { returnTo: redirect, logout: { global: true } }, { leave: (t) => left.push(t) });
    expect((await settled(signedIn.actor)).matches('leaving')).toBe(true);
    expect(signedIn.calls).toContainEqual({ method: 'signOut', args: [{ global: true, returnTo: redirect }] });
    const nobody = start({}, { returnTo: redirect, logout: { global: false } }, { leave: (t) => left.push(t) });
    expect((await settled(nobody.actor)).matches('leaving')).toBe(true);
    expect(nobody.calls.some((c) => c.method === 'signOut')).toBe(false);
    expect(left).toEqual([redirect, redirect]);
  });

  it('tells an embedding host who signed in, and can open account security first', async () => {
    const seen: unknown[] = [];
    const { actor } = start(
      { signIn: answers({ step: 'DONE' }), loadSecurity: () => Promise.resolve({ user: USER, mfa: { enabled: [] } }) },
      { openAccount: true },
      { onSignedIn: (u) => seen.push(u) },
    );
    const s = await signInWith(actor);
    expect(s.matches({ signedIn: 'account' })).toBe(true);
    expect(seen).toEqual([USER]);
  });
});

describe('account lifecycle', () => {
  const recoveryOf = (actor: Actor) => actor.getSnapshot().children.recovery as ActorRefFrom<RecoveryMachine>;
  const signUpOf = (actor: Actor) => actor.getSnapshot().children.signUp as ActorRefFrom<SignUpMachine>;
  const contactOf = (actor: Actor) => actor.getSnapshot().children.contact as ActorRefFrom<ContactMachine>;
  const idle = <T extends { getSnapshot(): { hasTag(t: 'pending'): boolean } }>(ref: T) => waitFor(ref as never, (s: { hasTag(t: 'pending'): boolean }) => !s.hasTag('pending'));

  it('forgot password: username prefilled from the form, code to the masked destination, then signed in with the new password (continuing into MFA)', async () => {
    const { actor, calls } = start({
      resetPassword: () => Promise.resolve({ medium: 'EMAIL', destination: 'a***@e***' }),
      confirmResetPassword: () => Promise.resolve(),
      signIn: answers({ step: 'SMS_CODE', destination: '+*******0100' }),
    });
    await settled(actor);
    actor.send({ type: 'FORGOT_PASSWORD', username: ' ann ' });
    expect(actor.getSnapshot().value).toBe('recovery');
    expect(recoveryOf(actor).getSnapshot().context.username).toBe('ann');
    recoveryOf(actor).send({ type: 'SUBMIT_USERNAME', username: 'ann' });
    await idle(recoveryOf(actor));
    expect(recoveryOf(actor).getSnapshot().context.delivery).toEqual({ medium: 'EMAIL', destination: 'a***@e***' });
    recoveryOf(actor).send({ type: 'SUBMIT_RESET', code: '123456', password: 'New-Passw0rd!' });
    const s = await waitFor(actor, (x) => x.matches('smsCode'));
    expect(calls.find((c) => c.method === 'signIn')?.args).toEqual([{ username: 'ann', password: 'New-Passw0rd!' }]);
    expect(s.context.codeDestination).toBe('+*******0100');
  });

  it('an administrator\'s reset at sign-in leads into recovery with the reason, and forgets the old password', async () => {
    const { actor } = start({ signIn: answers({ step: 'RESET_PASSWORD' }) });
    const s = await signInWith(actor);
    expect(s.value).toBe('recovery');
    expect(s.context.password).toBe('');
    expect(recoveryOf(actor).getSnapshot().context).toMatchObject({ username: 'ann', reason: 'resetRequired' });
    actor.send({ type: 'CANCEL' });
    expect(actor.getSnapshot().matches('signIn')).toBe(true);
  });

  it('an unconfirmed account: a fresh code, then the sign-in goes on with the password already typed', async () => {
    const { actor, calls } = start({
      signIn: answers({ step: 'CONFIRM_SIGN_UP' }, { step: 'DONE' }),
      resendSignUpCode: () => Promise.resolve({ medium: 'EMAIL', destination: 'a***@e***' }),
      confirmSignUp: () => Promise.resolve(),
    });
    await signInWith(actor);
    expect(actor.getSnapshot().value).toBe('signUp');
    await idle(signUpOf(actor));
    expect(signUpOf(actor).getSnapshot().value).toBe('confirming');
    signUpOf(actor).send({ type: 'SUBMIT_CODE', code: '123456' });
    await waitFor(actor, (x) => x.matches({ signedIn: 'home' }));
    expect(calls.filter((c) => c.method === 'signIn').map((c) => c.args)).toEqual([[{ username: 'ann', password: 'pw' }], [{ username: 'ann', password: 'pw' }]]);
    expect(calls.some((c) => c.method === 'autoSignIn')).toBe(false);
  });

  it('sign-up (when offered): form, code, then autoSignIn; a failed autoSignIn falls back to an ordinary sign-in', async () => {
    for (const autoWorks of [true, false]) {
      const { actor, calls } = start(
        {
          signUp: () => Promise.resolve({ confirmed: false, delivery: { medium: 'EMAIL', destination: 'n***@e***' } }),
          confirmSignUp: () => Promise.resolve(),
          autoSignIn: autoWorks ? answers({ step: 'DONE' }) : () => Promise.reject(new CognitoLikeError('AutoSignInException', 'The autoSignIn flow has not started.')),
          signIn: answers({ step: 'DONE' }),
        },
        { signUpEnabled: true },
      );
      await settled(actor);
      actor.send({ type: 'SIGN_UP' });
      signUpOf(actor).send({ type: 'SUBMIT_SIGN_UP', username: 'newbie', email: 'newbie@example.com', password: 'Passw0rd!' });
      await idle(signUpOf(actor));
      expect(signUpOf(actor).getSnapshot().context.delivery?.destination).toBe('n***@e***');
      signUpOf(actor).send({ type: 'SUBMIT_CODE', code: '123456' });
      await waitFor(actor, (x) => x.matches({ signedIn: 'home' }));
      expect(calls.some((c) => c.method === 'signIn')).toBe(!autoWorks);
    }
  });

  it('offers sign-up only when the config says so, and opens a flow for hosted /signup and /forgot-password', async () => {
    const closed = start();
    await settled(closed.actor);
    closed.actor.send({ type: 'SIGN_UP' });
    expect(closed.actor.getSnapshot().matches('signIn')).toBe(true);
    const signUp = start({}, { signUpEnabled: true, initialFlow: 'signUp' });
    expect((await settled(signUp.actor)).value).toBe('signUp');
    const recovery = start({}, { initialFlow: 'recovery' });
    expect((await settled(recovery.actor)).value).toBe('recovery');
  });

  it('after a fresh sign-in, offers to verify an unverified e-mail once; skipping goes on; a restored session is not asked', async () => {
    const unverified = { username: 'ann', attributes: { sub: '1', email: 'ann@example.com', email_verified: 'false' } };
    const { actor } = start({ signIn: answers({ step: 'DONE' }), loadUser: () => Promise.resolve(unverified), sendContactCode: () => Promise.resolve({ destination: 'a***@e***' }), confirmContact: () => Promise.resolve() });
    await signInWith(actor);
    expect(actor.getSnapshot().matches({ signedIn: 'verifyEmail' })).toBe(true);
    contactOf(actor).send({ type: 'SEND_CODE' });
    await idle(contactOf(actor));
    contactOf(actor).send({ type: 'SUBMIT_CODE', code: '123456' });
    const done = await waitFor(actor, (x) => x.matches({ signedIn: 'home' }));
    expect(done.context.user?.attributes.email_verified).toBe('true');

    const skipper = start({ signIn: answers({ step: 'DONE' }), loadUser: () => Promise.resolve(unverified) });
    await signInWith(skipper.actor);
    contactOf(skipper.actor).send({ type: 'SKIP' });
    expect(skipper.actor.getSnapshot().matches({ signedIn: 'home' })).toBe(true);

    const restored = start({ restoreSession: () => Promise.resolve({ user: unverified }) });
    expect((await settled(restored.actor)).matches({ signedIn: 'home' })).toBe(true);
  });

  it('a new password with required attributes sends them along', async () => {
    const { actor, calls } = start({ signIn: answers({ step: 'NEW_PASSWORD', requiredAttributes: ['email'] }), confirmSignIn: answers({ step: 'DONE' }) });
    const s = await signInWith(actor);
    expect(s.context.requiredAttributes).toEqual(['email']);
    actor.send({ type: 'SUBMIT_NEW_PASSWORD', password: 'New-Passw0rd!', attributes: { email: 'ann@example.com' } });
    await waitFor(actor, (x) => x.matches({ signedIn: 'home' }));
    expect(calls.find((c) => c.method === 'confirmSignIn')?.args).toEqual([{ response: 'New-Passw0rd!', attributes: { email: 'ann@example.com' } }]);
  });
});

describe('e-mail codes and remembered devices', () => {
  it('shows where the e-mail code went with its expiry, and signs in with it', async () => {
    const { actor, calls } = start({ signIn: answers({ step: 'EMAIL_CODE', destination: 'a***@e***' }), confirmSignIn: answers({ step: 'DONE' }) }, {}, { now: () => 1_000 });
    const s = await signInWith(actor);
    expect(s.matches('emailCode')).toBe(true);
    expect(s.context.codeDestination).toBe('a***@e***');
    expect(s.context.codeExpiresAt).toBe(1_000 + CODE_MS);
    actor.send({ type: 'SUBMIT_CODE', code: '123456' });
    expect((await settled(actor)).matches('signedIn')).toBe(true);
    expect(calls).toContainEqual({ method: 'confirmSignIn', args: [{ response: '123456' }] });
  });

  it('a resend that meets the factor choice again chooses e-mail again and says a new code was sent', async () => {
    const { actor, calls } = start({
      signIn: answers({ step: 'SELECT_MFA', choices: ['SMS', 'TOTP', 'EMAIL'] }),
      confirmSignIn: answers({ step: 'EMAIL_CODE', destination: 'a***@e***' }),
    });
    await signInWith(actor);
    actor.send({ type: 'CHOOSE_MFA', mfa: 'EMAIL' });
    expect((await settled(actor)).matches('emailCode')).toBe(true);
    actor.send({ type: 'RESEND_CODE' });
    const s = await settled(actor);
    expect(s.matches('emailCode')).toBe(true);
    expect(s.context.notice).toBe('codeResent');
    expect(calls.filter((c) => c.method === 'signIn')).toHaveLength(2);
    expect(calls.filter((c) => c.method === 'confirmSignIn').map((c) => c.args[0])).toEqual([{ response: 'EMAIL' }, { response: 'EMAIL' }]);
  });

  it('sets e-mail codes up at sign-in: choose e-mail, give the address, enter its code', async () => {
    const { actor, calls } = start({
      signIn: answers({ step: 'SELECT_MFA_SETUP', choices: ['TOTP', 'EMAIL'] }),
      confirmSignIn: answers({ step: 'EMAIL_SETUP' }, { step: 'EMAIL_CODE', destination: 'a***@e***' }, { step: 'DONE' }),
    });
    let s = await signInWith(actor);
    expect(s.matches('selectMfaSetup')).toBe(true);
    expect(s.context.mfaChoices).toEqual(['TOTP', 'EMAIL']);
    actor.send({ type: 'CHOOSE_MFA', mfa: 'EMAIL' });
    expect((await settled(actor)).matches('emailSetup')).toBe(true);
    actor.send({ type: 'SUBMIT_EMAIL', email: 'ann@example.com' });
    s = await settled(actor);
    expect(s.matches('emailCode')).toBe(true);
    actor.send({ type: 'SUBMIT_CODE', code: '123456' });
    expect((await settled(actor)).matches('signedIn')).toBe(true);
    expect(calls.filter((c) => c.method === 'confirmSignIn').map((c) => c.args[0])).toEqual([{ response: 'EMAIL' }, { response: 'ann@example.com' }, { response: '123456' }]);
  });

  it('remembers the device after MFA when the user ticks the box, and only where the pool asks the user', async () => {
    const offered = start({ signIn: answers({ step: 'SMS_CODE', destination: '+*******0100' }), confirmSignIn: answers({ step: 'DONE' }), rememberDevice: () => Promise.resolve() }, { offerRememberDevice: true });
    await signInWith(offered.actor);
    offered.actor.send({ type: 'SUBMIT_CODE', code: '123456', remember: true });
    const s = await settled(offered.actor);
    expect(s.matches('signedIn')).toBe(true);
    expect(s.context.deviceNotRemembered).toBeUndefined();
    expect(offered.calls.map((c) => c.method)).toEqual(['restoreSession', 'signIn', 'confirmSignIn', 'rememberDevice', 'loadUser']);

    const unticked = start({ signIn: answers({ step: 'TOTP_CODE' }), confirmSignIn: answers({ step: 'DONE' }) }, { offerRememberDevice: true });
    await signInWith(unticked.actor);
    unticked.actor.send({ type: 'SUBMIT_CODE', code: '123456' });
    await settled(unticked.actor);
    expect(unticked.calls.some((c) => c.method === 'rememberDevice')).toBe(false);

    // Always-remember pools (or none): nothing to ask, whatever the event says.
    const notOffered = start({ signIn: answers({ step: 'TOTP_CODE' }), confirmSignIn: answers({ step: 'DONE' }) });
    await signInWith(notOffered.actor);
    notOffered.actor.send({ type: 'SUBMIT_CODE', code: '123456', remember: true });
    expect((await settled(notOffered.actor)).matches('signedIn')).toBe(true);
    expect(notOffered.calls.some((c) => c.method === 'rememberDevice')).toBe(false);
  });

  it('signs in all the same when remembering fails, and says so until the next sign-in', async () => {
    const { actor } = start(
      { signIn: answers({ step: 'TOTP_CODE' }), confirmSignIn: answers({ step: 'DONE' }), rememberDevice: () => Promise.reject(new CognitoLikeError('NetworkError', 'offline')) },
      { offerRememberDevice: true },
    );
    await signInWith(actor);
    actor.send({ type: 'SUBMIT_CODE', code: '123456', remember: true });
    let s = await settled(actor);
    expect(s.matches({ signedIn: 'home' })).toBe(true);
    expect(s.context.deviceNotRemembered).toBe(true);
    actor.send({ type: 'SIGN_OUT' });
    s = await settled(actor);
    expect(s.context.deviceNotRemembered).toBeUndefined();
  });
});

describe('choice-based sign-in (passwordless)', () => {
  const choice: SignInResult = { step: 'SELECT_FIRST_FACTOR', choices: ['WEB_AUTHN', 'EMAIL_OTP', 'PASSWORD'] };

  it('username first, then the factors; an e-mail code, and its resend starts the choice-based sign-in again with it', async () => {
    const { actor, calls } = start(
      { startPasswordless: answers(choice, { step: 'EMAIL_CODE', destination: 'a***@e***' }), chooseFirstFactor: answers({ step: 'EMAIL_CODE', destination: 'a***@e***' }), confirmSignIn: answers({ step: 'DONE' }) },
      { passwordless: true },
    );
    await settled(actor);
    actor.send({ type: 'SUBMIT_USERNAME', username: ' ann ' });
    let s = await settled(actor);
    expect(s.matches('selectFirstFactor')).toBe(true);
    expect(s.context.firstFactors).toEqual(['WEB_AUTHN', 'EMAIL_OTP', 'PASSWORD']);
    actor.send({ type: 'CHOOSE_FIRST_FACTOR', factor: 'EMAIL_OTP' });
    expect((await settled(actor)).matches('emailCode')).toBe(true);
    actor.send({ type: 'RESEND_CODE' });
    s = await settled(actor);
    expect(s.context.notice).toBe('codeResent');
    actor.send({ type: 'SUBMIT_CODE', code: '123456' });
    expect((await settled(actor)).matches('signedIn')).toBe(true);
    expect(calls.filter((c) => c.method === 'startPasswordless').map((c) => c.args[0])).toEqual([{ username: 'ann' }, { username: 'ann', factor: 'EMAIL_OTP' }]);
    expect(calls.some((c) => c.method === 'signIn')).toBe(false);
  });

  it('a cancelled passkey prompt starts over and offers the choice again, with the reason', async () => {
    const { actor, calls } = start(
      { startPasswordless: answers(choice), chooseFirstFactor: () => Promise.reject(new CognitoLikeError('PasskeyAuthenticationCanceled', 'The user cancelled')) },
      { passwordless: true },
    );
    await settled(actor);
    actor.send({ type: 'SUBMIT_USERNAME', username: 'ann' });
    await settled(actor);
    actor.send({ type: 'CHOOSE_FIRST_FACTOR', factor: 'WEB_AUTHN' });
    const s = await settled(actor);
    expect(s.matches({ selectFirstFactor: 'idle' })).toBe(true);
    expect(s.context.error?.kind).toBe('passkeyCanceled');
    expect(calls.filter((c) => c.method === 'startPasswordless')).toHaveLength(2);
  });

  it('the password as the factor, then MFA: a resend of that code signs in with the password kept for it', async () => {
    const { actor, calls } = start(
      {
        startPasswordless: answers(choice),
        chooseFirstFactor: answers({ step: 'PASSWORD' }),
        confirmSignIn: answers({ step: 'SMS_CODE', destination: '+*******0100' }, { step: 'DONE' }),
        signIn: answers({ step: 'SMS_CODE', destination: '+*******0100' }),
      },
      { passwordless: true },
    );
    await settled(actor);
    actor.send({ type: 'SUBMIT_USERNAME', username: 'ann' });
    await settled(actor);
    actor.send({ type: 'CHOOSE_FIRST_FACTOR', factor: 'PASSWORD' });
    expect((await settled(actor)).matches('passwordFactor')).toBe(true);
    actor.send({ type: 'SUBMIT_PASSWORD', password: 'pw' });
    expect((await settled(actor)).matches('smsCode')).toBe(true);
    actor.send({ type: 'RESEND_CODE' });
    await settled(actor);
    expect(calls).toContainEqual({ method: 'signIn', args: [{ username: 'ann', password: 'pw' }] });
    actor.send({ type: 'SUBMIT_CODE', code: '123456' });
    const s = await settled(actor);
    expect(s.matches('signedIn')).toBe(true);
    expect(s.context.password).toBe('');
  });

  it('the username form does nothing where passwordless is off', async () => {
    const { actor, calls } = start();
    await settled(actor);
    actor.send({ type: 'SUBMIT_USERNAME', username: 'ann' });
    expect(actor.getSnapshot().matches({ signIn: 'idle' })).toBe(true);
    expect(calls.some((c) => c.method === 'startPasswordless')).toBe(false);
  });
});

describe('starting with a username typed before the app took over', () => {
  it('hosted /forgot-password and /signup open their forms with it', async () => {
    const recovery = start({}, { initialFlow: 'recovery', username: ' early ' });
    await settled(recovery.actor);
    expect(recovery.actor.getSnapshot().matches('recovery')).toBe(true);
    expect((recovery.actor.getSnapshot().children.recovery as ActorRefFrom<RecoveryMachine>).getSnapshot().context.username).toBe('early');
    const signUp = start({}, { initialFlow: 'signUp', signUpEnabled: true, username: 'early' });
    await settled(signUp.actor);
    expect((signUp.actor.getSnapshot().children.signUp as ActorRefFrom<SignUpMachine>).getSnapshot().context.username).toBe('early');
  });
});
