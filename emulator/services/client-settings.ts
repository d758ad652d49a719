/**
 * App-client settings shared by CreateUserPoolClient and UpdateUserPoolClient. Cognito's update is
 * a replace: "If you don't provide a value for an attribute, Amazon Cognito sets it to its default
 * value" (API reference, UpdateUserPoolClient), so both read a whole settings object from the request.
 */
import { invalidParameter } from '../errors.js';
import { type Body, definedFields, optEnum, optBoolean, optNumber, optObject, optString, optStringList } from '../validate.js';
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
/** The values from before the ALLOW_ ones, still accepted by the API (API reference, CreateUserPoolClient). */
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

/**
 * ExplicitAuthFlows as given, and the flows they allow. Legacy values keep their legacy meaning: SRP
 * and custom authentication stay allowed beside the flows they name, except that
 * CUSTOM_AUTH_FLOW_ONLY allows custom authentication "only" (no SRP). They can't be mixed with ALLOW_
 * values (API reference, CreateUserPoolClient: "You can't assign these legacy ExplicitAuthFlows values
 * to user pool clients at the same time as values that begin with ALLOW_").
 */
function explicitAuthFlows(body: Body): Pick<ClientSettings, 'explicitAuthFlows' | 'legacyAuthFlows'> {
  const given = optStringList(body, 'ExplicitAuthFlows');
  if (!given) return { explicitAuthFlows: DEFAULT_FLOWS };
  for (const f of given) if (!LEGACY_FLOWS[f] && !FLOWS.includes(f as ExplicitAuthFlow)) throw invalidParameter(`Invalid ExplicitAuthFlows value: ${f}`);
  const legacy = given.filter((f) => LEGACY_FLOWS[f]);
  // Refresh is always allowed: Cognito adds it when it is left out.
  if (!legacy.length) return { explicitAuthFlows: [...new Set([...(given as ExplicitAuthFlow[]), 'ALLOW_REFRESH_TOKEN_AUTH' as const])] };
  if (legacy.length < given.length) {
    // Wording ours (not established): the rule is the API reference's.
    throw invalidParameter('ExplicitAuthFlows can not have both legacy and new values.');
  }
  const implicit: ExplicitAuthFlow[] = legacy.includes('CUSTOM_AUTH_FLOW_ONLY') ? ['ALLOW_CUSTOM_AUTH'] : ['ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH'];
  return {
    explicitAuthFlows: [...new Set([...implicit, ...legacy.map((f) => LEGACY_FLOWS[f]!), 'ALLOW_REFRESH_TOKEN_AUTH' as const])],
    legacyAuthFlows: [...new Set(legacy)],
  };
}

/** AnalyticsConfiguration (Amazon Pinpoint): kept as given, its fields checked for type. */
function analytics(body: Body): Record<string, unknown> | undefined {
  const config = optObject(body, 'AnalyticsConfiguration');
  if (!config) return undefined;
  const read = {
    ApplicationId: optString(config, 'ApplicationId', { pattern: /^[0-9a-fA-F]+$/ }),
    ApplicationArn: optString(config, 'ApplicationArn', { min: 20, max: 2048 }),
    RoleArn: optString(config, 'RoleArn', { min: 20, max: 2048 }),
    ExternalId: optString(config, 'ExternalId'),
    UserDataShared: optBoolean(config, 'UserDataShared'),
  };
  return definedFields(read);
}

/** `context`: what the OAuth settings are checked against (the pool's providers and scopes, the client's secret). */
export function readClientSettings(body: Body, context: { store: Store; pool: PoolRecord; hasSecret: boolean }): ClientSettings {
  const unitsBody = optObject(body, 'TokenValidityUnits') ?? {};
  const validity = {} as Record<TokenKind, number>;
  const units = {} as Record<TokenKind, TokenUnit>;
  for (const kind of ['AccessToken', 'IdToken', 'RefreshToken'] as const) {
    const value = optNumber(body, kind === 'AccessToken' ? 'AccessTokenValidity' : kind === 'IdToken' ? 'IdTokenValidity' : 'RefreshTokenValidity', 0, 315_360_000);
    const unit = optEnum(unitsBody, kind, UNITS);
    [validity[kind], units[kind]] = value === undefined ? DEFAULT_VALIDITY[kind] : [value, unit ?? DEFAULT_UNIT[kind]];
  }
  const rotationBody = optObject(body, 'RefreshTokenRotation');
  const rotation: ClientSettings['refreshTokenRotation'] = rotationBody
    ? {
        Feature: optEnum(rotationBody, 'Feature', ['ENABLED', 'DISABLED'] as const) ?? 'DISABLED',
        RetryGracePeriodSeconds: optNumber(rotationBody, 'RetryGracePeriodSeconds', 0, 60) ?? 0,
      }
    : { Feature: 'DISABLED', RetryGracePeriodSeconds: 0 };
  const readAttributes = optStringList(body, 'ReadAttributes', 1000);
  const writeAttributes = optStringList(body, 'WriteAttributes', 1000);
  const analyticsConfiguration = analytics(body);
  const settings: ClientSettings = {
    ...explicitAuthFlows(body),
    authSessionValidity: optNumber(body, 'AuthSessionValidity', 3, 15) ?? 3,
    accessTokenValidity: validity.AccessToken,
    idTokenValidity: validity.IdToken,
    refreshTokenValidity: validity.RefreshToken,
    tokenValidityUnits: units,
    enableTokenRevocation: optBoolean(body, 'EnableTokenRevocation') ?? true,
    // API-created clients default to LEGACY (the console's default is ENABLED).
    preventUserExistenceErrors: optEnum(body, 'PreventUserExistenceErrors', ['LEGACY', 'ENABLED'] as const) ?? 'LEGACY',
    ...(readAttributes ? { readAttributes } : {}),
    ...(writeAttributes ? { writeAttributes } : {}),
    refreshTokenRotation: rotation,
    oauth: readOAuthSettings(body, context),
    // Kept and described; user context data and Pinpoint analytics are not used here.
    enablePropagateAdditionalUserContextData: optBoolean(body, 'EnablePropagateAdditionalUserContextData') ?? false,
    ...(analyticsConfiguration ? { analyticsConfiguration } : {}),
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
    // A client created with legacy values shows them as it was given them.
    ExplicitAuthFlows: client.legacyAuthFlows ?? client.explicitAuthFlows,
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
    EnablePropagateAdditionalUserContextData: client.enablePropagateAdditionalUserContextData ?? false,
    ...(client.analyticsConfiguration ? { AnalyticsConfiguration: client.analyticsConfiguration } : {}),
    ...describeOAuthSettings(client.oauth),
  };
}
