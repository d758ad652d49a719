import type { AuthError, AuthErrorKind } from './types';

/** Turns whatever a call threw into an AuthError: Cognito's name and message kept, plus what it means. */
export function toAuthError(e: unknown): AuthError {
  const name = typeof e === 'object' && e !== null && 'name' in e && typeof e.name === 'string' ? e.name : 'Error';
  const message = typeof e === 'object' && e !== null && 'message' in e && typeof e.message === 'string' ? e.message : String(e);
  const kind = classify(name, message);
  return { kind, name, message: kind === 'triggerRefused' ? triggerReason(message) : message };
}

/** Cognito wraps a trigger's error as "<Trigger> failed with error <reason>.": the user sees the reason. */
const triggerReason = (message: string) => message.replace(/^\w+ failed with error /, '').replace(/\.$/, '').trim() || message;

/**
 * An error from adding a passkey, in registration's words: the sign-in's ("choose another way to
 * sign in") say nothing to someone adding one.
 */
export function registrationError(e: unknown): AuthError {
  const error = toAuthError(e);
  const kind: AuthErrorKind =
    error.kind === 'passkeyCanceled' ? 'passkeyRegistrationCanceled' : error.kind === 'passkeyUnavailable' || error.kind === 'passkeyRejected' ? 'passkeyNotSupported' : error.kind;
  return { ...error, kind };
}

/** An error the pool domain sent back from a federated sign-in (`error`, `error_description` on the return URL). */
export function providerReturnError(error: string, description: string): AuthError {
  return { kind: classify(error, description), name: error, message: description };
}

function classify(name: string, message: string): AuthErrorKind {
  switch (name) {
    // The OAuth errors of a provider's return, and Amplify's for the flow around them.
    case 'access_denied':
      return 'providerCancelled';
    case 'invalid_request':
    case 'server_error':
    case 'unauthorized_client':
    case 'invalid_scope':
    case 'temporarily_unavailable':
      if (/^attributes required/i.test(message)) return 'providerAttributes';
      if (/^User is disabled/i.test(message)) return 'userDisabled';
      return 'providerFailed';
    // Amplify names its OAuth errors both ways (AuthErrorCodes and, for the state check, AuthErrorTypes).
    case 'OAuthSignInException':
    case 'oauthSignInError':
      if (/cancel/i.test(message)) return 'providerCancelled';
      if (/validating the state/i.test(message)) return 'providerState';
      return /network|failed to fetch/i.test(message) ? 'network' : 'providerFailed';
    case 'NotAuthorizedException':
      if (/attempts exceeded/i.test(message)) return 'lockedOut';
      if (/disabled/i.test(message)) return 'userDisabled';
      if (/session/i.test(message)) return 'sessionEnded';
      if (/SignUp is not permitted/i.test(message)) return 'signUpDisabled';
      return 'badCredentials';
    case 'UserNotFoundException':
      return 'badCredentials';
    // Amplify's own: confirmSignIn with no sign-in in progress (it was reset by a failed signIn, or expired).
    case 'SignInException':
      return 'sessionEnded';
    case 'CodeMismatchException':
    case 'EnableSoftwareTokenMFAException':
      return 'wrongCode';
    case 'ExpiredCodeException':
      // An authenticator code used a second time (Cognito: "Your software token has already been used once.").
      return /already been used/i.test(message) ? 'codeUsed' : 'expiredCode';
    case 'InvalidPasswordException':
    case 'PasswordHistoryPolicyViolationException':
      return 'invalidPassword';
    case 'SoftwareTokenMFANotFoundException':
      return 'totpNotEnabled';
    case 'LimitExceededException':
      // ChangePassword's answer to repeated wrong passwords (the password check before removing TOTP).
      return /attempt limit exceeded/i.test(message) ? 'lockedOut' : 'tooManyRequests';
    case 'TooManyRequestsException':
    case 'TooManyFailedAttemptsException':
      return 'tooManyRequests';
    // Amplify's passkey errors (the browser's NotAllowedError is a cancel, a timeout, or no passkey).
    case 'PasskeyAuthenticationCanceled':
    case 'PasskeyRegistrationCanceled':
    case 'PasskeyOperationAborted':
      return 'passkeyCanceled';
    case 'PasskeyNotSupported':
    case 'PasskeyRetrievalFailed':
      return 'passkeyUnavailable';
    // The browser's InvalidStateError at registration: this authenticator has a passkey for the account.
    case 'PasskeyAlreadyExists':
      return 'passkeyExists';
    case 'RelyingPartyMismatch':
    case 'PasskeyRegistrationFailed':
    case 'WebAuthnRelyingPartyMismatchException':
    case 'WebAuthnOriginNotAllowedException':
    case 'WebAuthnCredentialNotSupportedException':
    case 'WebAuthnNotEnabledException':
      return 'passkeyRejected';
    case 'NetworkError':
    case 'TypeError':
    case 'AbortError':
      return 'network';
    case 'InvalidParameterException':
      if (/can't turn off software token/i.test(message)) return 'totpRequired';
      if (/no registered\/verified email or phone_number/i.test(message)) return 'noRecovery';
      return 'invalidInput';
    case 'UsernameExistsException':
    case 'AliasExistsException':
      return 'usernameExists';
    // A trigger that threw: its message is meant for the user (pre sign-up, pre authentication…).
    case 'UserLambdaValidationException':
      return 'triggerRefused';
    case 'EmptySignInUsername':
    case 'EmptySignInPassword':
    case 'EmptyChallengeResponse':
      return 'invalidInput';
    default:
      return /network|failed to fetch/i.test(message) ? 'network' : 'unknown';
  }
}
