/** Runtime configuration, read from /config.json so one build serves any pool (emulator or real Cognito). */

export interface RuntimeConfig {
  region: string;
  userPoolId: string;
  userPoolClientId: string;
  /** Only for the local emulator; leave out for real Cognito. */
  endpoint?: string;
  /** Issuer shown in authenticator apps. */
  appName: string;
  /** The app client's AuthSessionValidity: how long an SMS code stays valid. */
  sessionMinutes: number;
  /** The pool's MFA is ON (required): the account screen won't turn off a user's last factor. */
  mfaRequired?: boolean;
  /** Hosted mode: the exact redirect_uri values /login and /logout may send users back to. */
  redirectAllowList: string[];
  /** Popup/iframe mode: the exact origins a `signed-in` message may be posted to. */
  postMessageOrigins: string[];
  /**
   * Share the session with relying apps through cookies (Amplify's CookieStorage) instead of
   * localStorage. `cookieDomain` is the parent domain (e.g. "example.com"); leave it out for a host-only cookie.
   */
  cookieStorage: boolean;
  cookieDomain?: string;
  /** Default language ("en", "de"); ?lang= and the browser's languages are tried otherwise. */
  locale?: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function parseConfig(value: unknown): RuntimeConfig {
  if (typeof value !== 'object' || value === null) throw new ConfigError('config.json must hold a JSON object');
  const v = value as Record<string, unknown>;
  const str = (key: string, required = true): string | undefined => {
    const x = v[key];
    if (x === undefined && !required) return undefined;
    if (typeof x !== 'string' || x === '') throw new ConfigError(`config.json: "${key}" must be a non-empty string`);
    return x;
  };
  const stringList = (key: string): string[] => {
    const x = v[key] ?? [];
    if (!Array.isArray(x) || !x.every((e) => typeof e === 'string')) throw new ConfigError(`config.json: "${key}" must be a list of strings`);
    return x as string[];
  };
  const userPoolId = str('userPoolId')!;
  if (!/^[\w-]+_[0-9a-zA-Z]+$/.test(userPoolId)) throw new ConfigError('config.json: "userPoolId" must look like <region>_<id>');
  const sessionMinutes = v.sessionMinutes ?? 3;
  if (typeof sessionMinutes !== 'number' || sessionMinutes < 3 || sessionMinutes > 15) {
    throw new ConfigError('config.json: "sessionMinutes" must be a number from 3 to 15');
  }
  const endpoint = str('endpoint', false);
  return {
    region: str('region', false) ?? userPoolId.split('_')[0],
    userPoolId,
    userPoolClientId: str('userPoolClientId')!,
    ...(endpoint ? { endpoint } : {}),
    appName: str('appName', false) ?? 'Sign in',
    sessionMinutes,
    mfaRequired: v.mfaRequired === true,
    redirectAllowList: stringList('redirectAllowList'),
    postMessageOrigins: stringList('postMessageOrigins'),
    cookieStorage: v.cookieStorage === true || typeof v.cookieDomain === 'string',
    ...(str('cookieDomain', false) ? { cookieDomain: str('cookieDomain', false) } : {}),
    ...(str('locale', false) ? { locale: str('locale', false) } : {}),
  };
}

export async function loadConfig(url = '/config.json'): Promise<RuntimeConfig> {
  const res = await fetch(url, { cache: 'no-store' });
  if (!res.ok) throw new ConfigError(`Could not load ${url} (HTTP ${res.status}). Run "npm start" or write it as the README says.`);
  return parseConfig(await res.json());
}
