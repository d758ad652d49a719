/**
 * The account lifecycle, with the AWS SDK v3 and Amplify v6: sign-up and confirmation, unconfirmed
 * users, forgotten passwords and administrator resets. Sources: shared/reference 001 ("the
 * verification code or link is valid for 24 hours"; both phone and e-mail → the code goes by SMS;
 * "the forgotten password flow requires either the user's email or the user's phone number to be
 * verified"), and the API reference of each operation (AR).
 */
import {
  AdminConfirmSignUpCommand,
  AdminGetUserCommand,
  AdminResetUserPasswordCommand,
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  ForgotPasswordCommand,
  InitiateAuthCommand,
  ResendConfirmationCodeCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { Amplify } from 'aws-amplify';
import { autoSignIn, confirmResetPassword, confirmSignUp, resetPassword, signIn, signOut, signUp } from 'aws-amplify/auth';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createPool, createUser, expectCognitoError, PASSWORD } from './fixtures.js';
import { advanceClock, type Harness, startHarness } from './harness.js';

let h: Harness;
beforeAll(async () => void (h = await startHarness()));
afterAll(() => h.stop());
afterEach(() => signOut().catch(() => {}));

interface Message { code: string; channel: string; destination: string; message: string }
async function latest(username: string): Promise<Message> {
  const res = await fetch(`${h.emulator.url}/_emulator/outbox?username=${encodeURIComponent(username)}`);
  const [first] = (await res.json()) as Message[];
  return first;
}

/** A pool that lets users sign up, e-mail auto-verified (and phone, when asked). */
const selfService = (options: { phone?: boolean; enabled?: boolean; required?: boolean } = {}) =>
  createPool(h.sdk, {
    preventUserExistenceErrors: options.enabled ? 'ENABLED' : 'LEGACY',
    pool: {
      AutoVerifiedAttributes: options.phone ? ['email', 'phone_number'] : ['email'],
      VerificationMessageTemplate: { EmailMessage: 'Your Acme code is {####}', EmailSubject: 'Acme code', SmsMessage: 'Acme code {####}' },
      ...(options.required ? { Schema: [{ Name: 'email', AttributeDataType: 'String', Required: true }] } : {}),
    },
  });

const passwordAuth = (clientId: string, username: string, password = PASSWORD) =>
  h.sdk.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: username, PASSWORD: password } }));

const signUpWith = (clientId: string, username: string, attributes = [{ Name: 'email', Value: `${username}@example.com` }], password = PASSWORD) =>
  h.sdk.send(new SignUpCommand({ ClientId: clientId, Username: username, Password: password, UserAttributes: attributes }));

describe('SignUp, ConfirmSignUp, ResendConfirmationCode, AdminConfirmSignUp', () => {
  it('creates an unconfirmed user, sends the code with the pool template, refuses sign-in until confirmed, then verifies the e-mail', async () => {
    const { poolId, clientId } = await selfService();
    const result = await signUpWith(clientId, 'newcomer');
    expect(result.UserConfirmed).toBe(false);
    expect(result.UserSub).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.CodeDeliveryDetails).toEqual({ Destination: 'n***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' });
    const mail = await latest('newcomer');
    expect(mail).toMatchObject({ channel: 'EMAIL', destination: 'newcomer@example.com', message: `Your Acme code is ${mail.code}` });
    await expectCognitoError(passwordAuth(clientId, 'newcomer'), 'UserNotConfirmedException', 'User is not confirmed.');
    // A wrong password still says so first: being unconfirmed is not revealed to a guesser.
    await expectCognitoError(passwordAuth(clientId, 'newcomer', 'Wrong-Passw0rd!'), 'NotAuthorizedException');
    await expectCognitoError(h.sdk.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: 'newcomer', ConfirmationCode: mail.code === '000000' ? '111111' : '000000' })), 'CodeMismatchException', 'Invalid verification code provided, please try again.');
    await h.sdk.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: 'newcomer', ConfirmationCode: mail.code }));
    const user = await h.sdk.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'newcomer' }));
    expect(user.UserStatus).toBe('CONFIRMED');
    expect(user.UserAttributes).toEqual(expect.arrayContaining([{ Name: 'email_verified', Value: 'true' }]));
    expect((await passwordAuth(clientId, 'newcomer')).AuthenticationResult).toBeTruthy();
    await expectCognitoError(h.sdk.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: 'newcomer', ConfirmationCode: mail.code })), 'NotAuthorizedException', 'User cannot be confirmed. Current status is CONFIRMED');
  });

  it('sends the code by SMS when phone and e-mail are both auto-verified; the e-mail stays unverified (shared/reference 001)', async () => {
    const { poolId, clientId } = await selfService({ phone: true });
    const result = await signUpWith(clientId, 'both', [{ Name: 'email', Value: 'both@example.com' }, { Name: 'phone_number', Value: '+12065550190' }]);
    expect(result.CodeDeliveryDetails).toEqual({ Destination: '+*******0190', DeliveryMedium: 'SMS', AttributeName: 'phone_number' });
    await h.sdk.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: 'both', ConfirmationCode: (await latest('both')).code }));
    const attributes = Object.fromEntries((await h.sdk.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'both' }))).UserAttributes!.map((a) => [a.Name, a.Value]));
    expect(attributes).toMatchObject({ phone_number_verified: 'true', email_verified: 'false' });
  });

  it('refuses taken usernames, weak passwords, missing required attributes, and sign-up where only administrators create users', async () => {
    const { clientId } = await selfService({ required: true });
    await signUpWith(clientId, 'taken');
    await expectCognitoError(signUpWith(clientId, 'taken'), 'UsernameExistsException', 'User already exists');
    await expectCognitoError(signUpWith(clientId, 'weak', undefined, 'short'), 'InvalidPasswordException', /Password did not conform with policy/);
    await expectCognitoError(signUpWith(clientId, 'anonymous', []), 'InvalidParameterException', /Attributes did not conform to the schema: email/);
    await expectCognitoError(signUpWith(clientId, 'verified-myself', [{ Name: 'email', Value: 'v@example.com' }, { Name: 'email_verified', Value: 'true' }]), 'InvalidParameterException');
    const closed = await createPool(h.sdk, { pool: { AdminCreateUserConfig: { AllowAdminCreateUserOnly: true } } });
    await expectCognitoError(signUpWith(closed.clientId, 'outsider'), 'NotAuthorizedException', 'SignUp is not permitted for this user pool');
  });

  it('expires the code after 24 hours, ends it after five wrong tries, and resends a new one (the old one stops working)', async () => {
    const { clientId } = await selfService();
    await signUpWith(clientId, 'slow');
    const first = (await latest('slow')).code;
    await advanceClock(h.emulator, 24 * 3600 + 1);
    await expectCognitoError(h.sdk.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: 'slow', ConfirmationCode: first })), 'ExpiredCodeException', 'Invalid code provided, please request a code again.');
    const resent = await h.sdk.send(new ResendConfirmationCodeCommand({ ClientId: clientId, Username: 'slow' }));
    expect(resent.CodeDeliveryDetails?.DeliveryMedium).toBe('EMAIL');
    const second = (await latest('slow')).code;
    const wrong = second === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) await expectCognitoError(h.sdk.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: 'slow', ConfirmationCode: wrong })), 'CodeMismatchException');
    await expectCognitoError(h.sdk.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: 'slow', ConfirmationCode: second })), 'ExpiredCodeException');
  });

  it('limits resends (LimitExceededException), refuses resending to a confirmed user, and AdminConfirmSignUp confirms without a code', async () => {
    const { poolId, clientId } = await selfService();
    await signUpWith(clientId, 'spammy');
    for (let i = 0; i < 4; i++) await h.sdk.send(new ResendConfirmationCodeCommand({ ClientId: clientId, Username: 'spammy' }));
    await expectCognitoError(h.sdk.send(new ResendConfirmationCodeCommand({ ClientId: clientId, Username: 'spammy' })), 'LimitExceededException', 'Attempt limit exceeded, please try after some time.');
    await h.sdk.send(new AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: 'spammy' }));
    expect((await passwordAuth(clientId, 'spammy')).AuthenticationResult).toBeTruthy();
    await expectCognitoError(h.sdk.send(new ResendConfirmationCodeCommand({ ClientId: clientId, Username: 'spammy' })), 'InvalidParameterException', 'User is already confirmed.');
    await expectCognitoError(h.sdk.send(new AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: 'spammy' })), 'NotAuthorizedException');
    await expectCognitoError(h.sdk.send(new ResendConfirmationCodeCommand({ ClientId: clientId, Username: 'ghost' })), 'UserNotFoundException');
  });

  it('with e-mail as username, signs up by e-mail and generates the username', async () => {
    const { poolId, clientId } = await createPool(h.sdk, { pool: { UsernameAttributes: ['email'], AutoVerifiedAttributes: ['email'] } });
    const { UserSub } = await h.sdk.send(new SignUpCommand({ ClientId: clientId, Username: 'mail@example.com', Password: PASSWORD }));
    const user = await h.sdk.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'mail@example.com' }));
    expect(user.Username).toBe(UserSub);
    await h.sdk.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: 'mail@example.com', ConfirmationCode: (await latest(UserSub!)).code }));
    expect((await passwordAuth(clientId, 'mail@example.com')).AuthenticationResult).toBeTruthy();
  });

  it('Amplify: signUp with autoSignIn, confirmSignUp, then autoSignIn signs in without the password again', async () => {
    const { poolId, clientId } = await selfService();
    Amplify.configure({ Auth: { Cognito: { userPoolId: poolId, userPoolClientId: clientId, userPoolEndpoint: h.emulator.url } } });
    const started = await signUp({ username: 'amplified', password: PASSWORD, options: { userAttributes: { email: 'amplified@example.com' }, autoSignIn: true } });
    expect(started.nextStep).toMatchObject({ signUpStep: 'CONFIRM_SIGN_UP', codeDeliveryDetails: { destination: 'a***@e***', deliveryMedium: 'EMAIL' } });
    const confirmed = await confirmSignUp({ username: 'amplified', confirmationCode: (await latest('amplified')).code });
    expect(confirmed.nextStep.signUpStep).toBe('COMPLETE_AUTO_SIGN_IN');
    expect((await autoSignIn()).isSignedIn).toBe(true);
  });

  it('Amplify: an unconfirmed user\'s sign-in becomes the CONFIRM_SIGN_UP step', async () => {
    const { poolId, clientId } = await selfService();
    await signUpWith(clientId, 'pending');
    Amplify.configure({ Auth: { Cognito: { userPoolId: poolId, userPoolClientId: clientId, userPoolEndpoint: h.emulator.url } } });
    expect((await signIn({ username: 'pending', password: PASSWORD })).nextStep.signInStep).toBe('CONFIRM_SIGN_UP');
  });
});

describe('ForgotPassword, ConfirmForgotPassword, AdminResetUserPassword', () => {
  it('sends the code to the verified e-mail, else the verified phone, else refuses with Cognito\'s message', async () => {
    const { poolId, clientId } = await selfService();
    await createUser(h.sdk, poolId, 'mailable', [{ Name: 'email', Value: 'mailable@example.com' }, { Name: 'email_verified', Value: 'true' }, { Name: 'phone_number', Value: '+12065550191' }, { Name: 'phone_number_verified', Value: 'true' }]);
    await createUser(h.sdk, poolId, 'phoneable', [{ Name: 'email', Value: 'phoneable@example.com' }, { Name: 'phone_number', Value: '+12065550192' }, { Name: 'phone_number_verified', Value: 'true' }]);
    await createUser(h.sdk, poolId, 'stranded', [{ Name: 'email', Value: 'stranded@example.com' }]);
    expect((await h.sdk.send(new ForgotPasswordCommand({ ClientId: clientId, Username: 'mailable' }))).CodeDeliveryDetails).toEqual({ Destination: 'm***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' });
    expect((await h.sdk.send(new ForgotPasswordCommand({ ClientId: clientId, Username: 'phoneable' }))).CodeDeliveryDetails).toEqual({ Destination: '+*******0192', DeliveryMedium: 'SMS', AttributeName: 'phone_number' });
    await expectCognitoError(
      h.sdk.send(new ForgotPasswordCommand({ ClientId: clientId, Username: 'stranded' })),
      'InvalidParameterException',
      'Cannot reset password for the user as there is no registered/verified email or phone_number',
    );
    await expectCognitoError(h.sdk.send(new ForgotPasswordCommand({ ClientId: clientId, Username: 'nobody' })), 'UserNotFoundException');
    const hidden = await selfService({ enabled: true });
    expect((await h.sdk.send(new ForgotPasswordCommand({ ClientId: hidden.clientId, Username: 'nobody' }))).CodeDeliveryDetails?.DeliveryMedium).toBe('EMAIL');
    await expectCognitoError(h.sdk.send(new ConfirmForgotPasswordCommand({ ClientId: hidden.clientId, Username: 'nobody', ConfirmationCode: '123456', Password: 'New-Passw0rd!' })), 'CodeMismatchException');
  });

  it('sets the new password with the code (1 hour): policy checked, wrong code refused, the old password stops working, a lockout is lifted', async () => {
    const { poolId, clientId } = await selfService();
    await createUser(h.sdk, poolId, 'forgetful', [{ Name: 'email', Value: 'forgetful@example.com' }, { Name: 'email_verified', Value: 'true' }]);
    for (let i = 0; i < 5; i++) await expectCognitoError(passwordAuth(clientId, 'forgetful', 'Wrong-Passw0rd!'), 'NotAuthorizedException');
    await expectCognitoError(passwordAuth(clientId, 'forgetful'), 'NotAuthorizedException', 'Password attempts exceeded');
    await h.sdk.send(new ForgotPasswordCommand({ ClientId: clientId, Username: 'forgetful' }));
    const { code } = await latest('forgetful');
    const confirm = (c: string, password = 'Brand-New-Passw0rd!') => h.sdk.send(new ConfirmForgotPasswordCommand({ ClientId: clientId, Username: 'forgetful', ConfirmationCode: c, Password: password }));
    await expectCognitoError(confirm(code, 'weak'), 'InvalidPasswordException');
    await expectCognitoError(confirm(code === '000000' ? '111111' : '000000'), 'CodeMismatchException');
    await confirm(code);
    await expectCognitoError(passwordAuth(clientId, 'forgetful'), 'NotAuthorizedException', 'Incorrect username or password.');
    expect((await passwordAuth(clientId, 'forgetful', 'Brand-New-Passw0rd!')).AuthenticationResult).toBeTruthy();
    await expectCognitoError(confirm(code), 'ExpiredCodeException'); // used

    await h.sdk.send(new ForgotPasswordCommand({ ClientId: clientId, Username: 'forgetful' }));
    const late = (await latest('forgetful')).code;
    await advanceClock(h.emulator, 3601);
    await expectCognitoError(confirm(late, 'Another-Passw0rd!'), 'ExpiredCodeException');
  });

  it('AdminResetUserPassword: sign-in answers PasswordResetRequiredException until the reset code sets a new password', async () => {
    const { poolId, clientId } = await selfService();
    await createUser(h.sdk, poolId, 'reset-me', [{ Name: 'email', Value: 'reset-me@example.com' }, { Name: 'email_verified', Value: 'true' }]);
    await h.sdk.send(new AdminResetUserPasswordCommand({ UserPoolId: poolId, Username: 'reset-me' }));
    expect((await h.sdk.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'reset-me' }))).UserStatus).toBe('RESET_REQUIRED');
    await expectCognitoError(passwordAuth(clientId, 'reset-me'), 'PasswordResetRequiredException', 'Password reset required for the user');
    await h.sdk.send(new ConfirmForgotPasswordCommand({ ClientId: clientId, Username: 'reset-me', ConfirmationCode: (await latest('reset-me')).code, Password: 'Brand-New-Passw0rd!' }));
    expect((await passwordAuth(clientId, 'reset-me', 'Brand-New-Passw0rd!')).AuthenticationResult).toBeTruthy();
    await createUser(h.sdk, poolId, 'no-contact');
    await expectCognitoError(h.sdk.send(new AdminResetUserPasswordCommand({ UserPoolId: poolId, Username: 'no-contact' })), 'InvalidParameterException');
  });

  it('Amplify: resetPassword names the medium and masked destination; confirmResetPassword sets the password; RESET_PASSWORD at sign-in after an admin reset', async () => {
    const { poolId, clientId } = await selfService();
    await createUser(h.sdk, poolId, 'amp-reset', [{ Name: 'email', Value: 'amp-reset@example.com' }, { Name: 'email_verified', Value: 'true' }]);
    Amplify.configure({ Auth: { Cognito: { userPoolId: poolId, userPoolClientId: clientId, userPoolEndpoint: h.emulator.url } } });
    const started = await resetPassword({ username: 'amp-reset' });
    expect(started.nextStep).toMatchObject({ resetPasswordStep: 'CONFIRM_RESET_PASSWORD_WITH_CODE', codeDeliveryDetails: { deliveryMedium: 'EMAIL', destination: 'a***@e***' } });
    await confirmResetPassword({ username: 'amp-reset', confirmationCode: (await latest('amp-reset')).code, newPassword: 'Brand-New-Passw0rd!' });
    expect((await signIn({ username: 'amp-reset', password: 'Brand-New-Passw0rd!' })).isSignedIn).toBe(true);
    await signOut();
    await h.sdk.send(new AdminResetUserPasswordCommand({ UserPoolId: poolId, Username: 'amp-reset' }));
    expect((await signIn({ username: 'amp-reset', password: 'Brand-New-Passw0rd!' })).nextStep.signInStep).toBe('RESET_PASSWORD');
  });
});
