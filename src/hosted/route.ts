/** What the page was opened for: the app itself, or the hosted /login and /logout endpoints. */
import type { RuntimeConfig } from '../config';
import type { ReturnTarget } from '../machine/auth-machine';
import { checkOrigin, checkRedirect, type RedirectRefusal } from './redirect';

export type HostedRoute =
  | { kind: 'app' }
  | { kind: 'login'; returnTo?: ReturnTarget }
  | { kind: 'logout'; returnTo?: ReturnTarget; global: boolean }
  | { kind: 'refused'; reason: RedirectRefusal };

export function routeFor(location: Pick<Location, 'pathname' | 'search'>, config: Pick<RuntimeConfig, 'redirectAllowList' | 'postMessageOrigins'>): HostedRoute {
  const path = location.pathname.replace(/\/+$/, '');
  const query = new URLSearchParams(location.search);
  const state = query.get('state') ?? undefined;
  if (path.endsWith('/login')) {
    if (query.get('mode') === 'popup') {
      const origin = checkOrigin(query.get('origin'), config.postMessageOrigins);
      return origin ? { kind: 'login', returnTo: { kind: 'postMessage', origin } } : { kind: 'refused', reason: 'notAllowed' };
    }
    if (!query.has('redirect_uri')) return { kind: 'login' };
    const check = checkRedirect(query.get('redirect_uri'), config.redirectAllowList);
    return check.ok ? { kind: 'login', returnTo: { kind: 'redirect', uri: check.uri, ...(state !== undefined ? { state } : {}) } } : { kind: 'refused', reason: check.reason };
  }
  if (path.endsWith('/logout')) {
    const global = query.get('global') === 'true';
    if (!query.has('redirect_uri')) return { kind: 'logout', global };
    const check = checkRedirect(query.get('redirect_uri'), config.redirectAllowList);
    return check.ok ? { kind: 'logout', global, returnTo: { kind: 'redirect', uri: check.uri, ...(state !== undefined ? { state } : {}) } } : { kind: 'refused', reason: check.reason };
  }
  return { kind: 'app' };
}
