/**
 * The PreTokenGeneration trigger (DG = Amazon Cognito developer guide, "Pre token generation Lambda
 * trigger"), run wherever user tokens are issued: its request (userAttributes, groupConfiguration,
 * clientMetadata, and `scopes` from V2_0 on), and its answer applied to the tokens. V1_0
 * (`claimsOverrideDetails`) changes the ID token (and, through groupOverrideDetails, cognito:groups
 * in both); V2_0 / V3_0 (`claimsAndScopeOverrideDetails`) change both tokens and the access token's
 * scopes. Claims Cognito keeps for itself can't be added, overridden or suppressed: the DG lists acr,
 * amr, aud, at_hash, auth_time, azp, cognito:username, exp, iat, identities, iss, jti, nbf, nonce,
 * origin_jti, sub, token_use and `dev:` attributes. What Cognito does with an attempt is not
 * established; here it is ignored.
 */
import type { Services } from '../context.js';
import { groupClaims } from './groups.js';
import type { ClientRecord, PoolRecord, UserRecord } from './model.js';
import { ADMIN_SCOPE, type AuthenticationResult, type IssueOptions, type TokenCustomization } from './tokens.js';
import { eventAttributes, metadataUnlessInitiating } from './trigger-events.js';
import { invalidResponse, responseObject, responseStringList, responseStringMap, runTrigger } from './triggers.js';

export type TokenSource =
  | 'TokenGeneration_HostedAuth'
  | 'TokenGeneration_Authentication'
  | 'TokenGeneration_NewPasswordChallenge'
  | 'TokenGeneration_AuthenticateDevice'
  | 'TokenGeneration_RefreshTokens';

/** The DG's list, plus the group claims (changed through groupOverrideDetails only: "For group related claims, use groupOverrideDetails instead"). */
const PROTECTED = new Set(['acr', 'amr', 'aud', 'at_hash', 'auth_time', 'azp', 'cognito:username', 'exp', 'iat', 'identities', 'iss', 'jti', 'nbf', 'nonce', 'origin_jti', 'sub', 'token_use', 'cognito:groups', 'cognito:roles', 'cognito:preferred_role']);
/** The access token's own claims besides (its scope changes through scopesToAdd / scopesToSuppress). Ours: not established. */
const ACCESS_PROTECTED = new Set([...PROTECTED, 'client_id', 'scope', 'username', 'event_id', 'version', 'device_key']);
const changeable = (name: string, protectedClaims: Set<string>) => !protectedClaims.has(name) && !name.startsWith('dev:');

/** V2 claim values: "String, Number, Boolean, Array of strings, numbers, booleans, or a combination of any of these, JSON" (DG). */
function claimMap(container: Record<string, unknown>, key: string): Record<string, unknown> {
  return responseObject(container, key) ?? {};
}

interface ClaimChanges {
  add: Record<string, unknown>;
  suppress: string[];
}

/** The claims after the function's changes; a claim both added and suppressed is suppressed ("If a value is both suppressed and replaced, then it will be suppressed", DG). */
function applyChanges(claims: Record<string, unknown>, changes: ClaimChanges, protectedClaims: Set<string>): Record<string, unknown> {
  const result = { ...claims };
  for (const [name, value] of Object.entries(changes.add)) if (changeable(name, protectedClaims)) result[name] = value;
  for (const name of changes.suppress) if (changeable(name, protectedClaims)) delete result[name];
  return result;
}

/** groupOverrideDetails: given, it replaces the group claims ("If you provide an empty or null object in the response, then the groups are suppressed", DG); absent, they stay. */
function groupOverride(details: Record<string, unknown> | null | undefined): TokenCustomization['groups'] {
  if (details === undefined) return undefined;
  const groups = details ? responseStringList(details, 'groupsToOverride') : [];
  const roles = details ? responseStringList(details, 'iamRolesToOverride') : [];
  const preferred = details?.preferredRole;
  if (preferred !== undefined && preferred !== null && typeof preferred !== 'string') throw invalidResponse('preferredRole must be a string');
  return () => ({
    access: groups.length ? { 'cognito:groups': groups } : {},
    id: {
      ...(groups.length ? { 'cognito:groups': groups } : {}),
      ...(roles.length ? { 'cognito:roles': roles } : {}),
      ...(typeof preferred === 'string' ? { 'cognito:preferred_role': preferred } : {}),
    },
  });
}

/**
 * Runs PreTokenGeneration for these tokens: what to change in them, or undefined when the pool has
 * no such trigger. A throw fails the sign-in (or refresh) with UserLambdaValidationException.
 */
export async function preTokenGeneration(svc: Services, pool: PoolRecord, client: ClientRecord, user: UserRecord, source: TokenSource, scopes: string[]): Promise<TokenCustomization | undefined> {
  const arn = pool.lambdaConfig?.PreTokenGeneration;
  if (!arn) return undefined;
  const lambdaVersion = pool.lambdaConfig?.PreTokenGenerationConfig?.LambdaVersion ?? 'V1_0';
  const v1 = lambdaVersion === 'V1_0';
  const current = groupClaims(svc.store, pool.id, user.username).id;
  const response = await runTrigger(svc, pool, 'PreTokenGeneration', () => ({
    triggerSource: source,
    userName: user.username,
    clientId: client.id,
    version: v1 ? '1' : lambdaVersion === 'V2_0' ? '2' : '3',
    request: {
      userAttributes: eventAttributes(user),
      groupConfiguration: {
        groupsToOverride: (current['cognito:groups'] as string[] | undefined) ?? [],
        iamRolesToOverride: (current['cognito:roles'] as string[] | undefined) ?? [],
        preferredRole: (current['cognito:preferred_role'] as string | undefined) ?? null,
      },
      ...(v1 ? {} : { scopes }),
      ...metadataUnlessInitiating(),
    },
    response: v1 ? { claimsOverrideDetails: null } : { claimsAndScopeOverrideDetails: null },
  }));
  if (!response) return undefined;
  if (v1) {
    const details = responseObject(response, 'claimsOverrideDetails');
    if (!details) return {};
    // V1 claims are strings: "claimsToAddOrOverride": {"string": "string"} (DG).
    const id: ClaimChanges = { add: responseStringMap(details, 'claimsToAddOrOverride') ?? {}, suppress: responseStringList(details, 'claimsToSuppress') };
    return { id: (claims) => applyChanges(claims, id, PROTECTED), groups: groupOverride(responseObject(details, 'groupOverrideDetails')) };
  }
  const details = responseObject(response, 'claimsAndScopeOverrideDetails');
  if (!details) return {};
  const idDetails = responseObject(details, 'idTokenGeneration') ?? {};
  const accessDetails = responseObject(details, 'accessTokenGeneration') ?? {};
  const id: ClaimChanges = { add: claimMap(idDetails, 'claimsToAddOrOverride'), suppress: responseStringList(idDetails, 'claimsToSuppress') };
  const access: ClaimChanges = { add: claimMap(accessDetails, 'claimsToAddOrOverride'), suppress: responseStringList(accessDetails, 'claimsToSuppress') };
  const scopesToAdd = responseStringList(accessDetails, 'scopesToAdd');
  const scopesToSuppress = new Set(responseStringList(accessDetails, 'scopesToSuppress'));
  return {
    id: (claims) => applyChanges(claims, id, PROTECTED),
    access: (claims) => {
      const changed = applyChanges(claims, access, ACCESS_PROTECTED);
      const given = typeof claims.scope === 'string' && claims.scope ? claims.scope.split(' ') : [];
      const scope = [...new Set([...given, ...scopesToAdd])].filter((s) => !scopesToSuppress.has(s));
      // All scopes suppressed: no scope claim (ours: not established).
      if (scope.length) changed.scope = scope.join(' ');
      else delete changed.scope;
      return changed;
    },
    groups: groupOverride(responseObject(details, 'groupOverrideDetails')),
  };
}

/** svc.tokens.issue with the PreTokenGeneration trigger run first (this source) and its changes applied. */
export async function issueTokens(svc: Services, pool: PoolRecord, client: ClientRecord, user: UserRecord, options: IssueOptions, source: TokenSource): Promise<AuthenticationResult> {
  const customize = await preTokenGeneration(svc, pool, client, user, source, options.oauth ? options.oauth.scopes : [ADMIN_SCOPE]);
  return svc.tokens.issue(pool, client, user, customize ? { ...options, customize } : options);
}
