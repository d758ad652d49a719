/** What the page was opened for: the app itself, or the hosted /login and /logout endpoints. */
import type { RuntimeConfig } from '../config';
import type { ReturnTarget } from '../machine/auth-machine';
import { checkOrigin, checkRedirect, type RedirectRefusal } from './redirect';
import type { RoundTrip } from './round-trip';

export type HostedRoute =
  | { kind: 'app' }
  /** /login, and /signup and /forgot-password (which open that flow when nobody is signed in). */
  | { kind: 'login'; returnTo?: ReturnTarget; flow?: 'signUp' | 'recovery' }
  | { kind: 'logout'; returnTo?: ReturnTarget; global: boolean }
  /** /delete-account: sign in if needed, delete the account, then back (or, cancelled, back all the same). */
  | { kind: 'deleteAccount'; returnTo?: ReturnTarget }
  | { kind: 'refused'; reason: RedirectRefusal };

export function routeFor(location: Pick<Location, 'pathname' | 'search'>, config: Pick<RuntimeConfig, 'redirectAllowList' | 'postMessageOrigins'>): HostedRoute {
  const path = location.pathname.replace(/\/+$/, '');
  const query = new URLSearchParams(location.search);
  const state = query.get('state') ?? undefined;
  const flow: 'signUp' | 'recovery' | undefined = path.endsWith('/signup') ? 'signUp' : path.endsWith('/forgot-password') ? 'recovery' : undefined;
  if (path.endsWith('/login') || flow) {
    const login = { kind: 'login' as const, ...(flow ? { flow } : {}) };
    if (query.get('mode') === 'popup') {
      const origin = checkOrigin(query.get('origin'), config.postMessageOrigins);
      return origin ? { ...login, returnTo: { kind: 'postMessage', origin } } : { kind: 'refused', reason: 'notAllowed' };
    }
    if (!query.has('redirect_uri')) return login;
    const check = checkRedirect(query.get('redirect_uri'), config.redirectAllowList);
    return check.ok ? { ...login, returnTo: { kind: 'redirect', uri: check.uri, ...(state !== undefined ? { state } : {}) } } : { kind: 'refused', reason: check.reason };
  }
  if (path.endsWith('/logout') || path.endsWith('/delete-account')) {
    const route = path.endsWith('/logout') ? { kind: 'logout' as const, global: query.get('global') === 'true' } : { kind: 'deleteAccount' as const };
    if (!query.has('redirect_uri')) return route;
    const check = checkRedirect(query.get('redirect_uri'), config.redirectAllowList);
    return check.ok ? { ...route, returnTo: { kind: 'redirect', uri: check.uri, ...(state !== undefined ? { state } : {}) } } : { kind: 'refused', reason: check.reason };
  }
  return { kind: 'app' };
}

/**
 * The route of a page that comes back from the pool domain: the hosted sign-in (or sign-out) it left
 * from, from the tab's own storage, its return target checked against the allow-lists again.
 */
export function routeAfterRoundTrip(roundTrip: RoundTrip, location: Pick<Location, 'pathname' | 'search'>, config: Pick<RuntimeConfig, 'redirectAllowList' | 'postMessageOrigins'>): HostedRoute {
  const back = roundTrip.federation?.ticket ?? roundTrip.signedOut;
  if (!back) return routeFor(location, config);
  const flow = roundTrip.federation?.ticket.initialFlow;
  const base = roundTrip.federation ? { kind: 'login' as const, ...(flow ? { flow } : {}) } : { kind: 'logout' as const, global: false };
  const target = back.returnTo;
  if (!target) return roundTrip.federation ? routeFor(location, config) : base;
  if (target.kind === 'postMessage') {
    const origin = checkOrigin(target.origin, config.postMessageOrigins);
    return origin ? { ...base, returnTo: { kind: 'postMessage', origin } } : { kind: 'refused', reason: 'notAllowed' };
  }
  const check = checkRedirect(target.uri, config.redirectAllowList);
  return check.ok ? { ...base, returnTo: { kind: 'redirect', uri: check.uri, ...(target.state !== undefined ? { state: target.state } : {}) } } : { kind: 'refused', reason: check.reason };
}
