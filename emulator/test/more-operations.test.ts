import {
  AdminRespondToAuthChallengeCommand,
  AdminInitiateAuthCommand,
  AdminUserGlobalSignOutCommand,
  DeleteUserAttributesCommand,
  DescribeUserPoolClientCommand,
  GetUserAttributeVerificationCodeCommand,
  GetUserCommand,
  InitiateAuthCommand,
  ListUserPoolClientsCommand,
  RevokeTokenCommand,
  AdminGetUserCommand,
  CreateUserPoolClientCommand,
  RespondToAuthChallengeCommand,
  AdminDeleteUserCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool, createUser, expectCognitoError, PASSWORD } from './fixtures.js';
import { type Harness, readSms, startHarness } from './harness.js';

let h: Harness;
beforeAll(async () => void (h = await startHarness()));
afterAll(() => h.stop());

const signInTokens = async (clientId: string, username: string) =>
  (await h.sdk.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: username, PASSWORD } }))).AuthenticationResult!;

describe('the rest of the operations, and their errors', () => {
  it('AdminInitiateAuth + AdminRespondToAuthChallenge answer an SMS challenge server-side', async () => {
    const { poolId, clientId } = await createPool(h.sdk, { mfa: 'ON', sms: true });
    await createUser(h.sdk, poolId, 'server-side', [{ Name: 'phone_number', Value: '+12065550160' }]);
    const challenge = await h.sdk.send(new AdminInitiateAuthCommand({ UserPoolId: poolId, ClientId: clientId, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'server-side', PASSWORD } }));
    expect(challenge.ChallengeName).toBe('SMS_MFA');
    const [sms] = await readSms(h.emulator, 'server-side');
    const done = await h.sdk.send(
      new AdminRespondToAuthChallengeCommand({ UserPoolId: poolId, ClientId: clientId, ChallengeName: 'SMS_MFA', Session: challenge.Session, ChallengeResponses: { USERNAME: 'server-side', SMS_MFA_CODE: sms.code } }),
    );
    expect(done.AuthenticationResult?.IdToken).toBeTruthy();
    await expectCognitoError(h.sdk.send(new AdminInitiateAuthCommand({ UserPoolId: poolId, ClientId: clientId, AuthFlow: 'USER_SRP_AUTH', AuthParameters: {} })), 'InvalidParameterException');
  });

  it('AdminUserGlobalSignOut revokes every session of the user', async () => {
    const { poolId, clientId } = await createPool(h.sdk);
    await createUser(h.sdk, poolId, 'everywhere');
    const a = await signInTokens(clientId, 'everywhere');
    await h.sdk.send(new AdminUserGlobalSignOutCommand({ UserPoolId: poolId, Username: 'everywhere' }));
    await expectCognitoError(h.sdk.send(new GetUserCommand({ AccessToken: a.AccessToken })), 'NotAuthorizedException', 'Access Token has been revoked');
    await expectCognitoError(h.sdk.send(new AdminUserGlobalSignOutCommand({ UserPoolId: poolId, Username: 'nobody' })), 'UserNotFoundException');
  });

  it('DeleteUserAttributes removes attributes (and SMS MFA with the phone), never sub', async () => {
    const { poolId, clientId } = await createPool(h.sdk, { mfa: 'OPTIONAL', sms: true });
    await createUser(h.sdk, poolId, 'shedder', [{ Name: 'phone_number', Value: '+12065550161' }, { Name: 'custom:team', Value: 'x' }]);
    const { AccessToken } = await signInTokens(clientId, 'shedder');
    await expectCognitoError(h.sdk.send(new DeleteUserAttributesCommand({ AccessToken, UserAttributeNames: ['sub'] })), 'InvalidParameterException');
    await h.sdk.send(new DeleteUserAttributesCommand({ AccessToken, UserAttributeNames: ['phone_number', 'custom:team'] }));
    const me = await h.sdk.send(new GetUserCommand({ AccessToken }));
    expect(me.UserAttributes?.map((a) => a.Name)).toEqual(['sub']);
  });

  it('lists and describes clients; unknown pool, client and user are refused', async () => {
    const { poolId, clientId } = await createPool(h.sdk);
    const { UserPoolClients } = await h.sdk.send(new ListUserPoolClientsCommand({ UserPoolId: poolId }));
    expect(UserPoolClients?.map((c) => c.ClientId)).toEqual([clientId]);
    const other = await createPool(h.sdk);
    await expectCognitoError(h.sdk.send(new DescribeUserPoolClientCommand({ UserPoolId: other.poolId, ClientId: clientId })), 'ResourceNotFoundException');
    await expectCognitoError(h.sdk.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'ghost' })), 'UserNotFoundException', 'User does not exist.');
    await expectCognitoError(h.sdk.send(new AdminDeleteUserCommand({ UserPoolId: 'eu-west-1_nope', Username: 'ghost' })), 'ResourceNotFoundException');
    await expectCognitoError(h.sdk.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: 'nosuchclient', AuthParameters: { USERNAME: 'a', PASSWORD: 'b' } })), 'ResourceNotFoundException');
    await expectCognitoError(h.sdk.send(new InitiateAuthCommand({ AuthFlow: 'MAGIC' as 'USER_SRP_AUTH', ClientId: clientId })), 'InvalidParameterException');
  });

  it('GetUserAttributeVerificationCode needs the attribute; RevokeToken only takes refresh tokens', async () => {
    const { poolId, clientId } = await createPool(h.sdk);
    await createUser(h.sdk, poolId, 'plain');
    const tokens = await signInTokens(clientId, 'plain');
    await expectCognitoError(h.sdk.send(new GetUserAttributeVerificationCodeCommand({ AccessToken: tokens.AccessToken, AttributeName: 'phone_number' })), 'InvalidParameterException');
    await expectCognitoError(h.sdk.send(new RevokeTokenCommand({ ClientId: clientId, Token: tokens.AccessToken })), 'UnsupportedTokenTypeException');
    await h.sdk.send(new RevokeTokenCommand({ ClientId: clientId, Token: 'not-a-known-token' }));
    await expectCognitoError(h.sdk.send(new VerifySoftwareTokenCommand({ AccessToken: tokens.AccessToken, UserCode: '123456' })), 'SoftwareTokenMFANotFoundException');
  });

  it('sessions are bound to their client', async () => {
    const { poolId, clientId } = await createPool(h.sdk, { mfa: 'ON', sms: true });
    const { UserPoolClient } = await h.sdk.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'other', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] }));
    await createUser(h.sdk, poolId, 'bound', [{ Name: 'phone_number', Value: '+12065550162' }]);
    const challenge = await h.sdk.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'bound', PASSWORD } }));
    const [sms] = await readSms(h.emulator, 'bound');
    await expectCognitoError(
      h.sdk.send(new RespondToAuthChallengeCommand({ ClientId: UserPoolClient!.ClientId, ChallengeName: 'SMS_MFA', Session: challenge.Session, ChallengeResponses: { USERNAME: 'bound', SMS_MFA_CODE: sms.code } })),
      'NotAuthorizedException',
    );
  });
});
