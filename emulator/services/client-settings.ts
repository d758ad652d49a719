/**
 * App-client settings shared by CreateUserPoolClient and UpdateUserPoolClient. Cognito's update is
 * a replace: "If you don't provide a value for an attribute, Amazon Cognito sets it to its default
 * value" (API reference, UpdateUserPoolClient), so both read a whole settings object from the request.
 */
import { invalidParameter } from '../errors.js';
import { type Body, optBoolean, optNumber, optObject, optString, optStringList } from '../validate.js';
import { type ClientSettings, type ExplicitAuthFlow, type PoolRecord, type TokenKind, type TokenUnit, validitySeconds } from './model.js';
import { describeOAuthSettings, readOAuthSettings } from './oauth-client-settings.js';
import type { Store } from './store.js';

const FLOWS: ExplicitAuthFlow[] = [
  'ALLOW_USER_SRP_AUTH',
  'ALLOW_USER_PASSWORD_AUTH',
  'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  'ALLOW_REFRESH_TOKEN_AUTH',
  'ALLOW_CUSTOM_AUTH',
  'ALLOW_USER_AUTH',
];
const LEGACY_FLOWS: Record<string, ExplicitAuthFlow> = {
  USER_PASSWORD_AUTH: 'ALLOW_USER_PASSWORD_AUTH',
  ADMIN_NO_SRP_AUTH: 'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  CUSTOM_AUTH_FLOW_ONLY: 'ALLOW_CUSTOM_AUTH',
};
const DEFAULT_FLOWS: ExplicitAuthFlow[] = ['ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'];
const UNITS: TokenUnit[] = ['seconds', 'minutes', 'hours', 'days'];

/** Cognito's ranges: access and ID tokens 5 minutes to 1 day, refresh tokens 60 minutes to 10 years. */
const RANGES: Record<TokenKind, [number, number]> = {
  AccessToken: [5 * 60, 86_400],
  IdToken: [5 * 60, 86_400],
  RefreshToken: [60 * 60, 3650 * 86_400],
};
/** Units when a value is given without one (hours for access/ID, days for refresh), and the defaults when no value is given. */
const DEFAULT_UNIT: Record<TokenKind, TokenUnit> = { AccessToken: 'hours', IdToken: 'hours', RefreshToken: 'days' };
const DEFAULT_VALIDITY: Record<TokenKind, [number, TokenUnit]> = { AccessToken: [60, 'minutes'], IdToken: [60, 'minutes'], RefreshToken: [30, 'days'] };

function explicitAuthFlows(body: Body): ExplicitAuthFlow[] {
  const given = optStringList(body, 'ExplicitAuthFlows');
  if (!given) return DEFAULT_FLOWS;
  const flows = given.map((f) => {
    const flow = LEGACY_FLOWS[f] ?? FLOWS.find((x) => x === f);
    if (!flow) throw invalidParameter(`Invalid ExplicitAuthFlows value: ${f}`);
    return flow;
  });
  // Refresh is always allowed: Cognito adds it when it is left out.
  return [...new Set([...flows, 'ALLOW_REFRESH_TOKEN_AUTH' as const])];
}

function enumValue<T extends string>(body: Body, key: string, values: readonly T[]): T | undefined {
  const value = optString(body, key, { max: 32 });
  if (value !== undefined && !(values as readonly string[]).includes(value)) {
    throw invalidParameter(`1 validation error detected: Value '${value}' at '${key}' failed to satisfy constraint: Member must satisfy enum value set: [${values.join(', ')}]`);
  }
  return value as T | undefined;
}

/** `context`: what the OAuth settings are checked against (the pool's providers and scopes, the client's secret). */
export function readClientSettings(body: Body, context: { store: Store; pool: PoolRecord; hasSecret: boolean }): ClientSettings {
  const unitsBody = optObject(body, 'TokenValidityUnits') ?? {};
  const validity = {} as Record<TokenKind, number>;
  const units = {} as Record<TokenKind, TokenUnit>;
  for (const kind of ['AccessToken', 'IdToken', 'RefreshToken'] as const) {
    const value = optNumber(body, kind === 'AccessToken' ? 'AccessTokenValidity' : kind === 'IdToken' ? 'IdTokenValidity' : 'RefreshTokenValidity', 0, 315_360_000);
    const unit = enumValue(unitsBody, kind, UNITS);
    [validity[kind], units[kind]] = value === undefined ? DEFAULT_VALIDITY[kind] : [value, unit ?? DEFAULT_UNIT[kind]];
  }
  const rotationBody = optObject(body, 'RefreshTokenRotation');
  const rotation: ClientSettings['refreshTokenRotation'] = rotationBody
    ? {
        Feature: enumValue(rotationBody, 'Feature', ['ENABLED', 'DISABLED'] as const) ?? 'DISABLED',
        RetryGracePeriodSeconds: optNumber(rotationBody, 'RetryGracePeriodSeconds', 0, 60) ?? 0,
      }
    : { Feature: 'DISABLED', RetryGracePeriodSeconds: 0 };
  const readAttributes = optStringList(body, 'ReadAttributes', 1000);
  const writeAttributes = optStringList(body, 'WriteAttributes', 1000);
  const settings: ClientSettings = {
    explicitAuthFlows: explicitAuthFlows(body),
    authSessionValidity: optNumber(body, 'AuthSessionValidity', 3, 15) ?? 3,
    accessTokenValidity: validity.AccessToken,
    idTokenValidity: validity.IdToken,
    refreshTokenValidity: validity.RefreshToken,
    tokenValidityUnits: units,
    enableTokenRevocation: optBoolean(body, 'EnableTokenRevocation') ?? true,
    // API-created clients default to LEGACY (the console's default is ENABLED).
    preventUserExistenceErrors: enumValue(body, 'PreventUserExistenceErrors', ['LEGACY', 'ENABLED'] as const) ?? 'LEGACY',
    ...(readAttributes ? { readAttributes } : {}),
    ...(writeAttributes ? { writeAttributes } : {}),
    refreshTokenRotation: rotation,
    oauth: readOAuthSettings(body, context),
  };
  for (const kind of ['AccessToken', 'IdToken', 'RefreshToken'] as const) {
    const [min, max] = RANGES[kind];
    const seconds = validitySeconds(settings, kind);
    if (seconds < min || seconds > max) {
      throw invalidParameter(`${kind === 'AccessToken' ? 'Access' : kind === 'IdToken' ? 'Id' : 'Refresh'} token validity must be between ${min / 60} minutes and ${max / 86_400} days.`);
    }
  }
  return settings;
}

/** The settings as DescribeUserPoolClient shows them. */
export function describeSettings(client: ClientSettings): Record<string, unknown> {
  return {
    ExplicitAuthFlows: client.explicitAuthFlows,
    AuthSessionValidity: client.authSessionValidity,
    AccessTokenValidity: client.accessTokenValidity,
    IdTokenValidity: client.idTokenValidity,
    RefreshTokenValidity: client.refreshTokenValidity,
    TokenValidityUnits: client.tokenValidityUnits,
    EnableTokenRevocation: client.enableTokenRevocation,
    PreventUserExistenceErrors: client.preventUserExistenceErrors,
    ...(client.readAttributes ? { ReadAttributes: client.readAttributes } : {}),
    ...(client.writeAttributes ? { WriteAttributes: client.writeAttributes } : {}),
    RefreshTokenRotation: client.refreshTokenRotation,
    ...describeOAuthSettings(client.oauth),
  };
}
