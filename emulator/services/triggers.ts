/**
 * Cognito's Lambda triggers: the pool's LambdaConfig, the events as the developer guide documents
 * them ("Customizing user pool workflows with Lambda triggers": version, triggerSource, region,
 * userPoolId, userName, callerContext, request, response), and failures as Cognito reports them.
 */
import type { Services } from '../context.js';
import { CognitoError, invalidParameter } from '../errors.js';
import { ARN, type Body, optObject, optString } from '../validate.js';
import type { PoolRecord } from './model.js';

export const TRIGGERS = [
  'PreSignUp',
  'CustomMessage',
  'PostConfirmation',
  'PreAuthentication',
  'PostAuthentication',
  'DefineAuthChallenge',
  'CreateAuthChallenge',
  'VerifyAuthChallengeResponse',
  'PreTokenGeneration',
  'UserMigration',
] as const;
export type TriggerName = (typeof TRIGGERS)[number];

export interface LambdaConfig {
  PreSignUp?: string;
  CustomMessage?: string;
  PostConfirmation?: string;
  PreAuthentication?: string;
  PostAuthentication?: string;
  DefineAuthChallenge?: string;
  CreateAuthChallenge?: string;
  VerifyAuthChallengeResponse?: string;
  PreTokenGeneration?: string;
  UserMigration?: string;
  PreTokenGenerationConfig?: { LambdaVersion: 'V1_0' | 'V2_0' | 'V3_0'; LambdaArn: string };
  CustomSMSSender?: { LambdaVersion: 'V1_0'; LambdaArn: string };
  CustomEmailSender?: { LambdaVersion: 'V1_0'; LambdaArn: string };
  KMSKeyID?: string;
}

const arn = (body: Body, key: string) => optString(body, key, { min: 20, max: 2048, pattern: ARN });

function versioned(body: Body, key: string, versions: readonly string[]): { LambdaVersion: string; LambdaArn: string } | undefined {
  const config = optObject(body, key);
  if (!config) return undefined;
  const version = optString(config, 'LambdaVersion', { max: 8 });
  const lambdaArn = arn(config, 'LambdaArn');
  if (!version || !versions.includes(version)) throw invalidParameter(`${key}.LambdaVersion must be one of ${versions.join(', ')}.`);
  if (!lambdaArn) throw invalidParameter(`${key}.LambdaArn is required.`);
  return { LambdaVersion: version, LambdaArn: lambdaArn };
}

/**
 * LambdaConfig as CreateUserPool / UpdateUserPool take it. PreTokenGenerationConfig and
 * PreTokenGeneration name the same function: given one, Cognito shows both (API reference, LambdaConfigType).
 */
export function readLambdaConfig(body: Body): LambdaConfig | undefined {
  const given = optObject(body, 'LambdaConfig');
  if (!given) return undefined;
  const config: LambdaConfig = {};
  for (const trigger of TRIGGERS) {
    const value = arn(given, trigger);
    if (value) config[trigger] = value;
  }
  const tokenConfig = versioned(given, 'PreTokenGenerationConfig', ['V1_0', 'V2_0', 'V3_0']) as LambdaConfig['PreTokenGenerationConfig'];
  if (tokenConfig) {
    if (config.PreTokenGeneration && config.PreTokenGeneration !== tokenConfig.LambdaArn) {
      throw invalidParameter('PreTokenGeneration and PreTokenGenerationConfig.LambdaArn must name the same function.');
    }
    config.PreTokenGeneration = tokenConfig.LambdaArn;
    config.PreTokenGenerationConfig = tokenConfig;
  } else if (config.PreTokenGeneration) {
    config.PreTokenGenerationConfig = { LambdaVersion: 'V1_0', LambdaArn: config.PreTokenGeneration };
  }
  const sms = versioned(given, 'CustomSMSSender', ['V1_0']) as LambdaConfig['CustomSMSSender'];
  const email = versioned(given, 'CustomEmailSender', ['V1_0']) as LambdaConfig['CustomEmailSender'];
  if (sms) config.CustomSMSSender = sms;
  if (email) config.CustomEmailSender = email;
  const kms = optString(given, 'KMSKeyID', { min: 20, max: 2048 });
  if (kms) config.KMSKeyID = kms;
  if ((sms || email) && !kms) throw invalidParameter('KMSKeyID is required with a custom sender trigger.');
  return config;
}

export const triggerArn = (pool: PoolRecord, trigger: TriggerName) => pool.lambdaConfig?.[trigger];
export const hasTrigger = (pool: PoolRecord, trigger: TriggerName) => triggerArn(pool, trigger) !== undefined;

export interface TriggerCall {
  triggerSource: string;
  userName: string;
  clientId?: string | undefined;
  request: Record<string, unknown>;
  response?: Record<string, unknown>;
  /** The event's version: "1" for most triggers, "2" / "3" for PreTokenGeneration V2_0 / V3_0. */
  version?: string;
}

export interface TriggerEvent {
  version: string;
  triggerSource: string;
  region: string;
  userPoolId: string;
  userName: string;
  callerContext: { awsSdkVersion: string; clientId: string };
  request: Record<string, unknown>;
  response: Record<string, unknown>;
}

export function triggerEvent(pool: PoolRecord, call: TriggerCall): TriggerEvent {
  return {
    version: call.version ?? '1',
    triggerSource: call.triggerSource,
    region: pool.region,
    userPoolId: pool.id,
    userName: call.userName,
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: call.clientId ?? 'CLIENT_ID_NOT_APPLICABLE' },
    request: call.request,
    response: call.response ?? {},
  };
}

/**
 * A trigger's `response`, or a Cognito error: its throw, a reply that is no event, its timeout, a
 * function that isn't there. `call` is built only when the pool has the trigger: most sign-ins and
 * messages go through here without one.
 */
export async function runTrigger(svc: Services, pool: PoolRecord, trigger: TriggerName, call: () => TriggerCall): Promise<Record<string, unknown> | undefined> {
  const target = triggerArn(pool, trigger);
  if (!target) return undefined;
  const result = await svc.lambdas.invoke(target, triggerEvent(pool, call()));
  if (!result.ok) {
    // "<Trigger> failed with error <message>." is what apps show (developer guide, Lambda triggers; amplify-js issues).
    if (result.reason === 'threw') throw new CognitoError('UserLambdaValidationException', `${trigger} failed with error ${result.message}.`);
    if (result.reason === 'timeout') throw new CognitoError('UnexpectedLambdaException', `${trigger} invocation failed due to error Socket timeout while invoking Lambda function.`);
    // Wording ours (not established): Cognito answers a function it cannot invoke with UnexpectedLambdaException.
    throw new CognitoError('UnexpectedLambdaException', `${trigger} invocation failed due to error ResourceNotFoundException (${result.message}).`);
  }
  const value = result.value as { response?: unknown } | null | undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value) || (value.response !== undefined && (typeof value.response !== 'object' || Array.isArray(value.response)))) {
    throw new CognitoError('InvalidLambdaResponseException', 'Unrecognizable lambda output');
  }
  return (value.response ?? {}) as Record<string, unknown>;
}

/** An answer Cognito can't use: "Invalid lambda response: <what>" (the wording after the colon is ours). */
export const invalidResponse = (what: string) => new CognitoError('InvalidLambdaResponseException', `Invalid lambda response: ${what}`);

/** A response field that must be a boolean when present (autoConfirmUser, answerCorrect…). */
export function responseBoolean(response: Record<string, unknown>, key: string): boolean | undefined {
  const value = response[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw invalidResponse(`${key} must be a boolean`);
  return value;
}

/** A response field that must be a string when present. */
export function responseString(response: Record<string, unknown>, key: string): string | undefined {
  const value = response[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalidResponse(`${key} must be a string`);
  return value;
}

/** A string map from the response (claims, public challenge parameters, userAttributes). */
export function responseStringMap(response: Record<string, unknown>, key: string): Record<string, string> | undefined {
  const value = response[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value) || Object.values(value).some((v) => typeof v !== 'string')) {
    throw invalidResponse(`${key} must map strings to strings`);
  }
  return value as Record<string, string>;
}

/** An object from the response: undefined when left out, null when given as null (which some answers mean). */
export function responseObject(response: Record<string, unknown>, key: string): Record<string, unknown> | undefined | null {
  const value = response[key];
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) throw invalidResponse(`${key} must be an object`);
  return value as Record<string, unknown>;
}

/** A list of strings from the response; empty when left out. */
export function responseStringList(response: Record<string, unknown>, key: string): string[] {
  const value = response[key];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw invalidResponse(`${key} must be a list of strings`);
  return value as string[];
}
