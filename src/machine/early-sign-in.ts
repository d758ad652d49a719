/**
 * The app's AuthApi (Amplify, loaded lazily: main.tsx), and a sign-in that starts before the app has
 * arrived.
 *
 * A password manager fills the prerendered form and submits it at once, long before the app's
 * JavaScript (React, the machines, the screens) has come and run. The first screen
 * (src/first-screen/runtime.ts) then loads only this chunk — Amplify, which it fetched ahead — and
 * starts the very call the sign-in machine makes when it takes over that press: the client-side SRP
 * and the round trips to Cognito overlap the rest of the download. The machine still decides: when it
 * asks for that same sign-in it gets the one under way; when it asks for anything else, the early
 * one is waited out and its answer dropped (a later sign-in starts afresh, as any sign-in does).
 *
 * Only where the machine will make that call: the app's page or the hosted /login (not /signup,
 * /forgot-password, /logout, nor a page back from the pool domain), in the mode the pool is
 * configured for, nobody signed in on this device, no federated sign-in in flight, no e-mail of a
 * single-sign-on domain.
 */
import { loadConfig, offeredProviders, type RuntimeConfig } from '../config';
import { routeFor } from '../hosted/route';
import { roundTripWaiting } from '../hosted/round-trip';
import { configureAmplify, createAmplifyAuthApi, signInMayStart } from './amplify-auth';
import { ssoTargetFor } from './federation';
import type { AuthApi, SignInResult } from './types';

/** The prerendered form when it was submitted: the password form, or the username alone (`passwordless`). */
export interface EarlyValues {
  username: string;
  password?: string | undefined;
}

interface EarlySignIn {
  values: EarlyValues;
  /** Whether the call went out: false where the machine will not make it. */
  started: Promise<boolean>;
  /** undefined: not started. */
  answer: Promise<SignInResult | undefined>;
}

let early: EarlySignIn | undefined;
/** The app has taken over: from now on only the machine starts sign-ins. */
let appStarted = false;
let shared: AuthApi | undefined;

/** One API for the early sign-in and the app: it keeps the challenge's username for the steps after. */
function authApi(config: RuntimeConfig): AuthApi {
  configureAmplify(config);
  shared ??= createAmplifyAuthApi(config);
  return shared;
}

/** The API the app's machine uses: the early sign-in, if it is the one asked for, is taken over. */
export function appAuthApi(config: RuntimeConfig): AuthApi {
  const api = authApi(config);
  appStarted = true;
  return {
    ...api,
    // A sign-in under way since before the app came was started with nobody signed in (signInMayStart):
    // the machine then goes on to take it over as its own sign-in, so what follows one follows it
    // (the e-mail offer), even if its answer is already here and the session already stored.
    restoreSession: async () => ((await early?.started) ? { user: null, interrupted: false } : api.restoreSession()),
    signIn: (input) => takeOver((v) => v.password !== undefined && v.username === input.username && v.password === input.password, () => api.signIn(input)),
    startPasswordless: (input) => takeOver((v) => v.password === undefined && input.factor === undefined && v.username === input.username, () => api.startPasswordless(input)),
  };
}

async function takeOver(same: (values: EarlyValues) => boolean, call: () => Promise<SignInResult>): Promise<SignInResult> {
  const pending = early;
  early = undefined;
  if (!pending) return call();
  if (same(pending.values)) return (await pending.answer) ?? call();
  // Another sign-in (the user changed what was typed): the early one ends first, unused.
  await pending.answer.catch(() => undefined);
  return call();
}

/**
 * The prerendered form was submitted before the app took over: the sign-in the machine will start
 * when it does, started now. Values the form would refuse (a blank field) start nothing; neither
 * does a second press (the first one's sign-in is under way). True when this press may sign in.
 */
export function startEarlySignIn(typed: EarlyValues): boolean {
  if (appStarted || early) return false;
  const values = { username: typed.username.trim(), password: typed.password };
  if (values.username === '' || values.password?.trim() === '') return false;
  const config = loadConfig().then(
    async (c) => ((await machineWillCall(c, values)) ? c : undefined),
    () => undefined,
  );
  const answer = config.then((c) => {
    if (!c) return undefined;
    const api = authApi(c);
    return values.password === undefined ? api.startPasswordless({ username: values.username }) : api.signIn({ username: values.username, password: values.password });
  });
  // Taken over by the machine, or never used.
  answer.catch(() => undefined);
  early = { values, started: config.then((c) => c !== undefined), answer };
  return true;
}

/** What App.tsx and the sign-in machine decide for a press of the prerendered form, decided the same way. */
async function machineWillCall(config: RuntimeConfig, values: EarlyValues): Promise<boolean> {
  if ((values.password === undefined) !== config.passwordless || config.authFlow === 'customWithoutSrp') return false;
  const route = routeFor(window.location, config);
  if (!(route.kind === 'app' || (route.kind === 'login' && !route.flow))) return false;
  // Back from the pool domain (a provider's code or error, or its /logout): the machine resumes that.
  if (config.oauth?.handleReturn && roundTripWaiting(config.oauth, window.location.href)) return false;
  if (ssoTargetFor(values.username, offeredProviders(config))) return false;
  configureAmplify(config);
  return signInMayStart();
}

/** Tests: back to a fresh page. */
export function resetEarlySignIn(): void {
  early = undefined;
  appStarted = false;
  shared = undefined;
}
