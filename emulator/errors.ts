/** Cognito's exception names, as the AWS SDK and Amplify read them from `__type`. */
export type CognitoErrorType =
  | 'InvalidParameterException'
  | 'NotAuthorizedException'
  | 'ResourceNotFoundException'
  | 'UserNotFoundException'
  | 'UsernameExistsException'
  | 'UserNotConfirmedException'
  | 'PasswordResetRequiredException'
  | 'InvalidPasswordException'
  | 'CodeMismatchException'
  | 'ExpiredCodeException'
  | 'EnableSoftwareTokenMFAException'
  | 'SoftwareTokenMFANotFoundException'
  | 'TooManyRequestsException'
  | 'LimitExceededException'
  | 'InvalidUserPoolConfigurationException'
  | 'FeatureUnavailableInTierException'
  | 'WebAuthnNotEnabledException'
  | 'WebAuthnConfigurationMissingException'
  | 'WebAuthnChallengeNotFoundException'
  | 'WebAuthnRelyingPartyMismatchException'
  | 'WebAuthnOriginNotAllowedException'
  | 'WebAuthnCredentialNotSupportedException'
  | 'AliasExistsException'
  | 'DuplicateProviderException'
  | 'UnsupportedIdentityProviderException'
  | 'InvalidOAuthFlowException'
  | 'ScopeDoesNotExistException'
  | 'UnsupportedOperationException'
  | 'UnsupportedTokenTypeException'
  | 'MissingAuthenticationTokenException'
  | 'UnknownOperationException'
  | 'SerializationException'
  | 'RequestEntityTooLargeException'
  | 'UserLambdaValidationException'
  | 'InvalidLambdaResponseException'
  | 'UnexpectedLambdaException'
  | 'GroupExistsException'
  | 'InternalErrorException';

export class CognitoError extends Error {
  constructor(
    readonly type: CognitoErrorType,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = type;
  }
  toJSON(): { __type: CognitoErrorType; message: string } {
    return { __type: this.type, message: this.message };
  }
}

export const invalidParameter = (message: string) => new CognitoError('InvalidParameterException', message);
export const notAuthorized = (message: string) => new CognitoError('NotAuthorizedException', message);
export const resourceNotFound = (message: string) => new CognitoError('ResourceNotFoundException', message);

/** Cognito answers "Incorrect username or password." for unknown users too, so usernames can't be probed. */
export const badCredentials = () => notAuthorized('Incorrect username or password.');
export const invalidSession = () => notAuthorized('Invalid session for the user, session is expired.');
