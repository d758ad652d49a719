/**
 * An AuthApi whose implementation loads on first use: the app's first screen does not wait for
 * Amplify (aws-amplify/auth and its crypto are most of the sign-in's JavaScript). The first call —
 * restoring the session, right after the first render — starts the download.
 */
import type { AuthApi } from './types';

export function createLazyAuthApi(load: () => Promise<AuthApi>): AuthApi & { ready: () => Promise<AuthApi> } {
  let loaded: Promise<AuthApi> | undefined;
  const ready = () => {
    loaded ??= load();
    // A failed download (offline) may be retried by the next call.
    loaded.catch(() => (loaded = undefined));
    return loaded;
  };
  return new Proxy({ ready } as AuthApi & { ready: () => Promise<AuthApi> }, {
    get(target, name) {
      if (name === 'ready') return target.ready;
      if (typeof name !== 'string') return undefined;
      return async (...args: unknown[]) => {
        const api = await ready();
        const method = api[name as keyof AuthApi] as (...a: unknown[]) => Promise<unknown>;
        return method.apply(api, args);
      };
    },
  });
}
