import { CognitoError } from './errors.js';

/** A parsed JSON request body: a plain object whose keys we read one by one, never spread. */
export type Body = Record<string, unknown>;

const validationError = (field: string, constraint: string) =>
  new CognitoError('InvalidParameterException', `1 validation error detected: Value at '${field}' failed to satisfy constraint: ${constraint}`);

const own = (body: Body, key: string): unknown => (Object.prototype.hasOwnProperty.call(body, key) ? body[key] : undefined);

interface StringRule {
  min?: number;
  max?: number;
  pattern?: RegExp;
}

export function optString(body: Body, key: string, rule: StringRule = {}): string | undefined {
  const v = own(body, key);
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new CognitoError('SerializationException', `STRING_VALUE can not be converted to ${key}`);
  const { min = 0, max = 2048, pattern } = rule;
  if (v.length < min) throw validationError(key, `Member must have length greater than or equal to ${min}`);
  if (v.length > max) throw validationError(key, `Member must have length less than or equal to ${max}`);
  if (pattern && !pattern.test(v)) throw validationError(key, `Member must satisfy regular expression pattern: ${pattern.source}`);
  return v;
}

export function reqString(body: Body, key: string, rule: StringRule = {}): string {
  const v = optString(body, key, { min: 1, ...rule });
  if (v === undefined) throw validationError(key, 'Member must not be null');
  return v;
}

export function optNumber(body: Body, key: string, min: number, max: number): number | undefined {
  const v = own(body, key);
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new CognitoError('SerializationException', `NUMBER_VALUE can not be converted to ${key}`);
  if (v < min || v > max) throw validationError(key, `Member must have value between ${min} and ${max}`);
  return v;
}

export function optBoolean(body: Body, key: string): boolean | undefined {
  const v = own(body, key);
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') throw new CognitoError('SerializationException', `BOOLEAN_VALUE can not be converted to ${key}`);
  return v;
}

export function optObject(body: Body, key: string): Body | undefined {
  const v = own(body, key);
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v)) throw new CognitoError('SerializationException', `Expected an object for ${key}`);
  return v as Body;
}

export function optArray(body: Body, key: string, max = 100): unknown[] | undefined {
  const v = own(body, key);
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) throw new CognitoError('SerializationException', `Expected a list for ${key}`);
  if (v.length > max) throw validationError(key, `Member must have length less than or equal to ${max}`);
  return v;
}

export function optStringList(body: Body, key: string, max = 100): string[] | undefined {
  const list = optArray(body, key, max);
  if (!list) return undefined;
  return list.map((item, i) => {
    if (typeof item !== 'string' || item.length > 2048) throw validationError(`${key}.${i + 1}`, 'Member must be a string');
    return item;
  });
}

/** A map of string → string (ChallengeResponses, AuthParameters, ClientMetadata). */
export function optStringMap(body: Body, key: string): Map<string, string> | undefined {
  const obj = optObject(body, key);
  if (!obj) return undefined;
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(obj)) {
    if (typeof v !== 'string') throw new CognitoError('SerializationException', `Expected string values in ${key}`);
    if (k.length > 256 || v.length > 4096) throw validationError(key, 'Map entries are too long');
    out.set(k, v);
  }
  return out;
}

export interface AttributeInput {
  Name: string;
  Value: string;
}

const ATTRIBUTE_NAME = /^[\p{L}\p{M}\p{S}\p{N}\p{P}]{1,32}$/u;

export function optAttributes(body: Body, key: string): AttributeInput[] | undefined {
  const list = optArray(body, key, 60);
  if (!list) return undefined;
  return list.map((item, i) => {
    const field = `${key}.${i + 1}`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) throw validationError(field, 'Member must be an attribute');
    const name = reqString(item as Body, 'Name', { max: 32, pattern: ATTRIBUTE_NAME });
    const value = optString(item as Body, 'Value', { max: 2048 }) ?? '';
    return { Name: name, Value: value };
  });
}

export function reqAttributes(body: Body, key: string): AttributeInput[] {
  const v = optAttributes(body, key);
  if (!v) throw validationError(key, 'Member must not be null');
  return v;
}

export const POOL_ID = /^[\w-]+_[0-9a-zA-Z]+$/;
export const CLIENT_ID = /^[\w+]+$/;
export const USERNAME = /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u;

/** An enum member when present ("Member must satisfy enum value set", as the service answers). */
export function optEnum<T extends string>(body: Body, key: string, values: readonly T[], max = 32): T | undefined {
  const value = optString(body, key, { max });
  if (value !== undefined && !(values as readonly string[]).includes(value)) {
    throw new CognitoError('InvalidParameterException', `1 validation error detected: Value '${value}' at '${key}' failed to satisfy constraint: Member must satisfy enum value set: [${values.join(', ')}]`);
  }
  return value as T | undefined;
}

/** The API reference's pattern of an ARN (a Lambda function, an SNS role, an SES identity…). */
export const ARN = /^arn:[\w+=/,.@-]+:[\w+=/,.@-]+:([\w+=/,.@-]*)?:[0-9]+:[\w+=/,.@-]+(:[\w+=/,.@-]+)?(:[\w+=/,.@-]+)?$/;

/** An object of optional fields without those left out (so Describe shows only what was given). */
export const definedFields = <T extends Record<string, unknown>>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
