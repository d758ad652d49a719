/** Runtime configuration, read from /config.json so one build serves any pool (emulator or real Cognito). */
import { defaultLabel, isSocial, type ProviderOption, SOCIAL_ALIASES } from './machine/federation';

/** Federated sign-in through the pool domain's OAuth endpoints (Amplify's signInWithRedirect). */
export interface OAuthConfig {
  /** The pool domain without its scheme: "<prefix>.auth.<region>.amazoncognito.com", a custom domain, or the emulator's "localhost:9230/<domain>". */
  domain: string;
  /** Must include openid and aws.cognito.signin.user.admin (the signed-in screens call Cognito with the access token). */
  scopes: string[];
  /** This app's URLs among the app client's callback URLs and sign-out URLs. */
  redirectSignIn: string[];
  redirectSignOut: string[];
  /** false: the host page completes the return from the provider itself (library mode). Default true. */
  handleReturn: boolean;
}

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
  /** Offer "Create an account" (the pool must allow self-registration). */
  signUp: boolean;
  /** Ask for a phone number at sign-up: when the pool uses it ("optional" or "required"). */
  signUpPhone?: 'optional' | 'required';
  /** The pool's password policy, shown and checked as the user types (a browser can't read it from Cognito). */
  passwordPolicy: PasswordPolicy;
  /** After sign-in, offer to verify an unverified e-mail address (default true). */
  verifyEmail: boolean;
  /** The pool sends MFA codes by e-mail (EmailMfaConfiguration): account security offers them. */
  emailMfa: boolean;
  /**
   * The pool's DeviceConfiguration: "off" (no device tracking), "always" (every device is
   * remembered), "onUserPrompt" (DeviceOnlyRememberedOnUserPrompt: "Remember this device" after MFA).
   */
  rememberDevices: 'off' | 'always' | 'onUserPrompt';
  /**
   * Choice-based sign-in (USER_AUTH, the app client's ALLOW_USER_AUTH): username first, then the
   * first factors Cognito offers the user — passkey, e-mail code, SMS code, password; passkeys in
   * account security. The password sign-in stays the default.
   */
  passwordless: boolean;
  /**
   * How a sign-in starts (Amplify's authFlowType): "srp" (the default, USER_SRP_AUTH),
   * "customWithSrp" (the password, then the pool's custom challenges), "customWithoutSrp" (the
   * username, then the custom challenges), or "password" (USER_PASSWORD_AUTH, which user migration
   * needs; the app client must allow it).
   */
  authFlow: AuthFlow;
  /** Federated sign-in: the pool domain and redirect URLs. Without it, no provider is offered. */
  oauth?: OAuthConfig;
  /** The identity providers offered ("Continue with …") and the e-mail domains that go to single sign-on. */
  providers: ProviderOption[];
}

/**
 * The identity providers this page offers: none without the pool domain, and none inside a frame —
 * providers' pages refuse to be framed (as Cognito's do).
 */
export const offeredProviders = (config: { oauth?: unknown; providers: ProviderOption[] }): ProviderOption[] =>
  config.oauth && window.self === window.top ? config.providers : [];

export const AUTH_FLOWS = ['srp', 'customWithSrp', 'customWithoutSrp', 'password'] as const;
export type AuthFlow = (typeof AUTH_FLOWS)[number];

/** A key that takes one of a few strings: `fallback` when left out (if it may be), else refused with the list. */
function oneOf<T extends string>(key: string, value: unknown, values: readonly T[], fallback?: T): T {
  if (value === undefined && fallback !== undefined) return fallback;
  if (!values.includes(value as T)) {
    const listed = values.map((v) => `"${v}"`);
    throw new ConfigError(`config.json: "${key}" must be ${listed.slice(0, -1).join(', ')} or ${listed.at(-1)}`);
  }
  return value as T;
}

export interface PasswordPolicy {
  minLength: number;
  requireLowercase: boolean;
  requireUppercase: boolean;
  requireNumbers: boolean;
  requireSymbols: boolean;
}

/** Cognito's default policy. */
export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = { minLength: 8, requireLowercase: true, requireUppercase: true, requireNumbers: true, requireSymbols: true };

function parsePasswordPolicy(value: unknown): PasswordPolicy {
  if (value === undefined) return DEFAULT_PASSWORD_POLICY;
  if (typeof value !== 'object' || value === null) throw new ConfigError('config.json: "passwordPolicy" must be an object');
  const v = value as Record<string, unknown>;
  const flag = (key: keyof PasswordPolicy) => {
    const x = v[key] ?? DEFAULT_PASSWORD_POLICY[key];
    if (typeof x !== 'boolean') throw new ConfigError(`config.json: "passwordPolicy.${key}" must be true or false`);
    return x;
  };
  const minLength = v.minLength ?? 8;
  if (typeof minLength !== 'number' || minLength < 6 || minLength > 99) throw new ConfigError('config.json: "passwordPolicy.minLength" must be a number from 6 to 99');
  return { minLength, requireLowercase: flag('requireLowercase'), requireUppercase: flag('requireUppercase'), requireNumbers: flag('requireNumbers'), requireSymbols: flag('requireSymbols') };
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
    signUp: v.signUp === true,
    ...(v.signUpPhone !== undefined ? { signUpPhone: oneOf('signUpPhone', v.signUpPhone, ['optional', 'required'] as const) } : {}),
    passwordPolicy: parsePasswordPolicy(v.passwordPolicy),
    verifyEmail: v.verifyEmail !== false,
    emailMfa: v.emailMfa === true,
    rememberDevices: oneOf('rememberDevices', v.rememberDevices, ['off', 'always', 'onUserPrompt'] as const, 'off'),
    passwordless: v.passwordless === true,
    authFlow: oneOf('authFlow', v.authFlow, AUTH_FLOWS, 'srp'),
    ...(v.oauth !== undefined ? { oauth: parseOAuth(v.oauth) } : {}),
    providers: parseProviders(v.providers, v.oauth !== undefined),
  };
}

export const DEFAULT_OAUTH_SCOPES = ['openid', 'email', 'profile', 'aws.cognito.signin.user.admin'];

const absoluteUrls = (value: unknown, key: string): string[] => {
  if (!Array.isArray(value) || value.length === 0 || !value.every((u) => typeof u === 'string' && /^https?:\/\/[^\s#]+$/.test(u))) {
    throw new ConfigError(`config.json: "oauth.${key}" must be a list of this app's absolute http(s) URLs, as registered with the app client`);
  }
  return value as string[];
};

/** What a host (library mode) or config.json gives: scopes and handleReturn may be left out. */
export type OAuthInput = Pick<OAuthConfig, 'domain' | 'redirectSignIn' | 'redirectSignOut'> & Partial<Pick<OAuthConfig, 'scopes' | 'handleReturn'>>;
/** A provider as given: its Cognito name (or Amplify's Amazon / Apple), and optionally a label, e-mail domains, and button: false. */
export interface ProviderInput {
  name: string;
  label?: string;
  emailDomains?: string[];
  button?: boolean;
}

export function parseOAuth(value: unknown): OAuthConfig {
  if (typeof value !== 'object' || value === null) throw new ConfigError('config.json: "oauth" must be an object');
  const v = value as Record<string, unknown>;
  // Amplify adds the https:// itself.
  if (typeof v.domain !== 'string' || !/^[a-z0-9.-]+(:\d+)?(\/[\w.-]+)*$/i.test(v.domain)) {
    throw new ConfigError('config.json: "oauth.domain" must be the pool domain without https://, e.g. "example.auth.eu-west-1.amazoncognito.com"');
  }
  const scopes = v.scopes ?? DEFAULT_OAUTH_SCOPES;
  if (!Array.isArray(scopes) || !scopes.every((s) => typeof s === 'string')) throw new ConfigError('config.json: "oauth.scopes" must be a list of strings');
  for (const required of ['openid', 'aws.cognito.signin.user.admin']) {
    if (!scopes.includes(required)) throw new ConfigError(`config.json: "oauth.scopes" must include ${required}`);
  }
  return {
    domain: v.domain,
    scopes: scopes as string[],
    redirectSignIn: absoluteUrls(v.redirectSignIn, 'redirectSignIn'),
    redirectSignOut: absoluteUrls(v.redirectSignOut, 'redirectSignOut'),
    handleReturn: v.handleReturn !== false,
  };
}

const DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;

export function parseProviders(value: unknown, hasOAuth: boolean): ProviderOption[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new ConfigError('config.json: "providers" must be a list');
  if (value.length && !hasOAuth) throw new ConfigError('config.json: "providers" needs "oauth" (the pool domain and redirect URLs)');
  return value.map((entry, i) => {
    if (typeof entry !== 'object' || entry === null) throw new ConfigError(`config.json: "providers[${i}]" must be an object`);
    const e = entry as Record<string, unknown>;
    if (typeof e.name !== 'string' || e.name === '') throw new ConfigError(`config.json: "providers[${i}].name" must be Cognito's provider name`);
    const name = SOCIAL_ALIASES[e.name] ?? e.name;
    const domains = e.emailDomains ?? [];
    if (!Array.isArray(domains) || !domains.every((d) => typeof d === 'string' && DOMAIN.test(d.toLowerCase()))) {
      throw new ConfigError(`config.json: "providers[${i}].emailDomains" must be a list of e-mail domains, e.g. ["example.com"]`);
    }
    if (isSocial(name) && domains.length) throw new ConfigError(`config.json: "providers[${i}]": e-mail domains belong to SAML or OIDC providers, not ${name}`);
    if (e.label !== undefined && (typeof e.label !== 'string' || e.label === '')) throw new ConfigError(`config.json: "providers[${i}].label" must be a non-empty string`);
    return { name, label: (e.label as string | undefined) ?? defaultLabel(name), emailDomains: (domains as string[]).map((d) => d.toLowerCase()), button: e.button !== false };
  });
}

export async function loadConfig(url = '/config.json'): Promise<RuntimeConfig> {
  // The first screen's script (src/first-screen/runtime.ts) fetched it already: the same response
  // (the server says no-store, so a second fetch would be a second round trip). Otherwise the
  // default cache mode, so the page's <link rel="preload"> of it is used.
  const early = (window as Window & { __signinConfig?: Promise<Response> }).__signinConfig;
  // Each reader its own copy: the app, and a sign-in started before it (machine/early-sign-in.ts).
  const res = url === '/config.json' && early ? (await early).clone() : await fetch(url);
  if (!res.ok) throw new ConfigError(`Could not load ${url} (HTTP ${res.status}). Run "npm start" or write it as the README says.`);
  return parseConfig(await res.json());
}
