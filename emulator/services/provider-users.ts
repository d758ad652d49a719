/** The ProviderUserIdentifierType of the linking operations: { ProviderName, ProviderAttributeName, ProviderAttributeValue }. */
import { CognitoError, invalidParameter } from '../errors.js';
import { type Body, optObject, optString } from '../validate.js';

export interface ProviderUser {
  provider: string;
  attribute: string;
  value: string;
}

export function providerUserParam(body: Body, key: string): ProviderUser {
  const item = optObject(body, key);
  if (!item) throw invalidParameter(`1 validation error detected: Value null at '${key}' failed to satisfy constraint: Member must not be null`);
  const provider = optString(item, 'ProviderName', { max: 32 });
  const attribute = optString(item, 'ProviderAttributeName', { max: 2048 });
  const value = optString(item, 'ProviderAttributeValue', { max: 2048 });
  if (!provider) throw invalidParameter(`${key}.ProviderName is required.`);
  if (!value) throw invalidParameter(`${key}.ProviderAttributeValue is required.`);
  return { provider, attribute: attribute ?? 'Cognito_Subject', value };
}

export const userDoesNotExist = () => new CognitoError('UserNotFoundException', 'User does not exist.');
