/**
 * A pool's attribute schema: Cognito's standard attributes, which ones are required, and the
 * custom attributes declared at creation (stored as `custom:<name>`, as Cognito names them).
 */
import { invalidParameter } from '../errors.js';
import { type Body, optBoolean, optObject, optString } from '../validate.js';

export const STANDARD_ATTRIBUTES = [
  'address', 'birthdate', 'email', 'email_verified', 'family_name', 'gender', 'given_name', 'locale', 'middle_name', 'name',
  'nickname', 'phone_number', 'phone_number_verified', 'picture', 'preferred_username', 'profile', 'updated_at', 'website', 'zoneinfo',
];

export interface CustomAttribute {
  Name: string;
  AttributeDataType: 'String' | 'Number' | 'DateTime' | 'Boolean';
  Mutable: boolean;
  DeveloperOnlyAttribute: boolean;
  /** As the API carries them: numbers written as strings. */
  StringAttributeConstraints?: { MinLength?: string; MaxLength?: string };
  NumberAttributeConstraints?: { MinValue?: string; MaxValue?: string };
}

export interface PoolSchema {
  /** Standard attributes marked Required: SignUp must give them; NEW_PASSWORD_REQUIRED asks for missing ones. */
  requiredAttributes: string[];
  customAttributes: CustomAttribute[];
}

const DATA_TYPES = ['String', 'Number', 'DateTime', 'Boolean'] as const;
/** "You can add up to 50 custom attributes to your user pool" (developer guide, user pool attributes). */
export const MAX_CUSTOM_ATTRIBUTES = 50;
/** String attributes are at most 2048 characters (API reference, StringAttributeConstraintsType). */
const MAX_STRING_LENGTH = 2048;
const ATTRIBUTE_NAME = /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u;

/**
 * A constraint bound: digits (numbers may be negative), or left out. Messages as moto writes them
 * (its tests; not checked against AWS): "Invalid StringAttributeConstraints for schema attribute <name>".
 */
function bound(constraints: Body, key: string, signed: boolean, attribute: string, group: string): string | undefined {
  const value = constraints[key];
  if (value === undefined || value === null) return undefined;
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !(signed ? /^-?\d{1,15}$/ : /^\d{1,15}$/).test(text)) throw invalidParameter(`Invalid ${group} for schema attribute ${attribute}`);
  return text;
}

/** Constraints are kept as given (a partial one stays partial, as Describe shows it) and enforced with the defaults. */
function stringConstraints(entry: Body, name: string, stored: string): CustomAttribute['StringAttributeConstraints'] {
  const given = optObject(entry, 'StringAttributeConstraints') ?? {};
  const min = bound(given, 'MinLength', false, name, 'StringAttributeConstraints');
  const max = bound(given, 'MaxLength', false, name, 'StringAttributeConstraints');
  if (Number(max ?? 0) > MAX_STRING_LENGTH || Number(min ?? 0) > MAX_STRING_LENGTH) {
    throw invalidParameter(`user.${stored}: String attributes cannot have a length of more than ${MAX_STRING_LENGTH}`);
  }
  if (Number(min ?? 0) > Number(max ?? MAX_STRING_LENGTH)) throw invalidParameter(`user.${stored}: Max length cannot be less than min length.`);
  return { ...(min !== undefined ? { MinLength: min } : {}), ...(max !== undefined ? { MaxLength: max } : {}) };
}

function numberConstraints(entry: Body, name: string, stored: string): CustomAttribute['NumberAttributeConstraints'] | undefined {
  const given = optObject(entry, 'NumberAttributeConstraints');
  if (!given) return undefined;
  const min = bound(given, 'MinValue', true, name, 'NumberAttributeConstraints');
  const max = bound(given, 'MaxValue', true, name, 'NumberAttributeConstraints');
  if (min !== undefined && max !== undefined && Number(min) > Number(max)) throw invalidParameter(`user.${stored}: Max value cannot be less than min value.`);
  return { ...(min !== undefined ? { MinValue: min } : {}), ...(max !== undefined ? { MaxValue: max } : {}) };
}

/** One custom attribute as CreateUserPool's Schema or AddCustomAttributes declares it (`name` without `custom:`). */
function readCustomAttribute(entry: Body, name: string, type: CustomAttribute['AttributeDataType']): CustomAttribute {
  // "Custom attributes can't be required" (developer guide, user pool attributes); moto's wording.
  if (optBoolean(entry, 'Required')) throw invalidParameter('Required custom attributes are not supported currently.');
  const stored = `custom:${name}`;
  // Constraints of the other type are dropped, as moto (checked in its tests) describes them.
  const numbers = type === 'Number' ? numberConstraints(entry, name, stored) : undefined;
  return {
    Name: stored,
    AttributeDataType: type,
    Mutable: optBoolean(entry, 'Mutable') ?? true,
    DeveloperOnlyAttribute: optBoolean(entry, 'DeveloperOnlyAttribute') ?? false,
    ...(type === 'String' ? { StringAttributeConstraints: stringConstraints(entry, name, stored) } : {}),
    ...(numbers ? { NumberAttributeConstraints: numbers } : {}),
  };
}

/** `field`: where the entry sits in the request (schema.1.member), for the validation message. */
function entryOf(item: unknown, field: string): { entry: Body; name: string; type: CustomAttribute['AttributeDataType'] } {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) throw invalidParameter('Each schema attribute must be an object.');
  const entry = item as Body;
  const raw = entry.Name;
  if (typeof raw !== 'string' || raw.length < 1) throw invalidParameter(`1 validation error detected: Value at '${field}.name' failed to satisfy constraint: Member must not be null`);
  // The standard form of a length violation (a real answer quoted in aws-cdk PR 14699).
  if (raw.length > 20) throw invalidParameter(`1 validation error detected: Value '${raw}' at '${field}.name' failed to satisfy constraint: Member must have length less than or equal to 20`);
  if (!ATTRIBUTE_NAME.test(raw)) throw invalidParameter(`1 validation error detected: Value '${raw}' at '${field}.name' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+`);
  const type = optString(entry, 'AttributeDataType', { max: 16 }) ?? 'String';
  if (!(DATA_TYPES as readonly string[]).includes(type)) {
    throw invalidParameter(`Validation error detected: Value '${type}' failed to satisfy constraint: Member must satisfy enum value set: [Boolean, Number, String, DateTime]`);
  }
  return { entry, name: raw, type: type as CustomAttribute['AttributeDataType'] };
}

function checkCustomCount(attributes: CustomAttribute[]): void {
  // Wording ours (not established); so are the two below.
  if (attributes.length > MAX_CUSTOM_ATTRIBUTES) throw invalidParameter(`A user pool can have at most ${MAX_CUSTOM_ATTRIBUTES} custom attributes.`);
}

export function readSchema(body: Body): PoolSchema {
  const list = body.Schema;
  if (list === undefined) return { requiredAttributes: [], customAttributes: [] };
  if (!Array.isArray(list) || list.length > 50) throw invalidParameter('Schema must be a list of at most 50 attributes.');
  const schema: PoolSchema = { requiredAttributes: [], customAttributes: [] };
  const seen = new Set<string>();
  for (const [i, item] of list.entries()) {
    const { entry, name, type } = entryOf(item, `schema.${i + 1}.member`);
    if (seen.has(name)) throw invalidParameter(`Duplicate attribute name in the schema: ${name}`);
    seen.add(name);
    if (STANDARD_ATTRIBUTES.includes(name)) {
      if (optBoolean(entry, 'Required')) schema.requiredAttributes.push(name);
      continue;
    }
    schema.customAttributes.push(readCustomAttribute(entry, name, type));
  }
  checkCustomCount(schema.customAttributes);
  return schema;
}

/** AddCustomAttributes: new custom attributes (1–25 per call); a name the pool has is refused, as Cognito does. */
export function addCustomAttributes(schema: PoolSchema, body: Body): PoolSchema {
  const list = body.CustomAttributes;
  if (!Array.isArray(list) || list.length < 1 || list.length > 25) throw invalidParameter('CustomAttributes must list 1 to 25 attributes.');
  const added: CustomAttribute[] = [];
  for (const [i, item] of list.entries()) {
    const { entry, name, type } = entryOf(item, `customAttributes.${i + 1}.member`);
    const attribute = readCustomAttribute(entry, name, type);
    if ([...schema.customAttributes, ...added].some((a) => a.Name === attribute.Name)) {
      throw invalidParameter(`${attribute.Name}: Existing attribute already has name ${attribute.Name}.`);
    }
    added.push(attribute);
  }
  const customAttributes = [...schema.customAttributes, ...added];
  checkCustomCount(customAttributes);
  return { ...schema, customAttributes };
}

/** A value for a custom attribute: within its type and constraints. */
export function checkCustomValue(attribute: CustomAttribute, value: string): void {
  const fail = (why: string) => invalidParameter(`Attributes did not conform to the schema: ${attribute.Name}: ${why}`);
  if (value === '') return;
  const strings = attribute.StringAttributeConstraints;
  if (attribute.AttributeDataType === 'String') {
    const length = [...value].length;
    const max = Number(strings?.MaxLength ?? MAX_STRING_LENGTH);
    if (length > max) throw fail(`String must be no longer than ${max} characters`);
    if (length < Number(strings?.MinLength ?? 0)) throw fail(`String must be no shorter than ${strings?.MinLength} characters`);
  }
  if (attribute.AttributeDataType === 'Number') {
    if (!/^-?\d+(\.\d+)?$/.test(value)) throw fail('Number must be a number');
    const numbers = attribute.NumberAttributeConstraints ?? {};
    if (numbers.MaxValue !== undefined && Number(value) > Number(numbers.MaxValue)) throw fail(`Number must be no greater than ${numbers.MaxValue}`);
    if (numbers.MinValue !== undefined && Number(value) < Number(numbers.MinValue)) throw fail(`Number must be no less than ${numbers.MinValue}`);
  }
  if (attribute.AttributeDataType === 'Boolean' && !/^(true|false)$/i.test(value)) throw fail('Boolean must be true or false');
}

/** The declared custom attribute a name refers to (`custom:x`, or `dev:custom:x` for a developer-only one). */
export const customAttributeOf = (schema: PoolSchema, name: string) =>
  schema.customAttributes.find((a) => a.Name === name || (a.DeveloperOnlyAttribute && `dev:${a.Name}` === name));

/** DescribeUserPool's SchemaAttributes: the standard attributes and the custom ones. */
export function describeSchema(schema: PoolSchema): Record<string, unknown>[] {
  return [
    { Name: 'sub', AttributeDataType: 'String', Mutable: false, Required: true, DeveloperOnlyAttribute: false },
    ...STANDARD_ATTRIBUTES.map((Name) => {
      const type = Name.endsWith('_verified') ? 'Boolean' : Name === 'updated_at' ? 'Number' : 'String';
      return {
        Name,
        AttributeDataType: type,
        Mutable: true,
        Required: schema.requiredAttributes.includes(Name),
        DeveloperOnlyAttribute: false,
        // As DescribeUserPool shows the standard attributes (API reference, SchemaAttributeType).
        ...(type === 'String' ? { StringAttributeConstraints: { MinLength: '0', MaxLength: String(MAX_STRING_LENGTH) } } : {}),
        ...(type === 'Number' ? { NumberAttributeConstraints: { MinValue: '0' } } : {}),
      };
    }),
    ...schema.customAttributes.map((a) => ({ ...a, Required: false })),
  ];
}

/** Whether a name is an attribute of this pool: a standard one, or a declared custom (or developer-only) one. */
export const isPoolAttribute = (schema: PoolSchema, name: string) =>
  STANDARD_ATTRIBUTES.includes(name) || schema.customAttributes.some((a) => a.Name === name || (a.DeveloperOnlyAttribute && `dev:${a.Name}` === name));
