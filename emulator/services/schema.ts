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
}

export interface PoolSchema {
  /** Standard attributes marked Required: SignUp must give them; NEW_PASSWORD_REQUIRED asks for missing ones. */
  requiredAttributes: string[];
  customAttributes: CustomAttribute[];
}

const DATA_TYPES = ['String', 'Number', 'DateTime', 'Boolean'] as const;

export function readSchema(body: Body): PoolSchema {
  const list = body.Schema;
  if (list === undefined) return { requiredAttributes: [], customAttributes: [] };
  if (!Array.isArray(list) || list.length > 50) throw invalidParameter('Schema must be a list of at most 50 attributes.');
  const schema: PoolSchema = { requiredAttributes: [], customAttributes: [] };
  for (const item of list) {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) throw invalidParameter('Each Schema entry must be an object.');
    const entry = item as Body;
    const name = optString(entry, 'Name', { min: 1, max: 20, pattern: /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u });
    if (!name) throw invalidParameter('Schema entries need a Name.');
    const type = optString(entry, 'AttributeDataType', { max: 16 }) ?? 'String';
    if (!(DATA_TYPES as readonly string[]).includes(type)) throw invalidParameter(`Invalid AttributeDataType ${type} for ${name}.`);
    const required = optBoolean(entry, 'Required') ?? false;
    optObject(entry, 'StringAttributeConstraints');
    optObject(entry, 'NumberAttributeConstraints');
    if (STANDARD_ATTRIBUTES.includes(name)) {
      if (required) schema.requiredAttributes.push(name);
      continue;
    }
    // "Custom attributes can't be required" (developer guide, user pool attributes).
    if (required) throw invalidParameter(`Required custom attributes are not supported currently: ${name}`);
    schema.customAttributes.push({
      Name: `custom:${name}`,
      AttributeDataType: type as CustomAttribute['AttributeDataType'],
      Mutable: optBoolean(entry, 'Mutable') ?? true,
      DeveloperOnlyAttribute: optBoolean(entry, 'DeveloperOnlyAttribute') ?? false,
    });
  }
  return schema;
}

/** DescribeUserPool's SchemaAttributes: the standard attributes and the custom ones. */
export function describeSchema(schema: PoolSchema): Record<string, unknown>[] {
  return [
    { Name: 'sub', AttributeDataType: 'String', Mutable: false, Required: true, DeveloperOnlyAttribute: false },
    ...STANDARD_ATTRIBUTES.map((Name) => ({
      Name,
      AttributeDataType: Name.endsWith('_verified') ? 'Boolean' : Name === 'updated_at' ? 'Number' : 'String',
      Mutable: true,
      Required: schema.requiredAttributes.includes(Name),
      DeveloperOnlyAttribute: false,
    })),
    ...schema.customAttributes.map((a) => ({ ...a, Required: false })),
  ];
}

/** Whether a name is an attribute of this pool: a standard one, or a declared custom (or developer-only) one. */
export const isPoolAttribute = (schema: PoolSchema, name: string) =>
  STANDARD_ATTRIBUTES.includes(name) || schema.customAttributes.some((a) => a.Name === name || (a.DeveloperOnlyAttribute && `dev:${a.Name}` === name));
