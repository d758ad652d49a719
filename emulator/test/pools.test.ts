import {
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DeleteUserPoolCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  GetUserPoolMfaConfigCommand,
  ListUserPoolsCommand,
  SetUserPoolMfaConfigCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool, createUser, expectCognitoError } from './fixtures.js';
import { type Harness, startHarness } from './harness.js';

let h: Harness;
beforeAll(async () => void (h = await startHarness()));
afterAll(() => h.stop());

describe('user pools and clients', () => {
  it('creates, describes, lists and deletes a pool, with the region of the signed request', async () => {
    const { UserPool } = await h.sdk.send(new CreateUserPoolCommand({ PoolName: 'p1', Policies: { PasswordPolicy: { MinimumLength: 10 } } }));
    expect(UserPool?.Id).toMatch(/^eu-west-1_[0-9A-Za-z]{9}$/);
    const described = await h.sdk.send(new DescribeUserPoolCommand({ UserPoolId: UserPool!.Id }));
    expect(described.UserPool?.Name).toBe('p1');
    expect(described.UserPool?.Policies?.PasswordPolicy?.MinimumLength).toBe(10);
    expect(described.UserPool?.CreationDate).toBeInstanceOf(Date);
    const listed = await h.sdk.send(new ListUserPoolsCommand({ MaxResults: 60 }));
    expect(listed.UserPools?.map((p) => p.Id)).toContain(UserPool!.Id);
    await h.sdk.send(new DeleteUserPoolCommand({ UserPoolId: UserPool!.Id }));
    await expectCognitoError(h.sdk.send(new DescribeUserPoolCommand({ UserPoolId: UserPool!.Id })), 'ResourceNotFoundException', `User pool ${UserPool!.Id} does not exist.`);
  });

  it('counts the pool\'s users in DescribeUserPool', async () => {
    const { poolId } = await createPool(h.sdk);
    await createUser(h.sdk, poolId, 'one');
    await createUser(h.sdk, poolId, 'two');
    const { UserPool } = await h.sdk.send(new DescribeUserPoolCommand({ UserPoolId: poolId }));
    expect(UserPool?.EstimatedNumberOfUsers).toBe(2);
  });

  it('creates clients with a secret and a bounded AuthSessionValidity', async () => {
    const { poolId } = await createPool(h.sdk);
    const { UserPoolClient } = await h.sdk.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'c', GenerateSecret: true, AuthSessionValidity: 5 }));
    expect(UserPoolClient?.ClientSecret).toBeTruthy();
    const d = await h.sdk.send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: UserPoolClient!.ClientId }));
    expect(d.UserPoolClient?.AuthSessionValidity).toBe(5);
    expect(d.UserPoolClient?.ExplicitAuthFlows).toEqual(['ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']);
    await expectCognitoError(h.sdk.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'c', AuthSessionValidity: 16 })), 'InvalidParameterException');
    await expectCognitoError(h.sdk.send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: 'nope' })), 'ResourceNotFoundException');
  });

  it('is refused without IAM credentials (unsigned request)', async () => {
    const res = await fetch(h.emulator.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.ListUserPools' },
      body: JSON.stringify({ MaxResults: 10 }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ __type: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' });
  });
});

describe('SetUserPoolMfaConfig / GetUserPoolMfaConfig', () => {
  it('sets OFF / OPTIONAL / ON with SMS and TOTP, and reads it back', async () => {
    const { poolId } = await createPool(h.sdk);
    const set = await h.sdk.send(
      new SetUserPoolMfaConfigCommand({
        UserPoolId: poolId,
        MfaConfiguration: 'ON',
        SmsMfaConfiguration: { SmsAuthenticationMessage: 'Your code is {####}', SmsConfiguration: { SnsCallerArn: 'arn:aws:iam::123456789012:role/sns', ExternalId: 'x' } },
        SoftwareTokenMfaConfiguration: { Enabled: true },
      }),
    );
    expect(set.MfaConfiguration).toBe('ON');
    const got = await h.sdk.send(new GetUserPoolMfaConfigCommand({ UserPoolId: poolId }));
    expect(got.SmsMfaConfiguration?.SmsAuthenticationMessage).toBe('Your code is {####}');
    expect(got.SmsMfaConfiguration?.SmsConfiguration?.SnsCallerArn).toBe('arn:aws:iam::123456789012:role/sns');
    expect(got.SoftwareTokenMfaConfiguration?.Enabled).toBe(true);
    await h.sdk.send(new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, MfaConfiguration: 'OFF' }));
    const off = await h.sdk.send(new GetUserPoolMfaConfigCommand({ UserPoolId: poolId }));
    expect(off).toMatchObject({ MfaConfiguration: 'OFF', SoftwareTokenMfaConfiguration: { Enabled: false } });
    expect(off.SmsMfaConfiguration).toBeUndefined();
  });

  it('requires {####} in the SMS message', async () => {
    const { poolId } = await createPool(h.sdk);
    await expectCognitoError(
      h.sdk.send(new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, MfaConfiguration: 'OPTIONAL', SmsMfaConfiguration: { SmsAuthenticationMessage: 'Your code is ####' } })),
      'InvalidParameterException',
      /\{####\}/,
    );
  });

  it('refuses MFA ON with no factor, an unknown pool, a bad enum and a bad ARN', async () => {
    const { poolId } = await createPool(h.sdk);
    await expectCognitoError(h.sdk.send(new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, MfaConfiguration: 'ON' })), 'InvalidParameterException', "Invalid MFA configuration given, can't disable all MFAs with a required or optional configuration.");
    await expectCognitoError(
      h.sdk.send(new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, MfaConfiguration: 'OFF', SoftwareTokenMfaConfiguration: { Enabled: true } })),
      'InvalidParameterException',
      "Invalid MFA configuration given, can't turn off MFA and configure an MFA together.",
    );
    await expectCognitoError(h.sdk.send(new SetUserPoolMfaConfigCommand({ UserPoolId: 'us-east-1_missing', MfaConfiguration: 'OFF' })), 'ResourceNotFoundException');
    await expectCognitoError(h.sdk.send(new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, MfaConfiguration: 'SOMETIMES' as 'ON' })), 'InvalidParameterException');
    await expectCognitoError(
      h.sdk.send(new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, SmsMfaConfiguration: { SmsAuthenticationMessage: 'c {####}', SmsConfiguration: { SnsCallerArn: 'not-an-arn' } } })),
      'InvalidParameterException',
    );
    const got = await h.sdk.send(new GetUserPoolMfaConfigCommand({ UserPoolId: poolId }));
    expect(got.MfaConfiguration).toBe('OFF');
  });

  it('answers TooManyRequestsException past the UserPoolUpdate quota', async () => {
    const slow = await startHarness(undefined, { rateLimitScale: 0.2 }); // 5 per second
    try {
      const { poolId } = await createPool(slow.sdk);
      const calls = Array.from({ length: 12 }, () =>
        slow.sdk.send(new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, MfaConfiguration: 'OFF' })).then(
          () => 'ok',
          (e: Error) => e.name,
        ),
      );
      const results = await Promise.all(calls);
      expect(results).toContain('TooManyRequestsException');
      expect(results).toContain('ok');
    } finally {
      await slow.stop();
    }
  });
});
