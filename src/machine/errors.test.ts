import { describe, expect, it } from 'vitest';
import { registrationError, toAuthError } from './errors';

const named = (name: string, message = '') => Object.assign(new Error(message), { name });

describe('toAuthError', () => {
  it.each([
    [named('NotAuthorizedException', 'Incorrect username or password.'), 'badCredentials'],
    [named('NotAuthorizedException', 'Password attempts exceeded'), 'lockedOut'],
    [named('NotAuthorizedException', 'User is disabled.'), 'userDisabled'],
    [named('NotAuthorizedException', 'Invalid session for the user, session is expired.'), 'sessionEnded'],
    [named('SignInException', 'An error occurred during the sign in process.'), 'sessionEnded'],
    [named('CodeMismatchException'), 'wrongCode'],
    [named('EnableSoftwareTokenMFAException'), 'wrongCode'],
    [named('ExpiredCodeException'), 'expiredCode'],
    [named('ExpiredCodeException', 'Your software token has already been used once.'), 'codeUsed'],
    [named('InvalidPasswordException'), 'invalidPassword'],
    [named('PasswordHistoryPolicyViolationException'), 'invalidPassword'],
    [named('SoftwareTokenMFANotFoundException'), 'totpNotEnabled'],
    [named('TooManyRequestsException'), 'tooManyRequests'],
    [named('InvalidParameterException', 'Cannot reset password for the user as there is no registered/verified email or phone_number'), 'noRecovery'],
    [named('UsernameExistsException', 'User already exists'), 'usernameExists'],
    [named('NotAuthorizedException', 'SignUp is not permitted for this user pool'), 'signUpDisabled'],
    [named('LimitExceededException', 'Attempt limit exceeded, please try after some time.'), 'lockedOut'],
    [named('LimitExceededException', 'Exceeded daily email limit for the operation or the account.'), 'tooManyRequests'],
    // A LEGACY app client tells unknown users apart: the app must not.
    [named('UserNotFoundException', 'User does not exist.'), 'badCredentials'],
    [named('InvalidParameterException', "You can't turn off software token MFA for a user when MFA is required in the user pool."), 'totpRequired'],
    [named('NetworkError'), 'network'],
    [new TypeError('Failed to fetch'), 'network'],
    [named('InvalidParameterException'), 'invalidInput'],
    [named('Weird', 'network is down'), 'network'],
    [named('InternalErrorException'), 'unknown'],
    // Federated sign-in: Amplify's errors around the return, and what the pool domain sends back.
    [named('OAuthSignInException', 'User cancelled OAuth flow.'), 'providerCancelled'],
    [named('OAuthSignInException', '`signInWithRedirect` has been canceled.'), 'providerCancelled'],
    [named('OAuthSignInException', 'An error occurred while validating the state.'), 'providerState'],
    [named('oauthSignInError', 'An error occurred while validating the state.'), 'providerState'],
    [named('OAuthSignInException', 'invalid_grant'), 'providerFailed'],
    [named('access_denied', 'The user cancelled.'), 'providerCancelled'],
    [named('invalid_request', 'attributes required: [email]'), 'providerAttributes'],
    [named('invalid_request', 'User is disabled.'), 'userDisabled'],
    [named('server_error', 'Invalid SAML response received: Invalid signature'), 'providerFailed'],
  ])('%s → %s', (error, kind) => {
    expect(toAuthError(error).kind).toBe(kind);
  });

  it("a trigger's refusal keeps just the trigger's reason for the user (Cognito: '<Trigger> failed with error <reason>.')", () => {
    expect(toAuthError(named('UserLambdaValidationException', 'PreSignUp failed with error Sign-ups from example.org are closed.'))).toEqual({
      kind: 'triggerRefused',
      name: 'UserLambdaValidationException',
      message: 'Sign-ups from example.org are closed',
    });
    expect(toAuthError(named('UserLambdaValidationException', 'PreAuthentication failed with error Account under review.')).message).toBe('Account under review');
  });

  it('adding a passkey speaks of adding one: already on this device, prompt closed, not possible here (issue 24)', () => {
    expect(registrationError(named('PasskeyAlreadyExists', 'Passkey already exists in authenticator.')).kind).toBe('passkeyExists');
    expect(registrationError(named('PasskeyRegistrationCanceled', 'Passkey registration ceremony has been canceled.')).kind).toBe('passkeyRegistrationCanceled');
    expect(registrationError(named('PasskeyNotSupported', 'Passkeys may not be supported on this device.')).kind).toBe('passkeyNotSupported');
    expect(registrationError(named('RelyingPartyMismatch', 'Relying party ID mismatch.')).kind).toBe('passkeyNotSupported');
    expect(registrationError(new TypeError('Failed to fetch')).kind).toBe('network');
  });

  it('keeps the name and message, and copes with non-errors', () => {
    expect(toAuthError(named('CodeMismatchException', 'Invalid code'))).toEqual({ kind: 'wrongCode', name: 'CodeMismatchException', message: 'Invalid code' });
    expect(toAuthError('boom')).toEqual({ kind: 'unknown', name: 'Error', message: 'boom' });
    expect(toAuthError(null)).toEqual({ kind: 'unknown', name: 'Error', message: 'null' });
  });
});
