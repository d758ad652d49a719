/**
 * The federation's administration through the AWS SDK v3: pool domains, identity providers, app
 * clients' OAuth settings and resource servers, with Cognito's answers and errors. Sources: AR = API
 * reference (botocore's model); TF = terraform-provider-aws acceptance tests (run against AWS);
 * moto = getmoto's tests marked as checked against AWS; reported messages as quoted in the README.
 */
import {
  CreateIdentityProviderCommand,
  CreateResourceServerCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  CreateUserPoolDomainCommand,
  DeleteIdentityProviderCommand,
  DeleteResourceServerCommand,
  DeleteUserPoolDomainCommand,
  DescribeIdentityProviderCommand,
  DescribeResourceServerCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  DescribeUserPoolDomainCommand,
  GetIdentityProviderByIdentifierCommand,
  ListIdentityProvidersCommand,
  ListResourceServersCommand,
  UpdateIdentityProviderCommand,
  UpdateResourceServerCommand,
  UpdateUserPoolClientCommand,
  UpdateUserPoolDomainCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectCognitoError } from './fixtures.js';
import { type Harness, startHarness } from './harness.js';

let h: Harness;
let poolId: string;
const unique = (prefix: string) => `${prefix}-${randomBytes(3).toString('hex')}`;

beforeAll(async () => {
  h = await startHarness(undefined, { tls: true });
  poolId = (await h.sdk.send(new CreateUserPoolCommand({ PoolName: 'admin' }))).UserPool!.Id!;
});
afterAll(() => h.stop());

describe('pool domains', () => {
  it('creates, describes (also in DescribeUserPool), updates and deletes a prefix domain (AR)', async () => {
    const domain = unique('auth');
    expect(await h.sdk.send(new CreateUserPoolDomainCommand({ UserPoolId: poolId, Domain: domain }))).toMatchObject({ ManagedLoginVersion: 1 });
    const { DomainDescription } = await h.sdk.send(new DescribeUserPoolDomainCommand({ Domain: domain }));
    expect(DomainDescription).toMatchObject({ UserPoolId: poolId, Domain: domain, Status: 'ACTIVE', ManagedLoginVersion: 1 });
    expect((await h.sdk.send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).UserPool?.Domain).toBe(domain);
    await h.sdk.send(new UpdateUserPoolDomainCommand({ UserPoolId: poolId, Domain: domain, ManagedLoginVersion: 2 }));
    expect((await h.sdk.send(new DescribeUserPoolDomainCommand({ Domain: domain }))).DomainDescription?.ManagedLoginVersion).toBe(2);
    await h.sdk.send(new DeleteUserPoolDomainCommand({ UserPoolId: poolId, Domain: domain }));
    // "describing a missing domain comes back with status 200 and a DomainDescription of {}" (moto, checked against AWS).
    expect((await h.sdk.send(new DescribeUserPoolDomainCommand({ Domain: domain }))).DomainDescription).toEqual({});
    const doc = (await (await fetch(`${h.emulator.url}/${poolId}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(doc.authorization_endpoint).toBeUndefined();
  });

  it('refuses a name with other characters, a reserved word, a taken name, a second domain (reported messages)', async () => {
    await expectCognitoError(h.sdk.send(new CreateUserPoolDomainCommand({ UserPoolId: poolId, Domain: 'Has_Caps' })), 'InvalidParameterException', /^The domain name contains an invalid character/);
    await expectCognitoError(h.sdk.send(new CreateUserPoolDomainCommand({ UserPoolId: poolId, Domain: 'my-aws-login' })), 'InvalidParameterException', 'Domain cannot contain reserved word: aws');
    const taken = unique('taken');
    await h.sdk.send(new CreateUserPoolDomainCommand({ UserPoolId: poolId, Domain: taken }));
    const other = (await h.sdk.send(new CreateUserPoolCommand({ PoolName: 'other' }))).UserPool!.Id!;
    await expectCognitoError(h.sdk.send(new CreateUserPoolDomainCommand({ UserPoolId: other, Domain: taken })), 'InvalidParameterException', 'Domain already associated with another user pool.');
    await expectCognitoError(h.sdk.send(new CreateUserPoolDomainCommand({ UserPoolId: poolId, Domain: unique('second') })), 'InvalidParameterException');
    await expectCognitoError(h.sdk.send(new DeleteUserPoolDomainCommand({ UserPoolId: other, Domain: taken })), 'InvalidParameterException');
    await expectCognitoError(h.sdk.send(new CreateUserPoolDomainCommand({ UserPoolId: 'us-east-1_nopool', Domain: unique('x') })), 'ResourceNotFoundException');
    await h.sdk.send(new DeleteUserPoolDomainCommand({ UserPoolId: poolId, Domain: taken }));
  });
});

describe('identity providers', () => {
  const google = { client_id: 'gid', client_secret: 'gsecret', authorize_scopes: 'openid email profile' };

  it('a social provider gets the username mapping and the endpoints Cognito adds on describe (TF: 9 keys, username=sub)', async () => {
    const { IdentityProvider } = await h.sdk.send(new CreateIdentityProviderCommand({ UserPoolId: poolId, ProviderName: 'Google', ProviderType: 'Google', ProviderDetails: google }));
    expect(IdentityProvider?.AttributeMapping).toEqual({ username: 'sub' });
    expect(Object.keys(IdentityProvider!.ProviderDetails!).sort()).toEqual(
      ['attributes_url', 'attributes_url_add_attributes', 'authorize_scopes', 'authorize_url', 'client_id', 'client_secret', 'oidc_issuer', 'token_request_method', 'token_url'].sort(),
    );
    expect(IdentityProvider?.ProviderDetails?.authorize_url).toBe(`${h.emulator.tlsUrl}/_idp/google/authorize`);
    await expectCognitoError(
      h.sdk.send(new CreateIdentityProviderCommand({ UserPoolId: poolId, ProviderName: 'Google', ProviderType: 'Google', ProviderDetails: google })),
      'DuplicateProviderException',
      `Google already exists in user pool ${poolId}`,
    );
  });

  it('refuses what Cognito refuses in names and details (reported messages)', async () => {
    const create = (ProviderName: string, ProviderType: string, ProviderDetails: Record<string, string>) =>
      h.sdk.send(new CreateIdentityProviderCommand({ UserPoolId: poolId, ProviderName, ProviderType: ProviderType as 'SAML', ProviderDetails }));
    await expectCognitoError(create('MyGoogle', 'Google', google), 'InvalidParameterException', 'Provider MyGoogle cannot be of type Google.');
    await expectCognitoError(create('Facebook', 'Facebook', { client_id: 'x' }), 'InvalidParameterException', 'clientId, clientSecret and authorizeScopes are all required idp details.');
    await expectCognitoError(create('SignInWithApple', 'SignInWithApple', { client_id: 'x' }), 'InvalidParameterException', 'clientId, privateKey, teamId, and keyId are all required idp details.');
    await expectCognitoError(create('Corp', 'OIDC', { client_id: 'x', authorize_scopes: 'openid' }), 'InvalidParameterException', 'clientId, authorizeScopes, oidcIssuer and attributesRequestMethod are all required idp details.');
    await expectCognitoError(
      create('Corp', 'OIDC', { client_id: 'x', authorize_scopes: 'openid', oidc_issuer: 'http://idp.example.com', attributes_request_method: 'GET' }),
      'InvalidParameterException',
      'OIDC endpoint must start with https://',
    );
    await expectCognitoError(create('Corp', 'SAML', {}), 'InvalidParameterException', 'At least one of the MetadataURL or MetadataFile should be provided.');
    await expectCognitoError(create('Corp', 'SAML', { MetadataURL: 'https://x', MetadataFile: '<x/>' }), 'InvalidParameterException', 'Only one of the MetadataURL or MetadataFile should be provided.');
    await expectCognitoError(create('Corp', 'SAML', { MetadataFile: '<not-metadata/>' }), 'InvalidParameterException', /^Invalid SAML metadata/);
    // ProviderNameTypeV2: no underscore after the second character (usernames are <ProviderName>_<id>).
    await expectCognitoError(create('My_Corp', 'SAML', { MetadataURL: `${h.emulator.tlsUrl}/_idp/saml/metadata` }), 'InvalidParameterException');
    await expectCognitoError(h.sdk.send(new DescribeIdentityProviderCommand({ UserPoolId: poolId, ProviderName: 'Nope' })), 'ResourceNotFoundException');
    // A mapping may only fill the pool's own attributes, never a claim Cognito sets (cognito:groups).
    const mapped = (AttributeMapping: Record<string, string>) =>
      h.sdk.send(new CreateIdentityProviderCommand({ UserPoolId: poolId, ProviderName: 'LoginWithAmazon', ProviderType: 'LoginWithAmazon', ProviderDetails: google, AttributeMapping }));
    await expectCognitoError(mapped({ 'cognito:groups': 'groups' }), 'InvalidParameterException', /cognito:groups/);
    await expectCognitoError(mapped({ 'custom:undeclared': 'x' }), 'InvalidParameterException', /custom:undeclared/);
  });

  it('SAML from a metadata URL and OIDC from its issuer: read when saved; found by identifier; listed, updated and deleted', async () => {
    const { IdentityProvider: saml } = await h.sdk.send(
      new CreateIdentityProviderCommand({
        UserPoolId: poolId,
        ProviderName: 'Acme',
        ProviderType: 'SAML',
        ProviderDetails: { MetadataURL: `${h.emulator.tlsUrl}/_idp/saml/metadata` },
        AttributeMapping: { email: 'email' },
        IdpIdentifiers: ['acme.example', 'acme-corp.example'],
      }),
    );
    expect(saml?.ProviderDetails).toMatchObject({ SSORedirectBindingURI: `${h.emulator.tlsUrl}/_idp/saml/sso` });
    // A SAML provider gets no username mapping (TF).
    expect(saml?.AttributeMapping).toEqual({ email: 'email' });
    const { IdentityProvider: oidc } = await h.sdk.send(
      new CreateIdentityProviderCommand({
        UserPoolId: poolId,
        ProviderName: 'Corp',
        ProviderType: 'OIDC',
        ProviderDetails: { client_id: 'c', client_secret: 's', authorize_scopes: 'openid email', oidc_issuer: `${h.emulator.tlsUrl}/_idp/oidc`, attributes_request_method: 'POST' },
      }),
    );
    expect(oidc?.ProviderDetails).toMatchObject({ authorize_url: `${h.emulator.tlsUrl}/_idp/oidc/authorize`, token_url: `${h.emulator.tlsUrl}/_idp/oidc/token`, jwks_uri: `${h.emulator.tlsUrl}/_idp/oidc/jwks` });
    const found = await h.sdk.send(new GetIdentityProviderByIdentifierCommand({ UserPoolId: poolId, IdpIdentifier: 'acme-corp.example' }));
    expect(found.IdentityProvider?.ProviderName).toBe('Acme');
    await expectCognitoError(h.sdk.send(new GetIdentityProviderByIdentifierCommand({ UserPoolId: poolId, IdpIdentifier: 'nobody.example' })), 'ResourceNotFoundException');
    // Identifiers are unique in the pool (DG, SAML IdP naming).
    await expectCognitoError(h.sdk.send(new UpdateIdentityProviderCommand({ UserPoolId: poolId, ProviderName: 'Corp', IdpIdentifiers: ['acme.example'] })), 'InvalidParameterException');
    const updated = await h.sdk.send(new UpdateIdentityProviderCommand({ UserPoolId: poolId, ProviderName: 'Corp', IdpIdentifiers: ['corp.example'], ProviderDetails: { authorize_scopes: 'openid' } }));
    expect(updated.IdentityProvider).toMatchObject({ IdpIdentifiers: ['corp.example'], ProviderDetails: expect.objectContaining({ authorize_scopes: 'openid', client_secret: 's' }) });
    const page1 = await h.sdk.send(new ListIdentityProvidersCommand({ UserPoolId: poolId, MaxResults: 2 }));
    expect(page1.Providers?.map((p) => p.ProviderName)).toEqual(['Google', 'Acme']);
    const page2 = await h.sdk.send(new ListIdentityProvidersCommand({ UserPoolId: poolId, MaxResults: 2, NextToken: page1.NextToken }));
    expect(page2.Providers?.map((p) => p.ProviderName)).toEqual(['Corp']);
    expect(page2.NextToken).toBeUndefined();
    await h.sdk.send(new DeleteIdentityProviderCommand({ UserPoolId: poolId, ProviderName: 'Corp' }));
    await expectCognitoError(h.sdk.send(new DeleteIdentityProviderCommand({ UserPoolId: poolId, ProviderName: 'Corp' })), 'ResourceNotFoundException');
  });

  it('an OIDC issuer that can\'t be reached is refused when the provider is saved', async () => {
    await expectCognitoError(
      h.sdk.send(
        new CreateIdentityProviderCommand({
          UserPoolId: poolId,
          ProviderName: 'Down',
          ProviderType: 'OIDC',
          ProviderDetails: { client_id: 'c', authorize_scopes: 'openid', oidc_issuer: 'http://127.0.0.1:9/nothing', attributes_request_method: 'GET' },
        }),
      ),
      'InvalidParameterException',
      /^Unable to contact well-known endpoint/,
    );
  });
});

describe('app clients\' OAuth settings', () => {
  const oauthClient = (settings: Record<string, unknown>) =>
    h.sdk.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'web', AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid'], CallbackURLs: ['https://app.example/cb'], ...settings }));

  it('are kept and described back (AR DescribeUserPoolClient)', async () => {
    const { UserPoolClient } = await oauthClient({ LogoutURLs: ['http://localhost:3000/'], DefaultRedirectURI: 'https://app.example/cb', SupportedIdentityProviders: ['COGNITO', 'Google', 'Acme'] });
    const described = await h.sdk.send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: UserPoolClient!.ClientId }));
    expect(described.UserPoolClient).toMatchObject({
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid'],
      CallbackURLs: ['https://app.example/cb'],
      LogoutURLs: ['http://localhost:3000/'],
      DefaultRedirectURI: 'https://app.example/cb',
      SupportedIdentityProviders: ['COGNITO', 'Google', 'Acme'],
    });
    // UpdateUserPoolClient replaces: left out, the OAuth settings go back to none (AR).
    const { UserPoolClient: updated } = await h.sdk.send(new UpdateUserPoolClientCommand({ UserPoolId: poolId, ClientId: UserPoolClient!.ClientId }));
    expect(updated).toMatchObject({ AllowedOAuthFlowsUserPoolClient: false });
    expect(updated?.CallbackURLs).toBeUndefined();
  });

  it('refuses what Cognito refuses (reported messages; the fragment and missing-flows wording is ours)', async () => {
    await expectCognitoError(oauthClient({ CallbackURLs: ['http://app.example/cb'] }), 'InvalidParameterException', 'http://app.example/cb cannot use the HTTP protocol.');
    await expectCognitoError(oauthClient({ CallbackURLs: ['https://app.example/cb#x'] }), 'InvalidParameterException');
    await expectCognitoError(oauthClient({ LogoutURLs: ['http://evil.example/'] }), 'InvalidParameterException', 'http://evil.example/ cannot use the HTTP protocol.');
    await expectCognitoError(oauthClient({ CallbackURLs: [] }), 'InvalidOAuthFlowException', 'CallbackUrls can not be empty when code flow or implicit flow is selected');
    await expectCognitoError(oauthClient({ DefaultRedirectURI: 'https://other.example/cb' }), 'InvalidParameterException', 'The default redirect URI https://other.example/cb is not in the callback URIs list.');
    await expectCognitoError(oauthClient({ AllowedOAuthScopes: ['openid', 'https://api.example/none'] }), 'ScopeDoesNotExistException', 'Invalid scope requested: https://api.example/none');
    await expectCognitoError(oauthClient({ SupportedIdentityProviders: ['Salesforce'] }), 'InvalidParameterException', `The provider Salesforce does not exist for User Pool ${poolId}.`);
    await expectCognitoError(oauthClient({ AllowedOAuthFlows: ['client_credentials'] }), 'InvalidOAuthFlowException', 'client_credentials flow can not be selected if client does not have a client secret.');
    await expectCognitoError(oauthClient({ AllowedOAuthFlows: ['client_credentials', 'code'], GenerateSecret: true }), 'InvalidOAuthFlowException', 'client_credentials flow can not be selected along with code flow or implicit flow.');
    await expectCognitoError(oauthClient({ AllowedOAuthFlows: [] }), 'InvalidOAuthFlowException');
    // Loopback http is allowed (AR: http://localhost, http://127.0.0.1, http://[::1]), and app schemes.
    await oauthClient({ CallbackURLs: ['http://localhost:5173/', 'http://127.0.0.1:8080/cb', 'myapp://callback'] });
  });
});

describe('resource servers', () => {
  it('define custom scopes that clients may then be given; described, listed, updated, deleted (AR)', async () => {
    const scopes = [{ ScopeName: 'read', ScopeDescription: 'Read' }];
    const { ResourceServer } = await h.sdk.send(new CreateResourceServerCommand({ UserPoolId: poolId, Identifier: 'https://orders.example', Name: 'orders', Scopes: scopes }));
    expect(ResourceServer).toEqual({ UserPoolId: poolId, Identifier: 'https://orders.example', Name: 'orders', Scopes: scopes });
    await h.sdk.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'api', GenerateSecret: true, AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['client_credentials'], AllowedOAuthScopes: ['https://orders.example/read'] }));
    await expectCognitoError(h.sdk.send(new CreateResourceServerCommand({ UserPoolId: poolId, Identifier: 'https://orders.example', Name: 'again' })), 'InvalidParameterException');
    await h.sdk.send(new UpdateResourceServerCommand({ UserPoolId: poolId, Identifier: 'https://orders.example', Name: 'orders v2', Scopes: [] }));
    expect((await h.sdk.send(new DescribeResourceServerCommand({ UserPoolId: poolId, Identifier: 'https://orders.example' }))).ResourceServer).toMatchObject({ Name: 'orders v2', Scopes: [] });
    expect((await h.sdk.send(new ListResourceServersCommand({ UserPoolId: poolId, MaxResults: 10 }))).ResourceServers).toHaveLength(1);
    await h.sdk.send(new DeleteResourceServerCommand({ UserPoolId: poolId, Identifier: 'https://orders.example' }));
    await expectCognitoError(h.sdk.send(new DescribeResourceServerCommand({ UserPoolId: poolId, Identifier: 'https://orders.example' })), 'ResourceNotFoundException');
  });
});
