/**
 * UpdateUserPool (issue 22; AR = API reference, UpdateUserPool): the settings CreateUserPool takes,
 * each left out going back to its default, as Cognito documents ("If you don't provide a value for
 * an attribute, Amazon Cognito sets it to its default value").
 */
import {
  CreateUserPoolCommand,
  DescribeUserPoolCommand,
  GetUserPoolMfaConfigCommand,
  SetUserPoolMfaConfigCommand,
  UpdateUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectCognitoError, SMS_CONFIGURATION } from './fixtures.js';
import { type Harness, startHarness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

const describePool = async (UserPoolId: string) => (await h.sdk.send(new DescribeUserPoolCommand({ UserPoolId }))).UserPool!;
const PRE_SIGN_UP = 'arn:aws:lambda:eu-west-1:000000000000:function:pre-sign-up';

describe('UpdateUserPool', () => {
  it('applies the settings it is given and returns those left out to their defaults; what only creation sets stays', async () => {
    const { UserPool } = await h.sdk.send(
      new CreateUserPoolCommand({
        PoolName: 'update-me',
        UsernameAttributes: ['email'],
        Schema: [{ Name: 'team', AttributeDataType: 'String' }],
        AutoVerifiedAttributes: ['email'],
        Policies: { PasswordPolicy: { MinimumLength: 12 } },
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      }),
    );
    const id = UserPool!.Id!;
    await h.sdk.send(new UpdateUserPoolCommand({ UserPoolId: id, LambdaConfig: { PreSignUp: PRE_SIGN_UP }, DeletionProtection: 'ACTIVE', UserPoolTags: { env: 'test' } }));
    const updated = await describePool(id);
    expect(updated).toMatchObject({
      Name: 'update-me',
      UsernameAttributes: ['email'],
      LambdaConfig: { PreSignUp: PRE_SIGN_UP },
      DeletionProtection: 'ACTIVE',
      UserPoolTags: { env: 'test' },
      // Left out: back to the defaults.
      AutoVerifiedAttributes: [],
      Policies: { PasswordPolicy: { MinimumLength: 8 } },
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: false },
    });
    expect(updated.SchemaAttributes?.some((a) => a.Name === 'custom:team')).toBe(true);
    expect(updated.LastModifiedDate!.getTime()).toBeGreaterThanOrEqual(UserPool!.LastModifiedDate!.getTime());
    // PreTokenGenerationConfig names the same function as PreTokenGeneration (AR, LambdaConfigType).
    const tokenArn = 'arn:aws:lambda:eu-west-1:000000000000:function:claims';
    await h.sdk.send(new UpdateUserPoolCommand({ UserPoolId: id, LambdaConfig: { PreTokenGenerationConfig: { LambdaVersion: 'V2_0', LambdaArn: tokenArn } } }));
    expect((await describePool(id)).LambdaConfig).toEqual({ PreTokenGeneration: tokenArn, PreTokenGenerationConfig: { LambdaVersion: 'V2_0', LambdaArn: tokenArn } });
    await h.sdk.send(new UpdateUserPoolCommand({ UserPoolId: id, PoolName: 'renamed' }));
    expect(await describePool(id)).toMatchObject({ Name: 'renamed', LambdaConfig: {}, DeletionProtection: 'INACTIVE' });
  });

  it('refuses bad settings and changes nothing; an unknown pool is ResourceNotFoundException', async () => {
    const { UserPool } = await h.sdk.send(new CreateUserPoolCommand({ PoolName: 'keep-me', AutoVerifiedAttributes: ['email'] }));
    const id = UserPool!.Id!;
    await expectCognitoError(h.sdk.send(new UpdateUserPoolCommand({ UserPoolId: id, LambdaConfig: { PreSignUp: 'not-an-arn' } })), 'InvalidParameterException');
    await expectCognitoError(
      h.sdk.send(new UpdateUserPoolCommand({ UserPoolId: id, LambdaConfig: { PreTokenGenerationConfig: { LambdaVersion: 'V9' as 'V2_0', LambdaArn: PRE_SIGN_UP } } })),
      'InvalidParameterException',
    );
    await expectCognitoError(h.sdk.send(new UpdateUserPoolCommand({ UserPoolId: id, SmsAuthenticationMessage: 'no code here' })), 'InvalidParameterException');
    expect((await describePool(id)).AutoVerifiedAttributes).toEqual(['email']);
    await expectCognitoError(h.sdk.send(new UpdateUserPoolCommand({ UserPoolId: 'eu-west-1_nopenopen' })), 'ResourceNotFoundException');
  });

  it('keeps the MFA factors while MFA stays on, and turns them off with MFA', async () => {
    const { UserPool } = await h.sdk.send(new CreateUserPoolCommand({ PoolName: 'mfa-pool' }));
    const id = UserPool!.Id!;
    await h.sdk.send(new SetUserPoolMfaConfigCommand({ UserPoolId: id, MfaConfiguration: 'OPTIONAL', SoftwareTokenMfaConfiguration: { Enabled: true } }));
    await h.sdk.send(new UpdateUserPoolCommand({ UserPoolId: id, MfaConfiguration: 'OPTIONAL', SmsConfiguration: SMS_CONFIGURATION }));
    expect(await h.sdk.send(new GetUserPoolMfaConfigCommand({ UserPoolId: id }))).toMatchObject({ MfaConfiguration: 'OPTIONAL', SoftwareTokenMfaConfiguration: { Enabled: true } });
    await h.sdk.send(new UpdateUserPoolCommand({ UserPoolId: id }));
    const off = await h.sdk.send(new GetUserPoolMfaConfigCommand({ UserPoolId: id }));
    expect(off.MfaConfiguration).toBe('OFF');
    expect(off.SoftwareTokenMfaConfiguration?.Enabled ?? false).toBe(false);
  });
});
