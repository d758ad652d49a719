/**
 * Operations test suites call that the emulator lacked, and answers it gave differently from real
 * Cognito (issue 23): AdminDeleteUserAttributes, DeleteUserPoolClient, paging of every List
 * operation, booleans in any case. AR = API reference.
 */
import {
  AdminCreateUserCommand,
  AdminDeleteUserAttributesCommand,
  AdminGetUserCommand,
  AdminUpdateUserAttributesCommand,
  CreateUserPoolClientCommand,
  DeleteUserPoolClientCommand,
  DescribeUserPoolClientCommand,
  InitiateAuthCommand,
  ListUserPoolClientsCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool, createUser, expectCognitoError, PASSWORD } from './fixtures.js';
import { type Harness, startHarness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

const attributesOf = async (poolId: string, username: string) =>
  Object.fromEntries(((await h.sdk.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: username }))).UserAttributes ?? []).map((a) => [a.Name, a.Value]));

describe('AdminDeleteUserAttributes (AR)', () => {
  it('deletes attributes; a phone number takes its verification with it', async () => {
    const { poolId } = await createPool(h.sdk, { mfa: 'OPTIONAL', sms: true });
    await createUser(h.sdk, poolId, 'attr-ann', [
      { Name: 'phone_number', Value: '+12065550100' },
      { Name: 'phone_number_verified', Value: 'true' },
      { Name: 'given_name', Value: 'Ann' },
      { Name: 'email', Value: 'ann@example.com' },
    ]);
    await h.sdk.send(new AdminDeleteUserAttributesCommand({ UserPoolId: poolId, Username: 'attr-ann', UserAttributeNames: ['phone_number', 'given_name'] }));
    const attributes = await attributesOf(poolId, 'attr-ann');
    expect(attributes).toMatchObject({ email: 'ann@example.com' });
    expect(attributes.phone_number).toBeUndefined();
    expect(attributes.phone_number_verified).toBeUndefined();
    expect(attributes.given_name).toBeUndefined();
  });

  it('refuses sub, an unknown user or pool', async () => {
    const { poolId } = await createPool(h.sdk);
    await createUser(h.sdk, poolId, 'attr-bob');
    await expectCognitoError(h.sdk.send(new AdminDeleteUserAttributesCommand({ UserPoolId: poolId, Username: 'attr-bob', UserAttributeNames: ['sub'] })), 'InvalidParameterException');
    await expectCognitoError(h.sdk.send(new AdminDeleteUserAttributesCommand({ UserPoolId: poolId, Username: 'nobody', UserAttributeNames: ['name'] })), 'UserNotFoundException', 'User does not exist.');
    await expectCognitoError(h.sdk.send(new AdminDeleteUserAttributesCommand({ UserPoolId: 'eu-west-1_nopenopen', Username: 'attr-bob', UserAttributeNames: ['name'] })), 'ResourceNotFoundException');
  });
});

describe('DeleteUserPoolClient (AR)', () => {
  it('deletes the client: it is no longer described, listed, or able to sign anyone in', async () => {
    const { poolId, clientId } = await createPool(h.sdk);
    await createUser(h.sdk, poolId, 'client-user');
    await h.sdk.send(new DeleteUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId }));
    await expectCognitoError(h.sdk.send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId })), 'ResourceNotFoundException');
    expect((await h.sdk.send(new ListUserPoolClientsCommand({ UserPoolId: poolId }))).UserPoolClients).toEqual([]);
    await expectCognitoError(
      h.sdk.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'client-user', PASSWORD } })),
      'ResourceNotFoundException',
    );
    await expectCognitoError(h.sdk.send(new DeleteUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId })), 'ResourceNotFoundException', `User pool client ${clientId} does not exist.`);
  });
});

describe('paging', () => {
  it('ListUserPoolClients honours MaxResults and NextToken, and refuses a MaxResults out of 1–60 (issue 23: MaxResults=5 returned 10)', async () => {
    const { poolId, clientId } = await createPool(h.sdk);
    for (let i = 0; i < 9; i++) await h.sdk.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: `c${i}` }));
    const first = await h.sdk.send(new ListUserPoolClientsCommand({ UserPoolId: poolId, MaxResults: 5 }));
    expect(first.UserPoolClients).toHaveLength(5);
    expect(first.NextToken).toBeTruthy();
    const second = await h.sdk.send(new ListUserPoolClientsCommand({ UserPoolId: poolId, MaxResults: 5, NextToken: first.NextToken }));
    expect(second.UserPoolClients).toHaveLength(5);
    expect(second.NextToken).toBeUndefined();
    const ids = [...first.UserPoolClients!, ...second.UserPoolClients!].map((c) => c.ClientId);
    expect(new Set(ids).size).toBe(10);
    expect(ids).toContain(clientId);
    await expectCognitoError(h.sdk.send(new ListUserPoolClientsCommand({ UserPoolId: poolId, MaxResults: 61 })), 'InvalidParameterException');
    await expectCognitoError(h.sdk.send(new ListUserPoolClientsCommand({ UserPoolId: poolId, MaxResults: 0 })), 'InvalidParameterException');
    await expectCognitoError(h.sdk.send(new ListUserPoolClientsCommand({ UserPoolId: poolId, NextToken: 'not-a-token' })), 'InvalidParameterException');
  });
});

describe('booleans', () => {
  it('email_verified accepts "True" and "FALSE" as Cognito does, kept as true / false (issue 23)', async () => {
    const { poolId } = await createPool(h.sdk);
    await h.sdk.send(
      new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'bool-ann', MessageAction: 'SUPPRESS', UserAttributes: [{ Name: 'email', Value: 'b@example.com' }, { Name: 'email_verified', Value: 'True' }] }),
    );
    expect((await attributesOf(poolId, 'bool-ann')).email_verified).toBe('true');
    await h.sdk.send(new AdminUpdateUserAttributesCommand({ UserPoolId: poolId, Username: 'bool-ann', UserAttributes: [{ Name: 'email_verified', Value: 'FALSE' }] }));
    expect((await attributesOf(poolId, 'bool-ann')).email_verified).toBe('false');
    await expectCognitoError(
      h.sdk.send(new AdminUpdateUserAttributesCommand({ UserPoolId: poolId, Username: 'bool-ann', UserAttributes: [{ Name: 'email_verified', Value: 'yes' }] })),
      'InvalidParameterException',
    );
  });
});
