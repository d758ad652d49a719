/**
 * Operations test suites call that the emulator lacked, and answers it gave differently from real
 * Cognito (issue 23): AdminDeleteUserAttributes, DeleteUserPoolClient, paging of every List
 * operation, booleans in any case. AR = API reference.
 */
import {
  AddCustomAttributesCommand,
  AdminCreateUserCommand,
  AdminDeleteUserAttributesCommand,
  AdminInitiateAuthCommand,
  AdminGetUserCommand,
  AdminUpdateUserAttributesCommand,
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  CreateIdentityProviderCommand,
  CreateResourceServerCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  type CreateUserPoolCommandInput,
  type CreateUserPoolClientCommandInput,
  DeleteUserPoolCommand,
  DeleteUserPoolClientCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  type ExplicitAuthFlowsType,
  ForgotPasswordCommand,
  GetTokensFromRefreshTokenCommand,
  InitiateAuthCommand,
  ListIdentityProvidersCommand,
  ListResourceServersCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  ListUsersCommand,
  ResendConfirmationCodeCommand,
  RespondToAuthChallengeCommand,
  RevokeTokenCommand,
  SchemaAttributeType,
  SignUpCommand,
  UpdateUserPoolClientCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool, createUser, expectCognitoError, PASSWORD, SES_EMAIL } from './fixtures.js';
import { type Harness, startHarness } from './harness.js';
import { SrpClient } from './srp-client.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness(undefined, { tls: true });
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

/** Every List operation walked page by page with a small page size: nothing repeated, nothing left out. */
async function walkPages<T>(fetchPage: (token: string | undefined) => Promise<[T[], string | undefined]>): Promise<T[][]> {
  const pages: T[][] = [];
  let token: string | undefined;
  do {
    const [items, next] = await fetchPage(token);
    pages.push(items);
    token = next;
  } while (token && pages.length < 20);
  return pages;
}

describe('paging of every List operation (issue 23: check each the same way)', () => {
  it('ListUsers, ListUserPools, ListIdentityProviders and ListResourceServers page with their limit and token', async () => {
    const { poolId } = await createPool(h.sdk);
    for (let i = 0; i < 5; i++) await createUser(h.sdk, poolId, `page-user-${i}`);
    for (let i = 0; i < 5; i++) {
      await h.sdk.send(new CreateIdentityProviderCommand({
        UserPoolId: poolId, ProviderName: `Oidc${i}`, ProviderType: 'OIDC',
        ProviderDetails: { client_id: 'x', client_secret: 'y', authorize_scopes: 'openid', oidc_issuer: `${h.emulator.tlsUrl}/_idp/oidc`, attributes_request_method: 'GET' },
      }));
      await h.sdk.send(new CreateResourceServerCommand({ UserPoolId: poolId, Identifier: `https://api${i}.example.com`, Name: `api${i}` }));
    }
    const cases: [string, (t: string | undefined) => Promise<[unknown[], string | undefined]>, number][] = [
      ['ListUsers', async (t) => { const r = await h.sdk.send(new ListUsersCommand({ UserPoolId: poolId, Limit: 2, PaginationToken: t })); return [r.Users!.map((u) => u.Username), r.PaginationToken]; }, 5],
      ['ListIdentityProviders', async (t) => { const r = await h.sdk.send(new ListIdentityProvidersCommand({ UserPoolId: poolId, MaxResults: 2, NextToken: t })); return [r.Providers!.map((p) => p.ProviderName), r.NextToken]; }, 5],
      ['ListResourceServers', async (t) => { const r = await h.sdk.send(new ListResourceServersCommand({ UserPoolId: poolId, MaxResults: 2, NextToken: t })); return [r.ResourceServers!.map((s) => s.Identifier), r.NextToken]; }, 5],
    ];
    for (const [name, fetchPage, total] of cases) {
      const pages = await walkPages(fetchPage);
      expect(pages.map((p) => p.length), name).toEqual([2, 2, 1]);
      expect(new Set(pages.flat()).size, name).toBe(total);
    }
    // ListUserPools lists every pool of the emulator: the walk must contain this one, once.
    const pools = (await walkPages(async (t) => { const r = await h.sdk.send(new ListUserPoolsCommand({ MaxResults: 2, NextToken: t })); return [r.UserPools!.map((p) => p.Id), r.NextToken]; })).flat();
    expect(pools.filter((id) => id === poolId)).toHaveLength(1);
    expect(new Set(pools).size).toBe(pools.length);
    await expectCognitoError(h.sdk.send(new ListUserPoolsCommand({ MaxResults: 61 })), 'InvalidParameterException');
    await expectCognitoError(h.sdk.send(new ListUsersCommand({ UserPoolId: poolId, Limit: 61 })), 'InvalidParameterException');
    await expectCognitoError(h.sdk.send(new ListResourceServersCommand({ UserPoolId: poolId, MaxResults: 51 })), 'InvalidParameterException');
  });
});

describe('an unknown app client (issue 23)', () => {
  // Each operation's documented errors list ResourceNotFoundException for a client that does not exist (AR).
  const CLIENT = '1example23456789abcdefghij';
  const calls: [string, () => Promise<unknown>][] = [
    ['SignUp', () => h.sdk.send(new SignUpCommand({ ClientId: CLIENT, Username: 'who', Password: PASSWORD }))],
    ['ConfirmSignUp', () => h.sdk.send(new ConfirmSignUpCommand({ ClientId: CLIENT, Username: 'who', ConfirmationCode: '123456' }))],
    ['ResendConfirmationCode', () => h.sdk.send(new ResendConfirmationCodeCommand({ ClientId: CLIENT, Username: 'who' }))],
    ['ForgotPassword', () => h.sdk.send(new ForgotPasswordCommand({ ClientId: CLIENT, Username: 'who' }))],
    ['ConfirmForgotPassword', () => h.sdk.send(new ConfirmForgotPasswordCommand({ ClientId: CLIENT, Username: 'who', ConfirmationCode: '123456', Password: PASSWORD }))],
    ['InitiateAuth', () => h.sdk.send(new InitiateAuthCommand({ ClientId: CLIENT, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: 'who', SRP_A: 'abc' } }))],
    ['RespondToAuthChallenge', () => h.sdk.send(new RespondToAuthChallengeCommand({ ClientId: CLIENT, ChallengeName: 'SMS_MFA', Session: 'x'.repeat(40), ChallengeResponses: { USERNAME: 'who', SMS_MFA_CODE: '123456' } }))],
    ['GetTokensFromRefreshToken', () => h.sdk.send(new GetTokensFromRefreshTokenCommand({ ClientId: CLIENT, RefreshToken: 'x'.repeat(40) }))],
    ['RevokeToken', () => h.sdk.send(new RevokeTokenCommand({ ClientId: CLIENT, Token: 'x'.repeat(40) }))],
  ];
  it.each(calls)('%s answers ResourceNotFoundException', async (_name, call) => {
    await expectCognitoError(call(), 'ResourceNotFoundException', `User pool client ${CLIENT} does not exist.`);
  });
});

describe('custom attributes: AddCustomAttributes and schema validation (issue 23)', () => {
  const poolWith = async (Schema: SchemaAttributeType[]) => (await h.sdk.send(new CreateUserPoolCommand({ PoolName: 'schema-pool', Schema }))).UserPool!.Id!;
  const schemaOf = async (poolId: string) => (await h.sdk.send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).UserPool!.SchemaAttributes!;

  it('refuses invalid schemas at CreateUserPool', async () => {
    const invalid: SchemaAttributeType[][] = [
      [{ Name: 'a'.repeat(21), AttributeDataType: 'String' }],
      [{ Name: 'long', AttributeDataType: 'String', StringAttributeConstraints: { MaxLength: '2049' } }],
      [{ Name: 'range', AttributeDataType: 'String', StringAttributeConstraints: { MinLength: '10', MaxLength: '5' } }],
      [{ Name: 'text', AttributeDataType: 'String', StringAttributeConstraints: { MaxLength: 'ten' } }],
      [{ Name: 'age', AttributeDataType: 'Number', NumberAttributeConstraints: { MinValue: '10', MaxValue: '1' } }],
      [{ Name: 'age', AttributeDataType: 'Number', NumberAttributeConstraints: { MaxValue: 'many' } }],
      [{ Name: 'team', AttributeDataType: 'String' }, { Name: 'team', AttributeDataType: 'Number' }],
      [{ Name: 'team', AttributeDataType: 'String', Required: true }],
      Array.from({ length: 51 }, (_, i) => ({ Name: `attr${i}`, AttributeDataType: 'String' as const })),
    ];
    for (const Schema of invalid) await expectCognitoError(poolWith(Schema), 'InvalidParameterException');
    // moto's messages (its tests), and the standard form of a length violation (aws-cdk PR 14699).
    await expectCognitoError(
      poolWith([{ Name: 'a'.repeat(21), AttributeDataType: 'String' }]),
      'InvalidParameterException',
      `1 validation error detected: Value '${'a'.repeat(21)}' at 'schema.1.member.name' failed to satisfy constraint: Member must have length less than or equal to 20`,
    );
    await expectCognitoError(poolWith([{ Name: 'long', StringAttributeConstraints: { MaxLength: '2049' } }]), 'InvalidParameterException', 'user.custom:long: String attributes cannot have a length of more than 2048');
    await expectCognitoError(poolWith([{ Name: 'range', StringAttributeConstraints: { MinLength: '9', MaxLength: '5' } }]), 'InvalidParameterException', 'user.custom:range: Max length cannot be less than min length.');
    await expectCognitoError(poolWith([{ Name: 'age', AttributeDataType: 'Number', NumberAttributeConstraints: { MinValue: '9', MaxValue: '1' } }]), 'InvalidParameterException', 'user.custom:age: Max value cannot be less than min value.');
    await expectCognitoError(poolWith([{ Name: 'team', Required: true }]), 'InvalidParameterException', 'Required custom attributes are not supported currently.');
  });

  it('constraints are described as given: the other type\'s dropped, none as {} for a string (moto, its tests)', async () => {
    const poolId = await poolWith([
      { Name: 'age', AttributeDataType: 'Number', StringAttributeConstraints: { MaxLength: '3' } },
      { Name: 'nick', AttributeDataType: 'String', StringAttributeConstraints: { MaxLength: '10' } },
      { Name: 'plain', AttributeDataType: 'String' },
    ]);
    const schema = await schemaOf(poolId);
    const age = schema.find((a) => a.Name === 'custom:age')!;
    expect(age.StringAttributeConstraints).toBeUndefined();
    expect(age.NumberAttributeConstraints).toBeUndefined();
    expect(schema.find((a) => a.Name === 'custom:nick')?.StringAttributeConstraints).toEqual({ MaxLength: '10' });
    expect(schema.find((a) => a.Name === 'custom:plain')?.StringAttributeConstraints).toEqual({});
  });

  it('describes custom attributes with their constraints, and the standard ones with theirs', async () => {
    const poolId = await poolWith([
      { Name: 'team', AttributeDataType: 'String', StringAttributeConstraints: { MinLength: '2', MaxLength: '8' } },
      { Name: 'level', AttributeDataType: 'Number', Mutable: false, NumberAttributeConstraints: { MinValue: '1', MaxValue: '10' } },
    ]);
    const schema = await schemaOf(poolId);
    expect(schema.find((a) => a.Name === 'custom:team')).toMatchObject({ AttributeDataType: 'String', Mutable: true, StringAttributeConstraints: { MinLength: '2', MaxLength: '8' } });
    expect(schema.find((a) => a.Name === 'custom:level')).toMatchObject({ AttributeDataType: 'Number', Mutable: false, NumberAttributeConstraints: { MinValue: '1', MaxValue: '10' } });
    expect(schema.find((a) => a.Name === 'email')).toMatchObject({ StringAttributeConstraints: { MinLength: '0', MaxLength: '2048' } });
  });

  it('AddCustomAttributes adds attributes users can then hold; an existing name or a bad one is refused', async () => {
    const poolId = await poolWith([{ Name: 'team', AttributeDataType: 'String' }]);
    await h.sdk.send(new AddCustomAttributesCommand({ UserPoolId: poolId, CustomAttributes: [{ Name: 'score', AttributeDataType: 'Number', NumberAttributeConstraints: { MinValue: '0', MaxValue: '100' } }] }));
    expect((await schemaOf(poolId)).map((a) => a.Name)).toEqual(expect.arrayContaining(['custom:team', 'custom:score']));
    await createUser(h.sdk, poolId, 'scored', [{ Name: 'custom:score', Value: '42' }]);
    expect((await attributesOf(poolId, 'scored'))['custom:score']).toBe('42');
    await expectCognitoError(h.sdk.send(new AddCustomAttributesCommand({ UserPoolId: poolId, CustomAttributes: [{ Name: 'team', AttributeDataType: 'String' }] })), 'InvalidParameterException', /custom:team/);
    await expectCognitoError(h.sdk.send(new AddCustomAttributesCommand({ UserPoolId: poolId, CustomAttributes: [{ Name: 'x'.repeat(21), AttributeDataType: 'String' }] })), 'InvalidParameterException');
    await expectCognitoError(h.sdk.send(new AddCustomAttributesCommand({ UserPoolId: poolId, CustomAttributes: [] })), 'InvalidParameterException');
    await expectCognitoError(h.sdk.send(new AddCustomAttributesCommand({ UserPoolId: 'eu-west-1_nopenopen', CustomAttributes: [{ Name: 'y', AttributeDataType: 'String' }] })), 'ResourceNotFoundException');
    // Nothing half-added: the refused calls left the schema as it was.
    expect((await schemaOf(poolId)).filter((a) => a.Name?.startsWith('custom:'))).toHaveLength(2);
  });

  it('holds values to their type and constraints, and an immutable attribute to its first value', async () => {
    const poolId = await poolWith([
      { Name: 'team', AttributeDataType: 'String', StringAttributeConstraints: { MinLength: '2', MaxLength: '8' } },
      { Name: 'level', AttributeDataType: 'Number', Mutable: false, NumberAttributeConstraints: { MinValue: '1', MaxValue: '10' } },
    ]);
    const create = (Username: string, attributes: { Name: string; Value: string }[]) =>
      h.sdk.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username, MessageAction: 'SUPPRESS', UserAttributes: attributes }));
    await expectCognitoError(create('v1', [{ Name: 'custom:team', Value: 'much-too-long' }]), 'InvalidParameterException', /custom:team/);
    await expectCognitoError(create('v2', [{ Name: 'custom:team', Value: 'a' }]), 'InvalidParameterException', /custom:team/);
    await expectCognitoError(create('v3', [{ Name: 'custom:level', Value: 'eleven' }]), 'InvalidParameterException', /custom:level/);
    await expectCognitoError(create('v4', [{ Name: 'custom:level', Value: '11' }]), 'InvalidParameterException', /custom:level/);
    await create('v5', [{ Name: 'custom:team', Value: 'blue' }, { Name: 'custom:level', Value: '3' }]);
    await expectCognitoError(
      h.sdk.send(new AdminUpdateUserAttributesCommand({ UserPoolId: poolId, Username: 'v5', UserAttributes: [{ Name: 'custom:level', Value: '4' }] })),
      'InvalidParameterException',
      'Cannot modify the non-mutable attribute custom:level',
    );
    await h.sdk.send(new AdminUpdateUserAttributesCommand({ UserPoolId: poolId, Username: 'v5', UserAttributes: [{ Name: 'custom:team', Value: 'green' }] }));
    expect(await attributesOf(poolId, 'v5')).toMatchObject({ 'custom:team': 'green', 'custom:level': '3' });
  });
});

describe('legacy ExplicitAuthFlows (issue 23; AR CreateUserPoolClient)', () => {
  const clientWith = async (poolId: string, ExplicitAuthFlows: ExplicitAuthFlowsType[]) =>
    (await h.sdk.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'legacy', ExplicitAuthFlows }))).UserPoolClient!;
  const srpStart = (ClientId: string) =>
    h.sdk.send(new InitiateAuthCommand({ ClientId, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: 'legacy-user', SRP_A: new SrpClient('x').srpA } }));

  it('["USER_PASSWORD_AUTH"] and ["ADMIN_NO_SRP_AUTH"] still allow USER_SRP_AUTH, beside the flow they name', async () => {
    const { poolId } = await createPool(h.sdk);
    await createUser(h.sdk, poolId, 'legacy-user');
    const userPassword = await clientWith(poolId, ['USER_PASSWORD_AUTH']);
    expect(userPassword.ExplicitAuthFlows).toEqual(['USER_PASSWORD_AUTH']);
    expect((await srpStart(userPassword.ClientId!)).ChallengeName).toBe('PASSWORD_VERIFIER');
    const signedIn = await h.sdk.send(new InitiateAuthCommand({ ClientId: userPassword.ClientId!, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'legacy-user', PASSWORD } }));
    expect(signedIn.AuthenticationResult?.RefreshToken).toBeTruthy();
    const refreshed = await h.sdk.send(new InitiateAuthCommand({ ClientId: userPassword.ClientId!, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: signedIn.AuthenticationResult!.RefreshToken! } }));
    expect(refreshed.AuthenticationResult?.AccessToken).toBeTruthy();

    const adminNoSrp = await clientWith(poolId, ['ADMIN_NO_SRP_AUTH']);
    expect((await srpStart(adminNoSrp.ClientId!)).ChallengeName).toBe('PASSWORD_VERIFIER');
    const admin = await h.sdk.send(new AdminInitiateAuthCommand({ UserPoolId: poolId, ClientId: adminNoSrp.ClientId!, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'legacy-user', PASSWORD } }));
    expect(admin.AuthenticationResult?.AccessToken).toBeTruthy();
    // The flow it does not name stays off.
    await expectCognitoError(
      h.sdk.send(new InitiateAuthCommand({ ClientId: adminNoSrp.ClientId!, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'legacy-user', PASSWORD } })),
      'InvalidParameterException',
    );
  });

  it('CUSTOM_AUTH_FLOW_ONLY allows custom authentication only; mixing legacy and ALLOW_ values is refused', async () => {
    const { poolId, clientId } = await createPool(h.sdk);
    await createUser(h.sdk, poolId, 'legacy-user');
    const customOnly = await clientWith(poolId, ['CUSTOM_AUTH_FLOW_ONLY']);
    await expectCognitoError(srpStart(customOnly.ClientId!), 'InvalidParameterException', 'USER_SRP_AUTH flow not enabled for this client');
    await expectCognitoError(clientWith(poolId, ['ADMIN_NO_SRP_AUTH', 'ALLOW_USER_SRP_AUTH']), 'InvalidParameterException');
    await expectCognitoError(
      h.sdk.send(new UpdateUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId, ExplicitAuthFlows: ['USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] })),
      'InvalidParameterException',
    );
  });
});

describe('DescribeUserPool and DescribeUserPoolClient return every setting accepted (issue 23)', () => {
  it('DescribeUserPool shows each CreateUserPool setting as given', async () => {
    const given = {
      PoolName: 'described-pool',
      DeletionProtection: 'ACTIVE',
      Policies: { PasswordPolicy: { MinimumLength: 10, RequireUppercase: true, RequireLowercase: true, RequireNumbers: false, RequireSymbols: false, TemporaryPasswordValidityDays: 3, PasswordHistorySize: 5 } },
      AutoVerifiedAttributes: ['email'],
      UsernameAttributes: ['email'],
      VerificationMessageTemplate: { EmailMessage: 'Code {####}', EmailSubject: 'Welcome', DefaultEmailOption: 'CONFIRM_WITH_LINK', EmailMessageByLink: 'Go {##Verify##}', EmailSubjectByLink: 'Verify' },
      SmsAuthenticationMessage: 'Sign-in code {####}',
      MfaConfiguration: 'OFF',
      UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ['email'] },
      DeviceConfiguration: { ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: false },
      EmailConfiguration: { EmailSendingAccount: 'DEVELOPER', SourceArn: SES_EMAIL.SourceArn, From: 'Example <no-reply@example.com>', ReplyToEmailAddress: 'help@example.com', ConfigurationSet: 'tracking' },
      UserPoolTags: { team: 'identity' },
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true, InviteMessageTemplate: { SMSMessage: 'Hi {username}, use {####}', EmailMessage: 'Welcome {username}: {####}', EmailSubject: 'Your account' } },
      UserPoolAddOns: { AdvancedSecurityMode: 'AUDIT' },
      UsernameConfiguration: { CaseSensitive: false },
      AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
      LambdaConfig: { PreSignUp: 'arn:aws:lambda:eu-west-1:000000000000:function:pre-sign-up' },
      UserPoolTier: 'PLUS',
    } satisfies CreateUserPoolCommandInput;
    const created = (await h.sdk.send(new CreateUserPoolCommand(given))).UserPool!;
    const described = (await h.sdk.send(new DescribeUserPoolCommand({ UserPoolId: created.Id }))).UserPool!;
    const { PoolName, ...settings } = given;
    expect(described).toMatchObject({ Name: PoolName, ...settings });
    expect(created).toMatchObject(settings);
    // Deletion protection is acted on: the pool stays until it is turned off.
    await expectCognitoError(h.sdk.send(new DeleteUserPoolCommand({ UserPoolId: created.Id })), 'InvalidParameterException', /deletion protection/);
    expect((await h.sdk.send(new DescribeUserPoolCommand({ UserPoolId: created.Id }))).UserPool?.Id).toBe(created.Id);
  });

  it('a pool without those settings describes Cognito\'s defaults', async () => {
    const { poolId } = await createPool(h.sdk);
    const described = (await h.sdk.send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).UserPool!;
    expect(described).toMatchObject({ DeletionProtection: 'INACTIVE', VerificationMessageTemplate: { DefaultEmailOption: 'CONFIRM_WITH_CODE' }, EmailConfiguration: { EmailSendingAccount: 'COGNITO_DEFAULT' } });
    await h.sdk.send(new DeleteUserPoolCommand({ UserPoolId: poolId }));
    await expectCognitoError(h.sdk.send(new DescribeUserPoolCommand({ UserPoolId: poolId })), 'ResourceNotFoundException');
  });

  it('AdminCreateUser invites with the pool\'s InviteMessageTemplate; a template without {username} is refused', async () => {
    const { UserPool } = await h.sdk.send(new CreateUserPoolCommand({
      PoolName: 'invite-pool',
      AdminCreateUserConfig: { InviteMessageTemplate: { EmailMessage: 'Welcome {username}, your code is {####}', EmailSubject: 'Hello' } },
    }));
    await h.sdk.send(new AdminCreateUserCommand({ UserPoolId: UserPool!.Id, Username: 'invitee', TemporaryPassword: 'Invite-Passw0rd!', DesiredDeliveryMediums: ['EMAIL'], UserAttributes: [{ Name: 'email', Value: 'invitee@example.com' }] }));
    const outbox = (await (await fetch(`${h.emulator.url}/_emulator/outbox?username=invitee`)).json()) as { message: string }[];
    expect(outbox.map((m) => m.message)).toContain('Welcome invitee, your code is Invite-Passw0rd!');
    await expectCognitoError(
      h.sdk.send(new CreateUserPoolCommand({ PoolName: 'bad-invite', AdminCreateUserConfig: { InviteMessageTemplate: { EmailMessage: 'Your code is {####}' } } })),
      'InvalidParameterException',
    );
  });

  it('DescribeUserPoolClient shows each CreateUserPoolClient setting as given', async () => {
    const { poolId } = await createPool(h.sdk);
    const given = {
      UserPoolId: poolId,
      ClientName: 'described-client',
      RefreshTokenValidity: 10,
      AccessTokenValidity: 2,
      IdTokenValidity: 3,
      TokenValidityUnits: { AccessToken: 'hours', IdToken: 'hours', RefreshToken: 'days' },
      ReadAttributes: ['email', 'name'],
      WriteAttributes: ['name'],
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      SupportedIdentityProviders: ['COGNITO'],
      CallbackURLs: ['https://app.example.com/callback'],
      LogoutURLs: ['https://app.example.com/'],
      DefaultRedirectURI: 'https://app.example.com/callback',
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'email'],
      AllowedOAuthFlowsUserPoolClient: true,
      AnalyticsConfiguration: { ApplicationId: 'abcdef0123456789', RoleArn: 'arn:aws:iam::000000000000:role/analytics', UserDataShared: true },
      PreventUserExistenceErrors: 'ENABLED',
      EnableTokenRevocation: true,
      EnablePropagateAdditionalUserContextData: false,
      AuthSessionValidity: 5,
      RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 10 },
    } satisfies CreateUserPoolClientCommandInput;
    const created = (await h.sdk.send(new CreateUserPoolClientCommand(given))).UserPoolClient!;
    const described = (await h.sdk.send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: created.ClientId }))).UserPoolClient!;
    expect(described).toMatchObject(given);
    expect(created).toMatchObject(given);
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
