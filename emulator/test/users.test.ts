import {
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminSetUserMFAPreferenceCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  ChangePasswordCommand,
  DeleteUserCommand,
  GetUserAttributeVerificationCodeCommand,
  GetUserCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  ListUsersCommand,
  RevokeTokenCommand,
  SetUserMFAPreferenceCommand,
  UpdateUserAttributesCommand,
  VerifyUserAttributeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool, createUser, expectCognitoError, PASSWORD } from './fixtures.js';
import { advanceClock, type Harness, readSms, startHarness } from './harness.js';

let h: Harness;
let poolId: string;
let clientId: string;
beforeAll(async () => {
  h = await startHarness();
  ({ poolId, clientId } = await createPool(h.sdk, { mfa: 'OPTIONAL', sms: true, totp: true }));
});
afterAll(() => h.stop());

async function signInTokens(username: string, password = PASSWORD) {
  const r = await h.sdk.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: username, PASSWORD: password } }));
  return r.AuthenticationResult!;
}

describe('admin user operations', () => {
  it('creates, reads, updates, lists, disables and deletes users', async () => {
    await h.sdk.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'ann', TemporaryPassword: 'Temp-Passw0rd!', MessageAction: 'SUPPRESS', UserAttributes: [{ Name: 'email', Value: 'ann@example.com' }] }));
    await expectCognitoError(h.sdk.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'ann', MessageAction: 'SUPPRESS' })), 'UsernameExistsException');
    let ann = await h.sdk.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'ann' }));
    expect(ann.UserStatus).toBe('FORCE_CHANGE_PASSWORD');
    expect(ann.UserAttributes).toContainEqual({ Name: 'email', Value: 'ann@example.com' });

    await h.sdk.send(new AdminUpdateUserAttributesCommand({ UserPoolId: poolId, Username: 'ann', UserAttributes: [{ Name: 'phone_number', Value: '+12065550150' }, { Name: 'custom:team', Value: 'blue' }] }));
    ann = await h.sdk.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'ann' }));
    expect(ann.UserAttributes).toEqual(expect.arrayContaining([{ Name: 'phone_number', Value: '+12065550150' }, { Name: 'phone_number_verified', Value: 'false' }, { Name: 'custom:team', Value: 'blue' }]));
    await expectCognitoError(h.sdk.send(new AdminUpdateUserAttributesCommand({ UserPoolId: poolId, Username: 'ann', UserAttributes: [{ Name: 'phone_number', Value: '555-0100' }] })), 'InvalidParameterException');
    await expectCognitoError(h.sdk.send(new AdminUpdateUserAttributesCommand({ UserPoolId: poolId, Username: 'ann', UserAttributes: [{ Name: 'favourite', Value: 'x' }] })), 'InvalidParameterException');

    await h.sdk.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'ann', Password: PASSWORD, Permanent: true }));
    await expectCognitoError(h.sdk.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'ann', Password: 'weak', Permanent: true })), 'InvalidPasswordException');
    expect((await h.sdk.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'ann' }))).UserStatus).toBe('CONFIRMED');

    const listed = await h.sdk.send(new ListUsersCommand({ UserPoolId: poolId, Filter: 'email = "ann@example.com"' }));
    expect(listed.Users?.map((u) => u.Username)).toEqual(['ann']);
    await expectCognitoError(h.sdk.send(new ListUsersCommand({ UserPoolId: poolId, Filter: 'email ~ ann' })), 'InvalidParameterException');

    await h.sdk.send(new AdminDisableUserCommand({ UserPoolId: poolId, Username: 'ann' }));
    await expectCognitoError(signInTokens('ann'), 'NotAuthorizedException', 'User is disabled.');
    await h.sdk.send(new AdminEnableUserCommand({ UserPoolId: poolId, Username: 'ann' }));
    expect((await signInTokens('ann')).AccessToken).toBeTruthy();

    await h.sdk.send(new AdminDeleteUserCommand({ UserPoolId: poolId, Username: 'ann' }));
    await expectCognitoError(h.sdk.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'ann' })), 'UserNotFoundException');
  });

  it('sends the invitation (username and temporary password) unless suppressed', async () => {
    await h.sdk.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'invited', TemporaryPassword: 'Invite-Passw0rd!', DesiredDeliveryMediums: ['SMS', 'EMAIL'], UserAttributes: [{ Name: 'phone_number', Value: '+12065550155' }, { Name: 'email', Value: 'invited@example.com' }] }));
    const outbox = (await (await fetch(`${h.emulator.url}/_emulator/outbox?username=invited`)).json()) as { channel: string; destination: string; message: string }[];
    expect(outbox.map((m) => [m.channel, m.destination]).sort()).toEqual([['EMAIL', 'invited@example.com'], ['SMS', '+12065550155']]);
    expect(outbox[0].message).toBe('Your username is invited and temporary password is Invite-Passw0rd!.');
    await h.sdk.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'quiet', MessageAction: 'SUPPRESS', UserAttributes: [{ Name: 'phone_number', Value: '+12065550156' }] }));
    expect(await readSms(h.emulator, 'quiet')).toEqual([]);
  });

  it('sets MFA preferences for a user, refusing SMS without a phone and TOTP without a verified token', async () => {
    await createUser(h.sdk, poolId, 'bob');
    await expectCognitoError(h.sdk.send(new AdminSetUserMFAPreferenceCommand({ UserPoolId: poolId, Username: 'bob', SMSMfaSettings: { Enabled: true } })), 'InvalidParameterException');
    await expectCognitoError(h.sdk.send(new AdminSetUserMFAPreferenceCommand({ UserPoolId: poolId, Username: 'bob', SoftwareTokenMfaSettings: { Enabled: true } })), 'InvalidParameterException');
    await h.sdk.send(new AdminUpdateUserAttributesCommand({ UserPoolId: poolId, Username: 'bob', UserAttributes: [{ Name: 'phone_number', Value: '+12065550151' }] }));
    await h.sdk.send(new AdminSetUserMFAPreferenceCommand({ UserPoolId: poolId, Username: 'bob', SMSMfaSettings: { Enabled: true, PreferredMfa: true } }));
    const bob = await h.sdk.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'bob' }));
    expect(bob.UserMFASettingList).toEqual(['SMS_MFA']);
    expect(bob.PreferredMfaSetting).toBe('SMS_MFA');
  });
});

describe('operations with the user access token', () => {
  it('reads the user, updates a phone number and verifies it with the code from the outbox (24 h)', async () => {
    await createUser(h.sdk, poolId, 'cat');
    const { AccessToken } = await signInTokens('cat');
    const update = await h.sdk.send(new UpdateUserAttributesCommand({ AccessToken, UserAttributes: [{ Name: 'phone_number', Value: '+12065550152' }] }));
    expect(update.CodeDeliveryDetailsList).toEqual([{ Destination: '+*******0152', DeliveryMedium: 'SMS', AttributeName: 'phone_number' }]);
    await expectCognitoError(h.sdk.send(new UpdateUserAttributesCommand({ AccessToken, UserAttributes: [{ Name: 'phone_number_verified', Value: 'true' }] })), 'InvalidParameterException');
    const [first] = await readSms(h.emulator, 'cat');
    await expectCognitoError(h.sdk.send(new VerifyUserAttributeCommand({ AccessToken, AttributeName: 'phone_number', Code: first.code === '000000' ? '111111' : '000000' })), 'CodeMismatchException');
    await h.sdk.send(new GetUserAttributeVerificationCodeCommand({ AccessToken, AttributeName: 'phone_number' }));
    const [second] = await readSms(h.emulator, 'cat');
    await advanceClock(h.emulator, 23 * 3600);
    await h.sdk.send(new VerifyUserAttributeCommand({ AccessToken: (await signInTokens('cat')).AccessToken, AttributeName: 'phone_number', Code: second.code }));
    const me = await h.sdk.send(new GetUserCommand({ AccessToken: (await signInTokens('cat')).AccessToken }));
    expect(me.UserAttributes).toContainEqual({ Name: 'phone_number_verified', Value: 'true' });
  });

  it('expires attribute verification codes after 24 hours', async () => {
    await createUser(h.sdk, poolId, 'dan', [{ Name: 'phone_number', Value: '+12065550153' }]);
    await h.sdk.send(new GetUserAttributeVerificationCodeCommand({ AccessToken: (await signInTokens('dan')).AccessToken, AttributeName: 'phone_number' }));
    const [sms] = await readSms(h.emulator, 'dan');
    await advanceClock(h.emulator, 24 * 3600 + 1);
    await expectCognitoError(h.sdk.send(new VerifyUserAttributeCommand({ AccessToken: (await signInTokens('dan')).AccessToken, AttributeName: 'phone_number', Code: sms.code })), 'ExpiredCodeException');
  });

  it('changes the password only with the right previous one', async () => {
    await createUser(h.sdk, poolId, 'eve');
    const { AccessToken } = await signInTokens('eve');
    await expectCognitoError(h.sdk.send(new ChangePasswordCommand({ AccessToken, PreviousPassword: 'Wrong-Passw0rd!', ProposedPassword: 'Next-Passw0rd!' })), 'NotAuthorizedException');
    await expectCognitoError(h.sdk.send(new ChangePasswordCommand({ AccessToken, PreviousPassword: PASSWORD, ProposedPassword: 'weak' })), 'InvalidPasswordException');
    await h.sdk.send(new ChangePasswordCommand({ AccessToken, PreviousPassword: PASSWORD, ProposedPassword: 'Next-Passw0rd!' }));
    await expectCognitoError(signInTokens('eve'), 'NotAuthorizedException');
    expect((await signInTokens('eve', 'Next-Passw0rd!')).AccessToken).toBeTruthy();
  });

  it('turns TOTP off with SetUserMFAPreference (there is no delete)', async () => {
    await createUser(h.sdk, poolId, 'fay', [{ Name: 'phone_number', Value: '+12065550154' }]);
    const { AccessToken } = await signInTokens('fay');
    await h.sdk.send(new SetUserMFAPreferenceCommand({ AccessToken, SMSMfaSettings: { Enabled: true, PreferredMfa: true } }));
    expect((await h.sdk.send(new GetUserCommand({ AccessToken }))).PreferredMfaSetting).toBe('SMS_MFA');
    await h.sdk.send(new SetUserMFAPreferenceCommand({ AccessToken, SMSMfaSettings: { Enabled: false } }));
    const me = await h.sdk.send(new GetUserCommand({ AccessToken }));
    expect(me.UserMFASettingList).toBeUndefined(); // Cognito leaves the list out when it is empty
    expect(me.PreferredMfaSetting).toBeUndefined();
    await expectCognitoError(h.sdk.send(new SetUserMFAPreferenceCommand({ AccessToken, SMSMfaSettings: { Enabled: true, PreferredMfa: true }, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } })), 'InvalidParameterException');
  });

  it('revokes tokens: RevokeToken for one sign-in, GlobalSignOut for all', async () => {
    await createUser(h.sdk, poolId, 'gus');
    const a = await signInTokens('gus');
    const b = await signInTokens('gus');
    await h.sdk.send(new RevokeTokenCommand({ ClientId: clientId, Token: a.RefreshToken }));
    await expectCognitoError(h.sdk.send(new GetUserCommand({ AccessToken: a.AccessToken })), 'NotAuthorizedException', 'Access Token has been revoked');
    expect((await h.sdk.send(new GetUserCommand({ AccessToken: b.AccessToken }))).Username).toBe('gus');
    await h.sdk.send(new GlobalSignOutCommand({ AccessToken: b.AccessToken }));
    await expectCognitoError(h.sdk.send(new GetUserCommand({ AccessToken: b.AccessToken })), 'NotAuthorizedException', 'Access Token has been revoked');
    await expectCognitoError(h.sdk.send(new InitiateAuthCommand({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: clientId, AuthParameters: { REFRESH_TOKEN: b.RefreshToken! } })), 'NotAuthorizedException');
    expect((await signInTokens('gus')).AccessToken).toBeTruthy();
  });

  it('DeleteUser: the user deletes their own account; their tokens stop working and the username is free again (AR DeleteUser)', async () => {
    await createUser(h.sdk, poolId, 'ivy', [{ Name: 'email', Value: 'ivy@example.com' }]);
    const a = await signInTokens('ivy');
    const b = await signInTokens('ivy');
    await h.sdk.send(new DeleteUserCommand({ AccessToken: a.AccessToken }));
    await expectCognitoError(h.sdk.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'ivy' })), 'UserNotFoundException', 'User does not exist.');
    // Every session of the user ends, not just the one that asked (wording of the refusal: ours).
    await expectCognitoError(h.sdk.send(new GetUserCommand({ AccessToken: b.AccessToken })), 'NotAuthorizedException');
    await expectCognitoError(h.sdk.send(new InitiateAuthCommand({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: clientId, AuthParameters: { REFRESH_TOKEN: b.RefreshToken! } })), 'NotAuthorizedException');
    await expectCognitoError(h.sdk.send(new DeleteUserCommand({ AccessToken: a.AccessToken })), 'NotAuthorizedException');
    await expectCognitoError(h.sdk.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'ivy', PASSWORD } })), 'UserNotFoundException');
    await createUser(h.sdk, poolId, 'ivy');
    expect((await signInTokens('ivy')).AccessToken).toBeTruthy();
  });

  it('DeleteUser refuses a forged token, and a request without one', async () => {
    await expectCognitoError(h.sdk.send(new DeleteUserCommand({ AccessToken: 'not-a-token' })), 'NotAuthorizedException', 'Invalid Access Token');
    await expectCognitoError(h.sdk.send(new DeleteUserCommand({} as never)), 'InvalidParameterException');
  });

  it('refuses expired access tokens', async () => {
    await createUser(h.sdk, poolId, 'hal');
    const { AccessToken } = await signInTokens('hal');
    await advanceClock(h.emulator, 3601);
    await expectCognitoError(h.sdk.send(new GetUserCommand({ AccessToken })), 'NotAuthorizedException', 'Access Token has expired');
  });
});
