import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeApi } from '../testing/fake-api';
import type { SignInResult } from './types';

// Amplify itself is replaced: what is under test is when the early sign-in starts and how the app takes it over.
const amplify = vi.hoisted(() => ({ fake: undefined as ReturnType<typeof import('../testing/fake-api').createFakeApi> | undefined, mayStart: true }));
vi.mock('./amplify-auth', () => ({
  configureAmplify: () => {},
  createAmplifyAuthApi: () => amplify.fake!.api,
  signInMayStart: () => Promise.resolve(amplify.mayStart),
}));

const { appAuthApi, resetEarlySignIn, startEarlySignIn } = await import('./early-sign-in');
const { parseConfig } = await import('../config');

const CONFIG = { userPoolId: 'eu-west-1_abc', userPoolClientId: 'c' };
const storage = new Map<string, string>();

function page(href: string, config: object = CONFIG): void {
  const w = {
    location: new URL(href),
    __signinConfig: Promise.resolve(new Response(JSON.stringify(config))),
  } as unknown as Window & typeof globalThis;
  Object.assign(w, { self: w, top: w });
  vi.stubGlobal('window', w);
  vi.stubGlobal('sessionStorage', { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => storage.set(k, v), removeItem: (k: string) => storage.delete(k) });
}

/** Lets the early sign-in get as far as it goes (config, checks, the call). */
const settle = () => new Promise((r) => setTimeout(r, 0));

let answer: (r: SignInResult) => void;
beforeEach(() => {
  resetEarlySignIn();
  storage.clear();
  amplify.mayStart = true;
  amplify.fake = createFakeApi({
    signIn: () => new Promise((r) => (answer = r)),
    startPasswordless: () => Promise.resolve({ step: 'CHOOSE_FIRST_FACTOR', factors: ['EMAIL_OTP'] } as unknown as SignInResult),
  });
  page('http://localhost:5173/');
});
afterEach(() => vi.unstubAllGlobals());

const signIns = () => amplify.fake!.calls.filter((c) => c.method === 'signIn' || c.method === 'startPasswordless');

describe('a sign-in pressed before the app arrived', () => {
  it('starts at once, and the app asking for the same sign-in gets that one: Cognito is asked once', async () => {
    startEarlySignIn({ username: ' ann ', password: 'pw' });
    await settle();
    expect(signIns()).toEqual([{ method: 'signIn', args: [{ username: 'ann', password: 'pw' }] }]);
    const api = appAuthApi(parseConfig(CONFIG));
    const taken = api.signIn({ username: 'ann', password: 'pw' });
    answer({ step: 'DONE' });
    expect(await taken).toEqual({ step: 'DONE' });
    expect(signIns()).toHaveLength(1);
  });

  it('its error is the app\'s sign-in error', async () => {
    amplify.fake!.handlers.signIn = () => Promise.reject(Object.assign(new Error('Incorrect username or password.'), { name: 'NotAuthorizedException' }));
    startEarlySignIn({ username: 'ann', password: 'wrong' });
    await settle();
    await expect(appAuthApi(parseConfig(CONFIG)).signIn({ username: 'ann', password: 'wrong' })).rejects.toThrow('Incorrect username or password.');
    expect(signIns()).toHaveLength(1);
  });

  it('the app asking for another sign-in waits the early one out, then asks Cognito itself', async () => {
    startEarlySignIn({ username: 'ann', password: 'pw' });
    await settle();
    const api = appAuthApi(parseConfig(CONFIG));
    let done = false;
    const own = api.signIn({ username: 'bob', password: 'pw2' }).then(() => (done = true));
    await settle();
    expect(done).toBe(false);
    expect(signIns()).toHaveLength(1);
    amplify.fake!.handlers.signIn = () => Promise.resolve({ step: 'DONE' });
    answer({ step: 'DONE' });
    await own;
    expect(signIns().map((c) => c.args[0])).toEqual([
      { username: 'ann', password: 'pw' },
      { username: 'bob', password: 'pw2' },
    ]);
  });

  it('passwordless: the username alone starts choice-based sign-in, taken over by the app\'s first step', async () => {
    page('http://localhost:5173/', { ...CONFIG, passwordless: true });
    startEarlySignIn({ username: 'ann' });
    await settle();
    expect(signIns()).toEqual([{ method: 'startPasswordless', args: [{ username: 'ann' }] }]);
    const result = await appAuthApi(parseConfig({ ...CONFIG, passwordless: true })).startPasswordless({ username: 'ann' });
    expect(result).toMatchObject({ step: 'CHOOSE_FIRST_FACTOR' });
    expect(signIns()).toHaveLength(1);
  });

  const notStarted: [string, () => void, object?][] = [
    ['an empty password (the form refuses it)', () => startEarlySignIn({ username: 'ann', password: '' })],
    ['a password of spaces (the form refuses it too)', () => startEarlySignIn({ username: 'ann', password: '   ' })],
    ['a blank username', () => startEarlySignIn({ username: '  ', password: 'pw' })],
    ['a password form on a passwordless pool', () => startEarlySignIn({ username: 'ann', password: 'pw' }), { passwordless: true }],
    ['custom challenges without a password (the app asks for the username alone)', () => startEarlySignIn({ username: 'ann', password: 'pw' }), { authFlow: 'customWithoutSrp' }],
    ['someone signed in on this device already', () => ((amplify.mayStart = false), startEarlySignIn({ username: 'ann', password: 'pw' }))],
    ['the hosted /signup', () => (page('http://localhost:5173/signup'), startEarlySignIn({ username: 'ann', password: 'pw' }))],
    ['the hosted /logout', () => (page('http://localhost:5173/logout'), startEarlySignIn({ username: 'ann', password: 'pw' }))],
    ['a /login whose redirect_uri is not allowed', () => (page('http://localhost:5173/login?redirect_uri=https://evil.example/'), startEarlySignIn({ username: 'ann', password: 'pw' }))],
    [
      'a page back from the pool domain',
      () => (storage.set('signin.federation', JSON.stringify({ label: 'Google', startedAt: Date.now() })), startEarlySignIn({ username: 'ann', password: 'pw' })),
      { oauth: { domain: 'auth.example.com', redirectSignIn: ['http://localhost:5173/'], redirectSignOut: ['http://localhost:5173/'] } },
    ],
    [
      'an e-mail of a single-sign-on domain (its provider asks for the password)',
      () => startEarlySignIn({ username: 'ann@corp.example', password: 'pw' }),
      { oauth: { domain: 'auth.example.com', redirectSignIn: ['http://localhost:5173/'], redirectSignOut: ['http://localhost:5173/'] }, providers: [{ name: 'Corp', emailDomains: ['corp.example'] }] },
    ],
  ];
  for (const [when, press, config] of notStarted) {
    it(`starts nothing for ${when}; the app then signs in itself`, async () => {
      if (config) page(window.location.href, { ...CONFIG, ...config });
      press();
      await settle();
      expect(signIns()).toEqual([]);
      amplify.fake!.handlers.signIn = () => Promise.resolve({ step: 'DONE' });
      await appAuthApi(parseConfig({ ...CONFIG, ...config })).signIn({ username: 'ann', password: 'pw' });
      expect(signIns()).toHaveLength(1);
    });
  }

  it('starts nothing once the app has taken over, nor for a second press; says whether the press may sign in', async () => {
    expect(startEarlySignIn({ username: 'ann', password: 'pw' })).toBe(true);
    expect(startEarlySignIn({ username: 'bob', password: 'pw' })).toBe(false);
    await settle();
    expect(signIns()).toHaveLength(1);
    resetEarlySignIn();
    appAuthApi(parseConfig(CONFIG));
    expect(startEarlySignIn({ username: 'carl', password: 'pw' })).toBe(false);
    await settle();
    expect(signIns()).toHaveLength(1);
    expect(startEarlySignIn({ username: '', password: 'pw' })).toBe(false);
  });

  it('restoring the session while it is under way finds nobody, even once it has signed in: the machine takes it over as its own sign-in', async () => {
    amplify.fake!.handlers.restoreSession = () => Promise.resolve({ user: { username: 'ann', attributes: {} }, interrupted: false });
    startEarlySignIn({ username: 'ann', password: 'pw' });
    await settle();
    answer({ step: 'DONE' });
    await settle();
    const api = appAuthApi(parseConfig(CONFIG));
    expect(await api.restoreSession()).toEqual({ user: null, interrupted: false });
    expect(await api.signIn({ username: 'ann', password: 'pw' })).toEqual({ step: 'DONE' });
    expect(amplify.fake!.calls.map((c) => c.method)).toEqual(['signIn']);
  });

  it('an early sign-in is taken over once: a later sign-in with the same values asks Cognito again', async () => {
    startEarlySignIn({ username: 'ann', password: 'pw' });
    await settle();
    const api = appAuthApi(parseConfig(CONFIG));
    const first = api.signIn({ username: 'ann', password: 'pw' });
    answer({ step: 'DONE' });
    await first;
    amplify.fake!.handlers.signIn = () => Promise.resolve({ step: 'DONE' });
    await api.signIn({ username: 'ann', password: 'pw' });
    expect(signIns()).toHaveLength(2);
  });

  it('where nothing started, restoring the session asks Amplify', async () => {
    page('http://localhost:5173/signup');
    amplify.fake!.handlers.restoreSession = () => Promise.resolve({ user: { username: 'ann', attributes: {} }, interrupted: false });
    startEarlySignIn({ username: 'ann', password: 'pw' });
    await settle();
    expect(await appAuthApi(parseConfig(CONFIG)).restoreSession()).toMatchObject({ user: { username: 'ann' } });
  });
});
