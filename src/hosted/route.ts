/** What the page was opened for: the app itself, or the hosted /login and /logout endpoints. */
import type { RuntimeConfig } from '../config';
import type { ReturnTarget } from '../machine/auth-machine';
import { checkOrigin, checkRedirect, type RedirectRefusal } from './redirect';

export type HostedRoute =
  | { kind: 'app' }
  /** /login, and /signup and /forgot-password (which open that flow when nobody is signed in). */
  | { kind: 'login'; returnTo?: ReturnTarget; flow?: 'signUp' | 'recovery' }
  | { kind: 'logout'; returnTo?: ReturnTarget; global: boolean }
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
  if (path.endsWith('/logout')) {
    const global = query.get('global') === 'true';
    if (!query.has('redirect_uri')) return { kind: 'logout', global };
    const check = checkRedirect(query.get('redirect_uri'), config.redirectAllowList);
    return check.ok ? { kind: 'logout', global, returnTo: { kind: 'redirect', uri: check.uri, ...(state !== undefined ? { state } : {}) } } : { kind: 'refused', reason: check.reason };
  }
  return { kind: 'app' };
}
