/**
 * Federation to an OIDC provider the project didn't write: panva's oidc-provider, on
 * http://127.0.0.1 (allowed for local providers, a documented deviation: Cognito requires https).
 * The pool's OIDC IdP is given only its issuer: discovery, the sign-in at its own login and consent
 * pages, the code exchanged with client_secret_post, the ID token checked (signature, issuer,
 * audience, nonce), userinfo read with POST (attributes_request_method), AttributeMapping applied.
 */
import { CreateIdentityProviderCommand, CreateUserPoolClientCommand, CreateUserPoolCommand, CreateUserPoolDomainCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';
import * as client from 'openid-client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { APP, oidcClient, startCodeFlow } from './federation-fixtures.js';
import { type Harness, startHarness } from './harness.js';
import { landed, shown, TestBrowser } from './test-browser.js';

let h: Harness;
let server: Server;
let issuer: string;
let poolId: string;
let clientId: string;
/** What oidc-provider saw of the emulator's requests. */
const seen: { tokenAuth?: string; userinfoMethod?: string } = {};

beforeAll(async () => {
  h = await startHarness(undefined, { tls: true });
  poolId = (await h.sdk.send(new CreateUserPoolCommand({ PoolName: 'external' }))).UserPool!.Id!;
  await h.sdk.send(new CreateUserPoolDomainCommand({ UserPoolId: poolId, Domain: `ext-${Date.now().toString(36)}` }));
  const domain = (await h.emulator.services.store.domainOf(poolId))!.domain;
  server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'cognito-pool',
        client_secret: 'a-long-enough-client-secret-for-hs256-0123456789',
        redirect_uris: [`${h.emulator.tlsUrl}/${domain}/oauth2/idpresponse`],
        token_endpoint_auth_method: 'client_secret_post',
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    async findAccount(_ctx, id) {
      return { accountId: id, claims: async () => ({ sub: id, email: `${id}@corp.example`, email_verified: true, name: `Corp ${id}` }) };
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    features: { devInteractions: { enabled: true }, userinfo: { enabled: true } },
    pkce: { required: () => false },
    // Lifetimes and keys of its own, so that it has nothing to warn about.
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    jwks: { keys: [(await generateKeyPair('RS256', { extractable: true }).then(({ privateKey }) => exportJWK(privateKey)))] },
  });
  provider.on('grant.success', (ctx) => void (seen.tokenAuth = ctx.oidc.client?.tokenEndpointAuthMethod));
  provider.use(async (ctx, next) => {
    if (ctx.path === '/me') seen.userinfoMethod = ctx.method;
    await next();
  });
  server.on('request', provider.callback());
  await h.sdk.send(
    new CreateIdentityProviderCommand({
      UserPoolId: poolId,
      ProviderName: 'CorpIdP',
      ProviderType: 'OIDC',
      ProviderDetails: { client_id: 'cognito-pool', client_secret: 'a-long-enough-client-secret-for-hs256-0123456789', authorize_scopes: 'openid email profile', oidc_issuer: issuer, attributes_request_method: 'POST' },
      AttributeMapping: { email: 'email', name: 'name' },
    }),
  );
  clientId = (
    await h.sdk.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'web',
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthFlows: ['code'],
        AllowedOAuthScopes: ['openid', 'email', 'profile'],
        CallbackURLs: [APP],
        SupportedIdentityProviders: ['CorpIdP'],
      }),
    )
  ).UserPoolClient!.ClientId!;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await h.stop();
});

it('signs a person in through oidc-provider\'s own pages: CorpIdP_<sub>, with the mapped attributes', async () => {
  const config = await oidcClient(h.emulator, { poolId, clientId, domain: '', domainUrl: '' });
  const flow = await startCodeFlow(config, { identity_provider: 'CorpIdP', scope: 'openid email profile' });
  const browser = new TestBrowser(h.emulator.tls!.ca);
  const login = shown(await browser.go(flow.url, APP));
  expect(login.url.startsWith(issuer)).toBe(true);
  const consent = shown(await browser.submit(browser.forms(login)[0], { login: 'jdoe', password: 'anything' }, undefined, APP));
  const back = landed(await browser.submit(browser.forms(consent)[0], {}, undefined, APP));
  const tokens = await client.authorizationCodeGrant(config, back, { pkceCodeVerifier: flow.verifier, expectedState: flow.state, expectedNonce: flow.nonce });
  expect(tokens.claims()).toMatchObject({ 'cognito:username': 'CorpIdP_jdoe', email: 'jdoe@corp.example', name: 'Corp jdoe' });
  expect(tokens.claims()!.identities).toEqual([expect.objectContaining({ providerName: 'CorpIdP', providerType: 'OIDC', issuer, userId: 'jdoe' })]);
  expect(seen).toEqual({ tokenAuth: 'client_secret_post', userinfoMethod: 'POST' });
});
