/**
 * The pool domain's OAuth 2.0 / OIDC endpoints against openid-client (panva), an OAuth client
 * nobody on the project wrote: discovery, the code flow with PKCE through the test identity
 * provider, the ID token's checks, userInfo, refresh, revocation, client credentials, sign-out.
 * Sources per test: DG = Cognito developer guide (authorization, token, userInfo, revoke, logout endpoints).
 */
import { AdminGetUserCommand, CreateResourceServerCommand, CreateUserPoolClientCommand, GetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutboundFetch } from '../services/outbound.js';
import { APP, APP_SIGNED_OUT, federatedPool, type FederatedPool, nextIdentity, oidcClient, SCOPES, startCodeFlow } from './federation-fixtures.js';
import { advanceClock, type Harness, startHarness } from './harness.js';
import { createUser, PASSWORD } from './fixtures.js';
import { landed, shown, TestBrowser } from './test-browser.js';

let h: Harness;
let pool: FederatedPool;
let config: client.Configuration;
let https: ReturnType<typeof createOutboundFetch>;

beforeAll(async () => {
  h = await startHarness(undefined, { tls: true });
  pool = await federatedPool(h);
  config = await oidcClient(h.emulator, pool);
  https = createOutboundFetch(() => h.emulator.tls?.ca);
});
afterAll(() => h.stop());

/** A Google sign-in through the domain, as the app's browser makes it; returns the callback URL and what the app kept. */
async function googleSignIn(email: string, name = 'Ann Example', params: Record<string, string> = {}) {
  await nextIdentity(h.emulator, { provider: 'google', email, name });
  const flow = await startCodeFlow(config, { identity_provider: 'Google', ...params });
  const browser = new TestBrowser(h.emulator.tls!.ca);
  const callback = landed(await browser.go(flow.url, APP));
  return { ...flow, callback, browser };
}

describe('discovery', () => {
  it('the pool openid-configuration lists the domain endpoints once the pool has a domain (localstack issue 12914: Cognito\'s keys)', async () => {
    const doc = (await (await fetch(`${h.emulator.url}/${pool.poolId}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(doc).toMatchObject({
      issuer: `${h.emulator.url}/${pool.poolId}`,
      authorization_endpoint: `${pool.domainUrl}/oauth2/authorize`,
      token_endpoint: `${pool.domainUrl}/oauth2/token`,
      userinfo_endpoint: `${pool.domainUrl}/oauth2/userInfo`,
      revocation_endpoint: `${pool.domainUrl}/oauth2/revoke`,
      end_session_endpoint: `${pool.domainUrl}/logout`,
      response_types_supported: ['code', 'token'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    });
    expect(config.serverMetadata().token_endpoint).toBe(`${pool.domainUrl}/oauth2/token`);
  });
});

describe('code flow with PKCE through Google (the test IdP)', () => {
  it('signs in a federated user: Google_<sub>, EXTERNAL_PROVIDER, identities, mapped attributes, checked ID token', async () => {
    const { callback, verifier, state, nonce } = await googleSignIn('ann@gmail.example');
    expect(callback.searchParams.get('state')).toBe(state);
    const tokens = await client.authorizationCodeGrant(config, callback, { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce });
    const claims = tokens.claims()!;
    expect(claims['cognito:username']).toMatch(/^Google_1\d{20}$/);
    expect(claims.email).toBe('ann@gmail.example');
    expect(claims.email_verified).toBe(true);
    expect(claims.nonce).toBe(nonce);
    expect(claims.identities).toEqual([expect.objectContaining({ providerName: 'Google', providerType: 'Google', primary: 'true', issuer: null })]);
    expect(tokens.refresh_token).toBeTruthy();
    expect(tokens.token_type).toBe('bearer');
    const access = JSON.parse(Buffer.from(tokens.access_token.split('.')[1], 'base64url').toString()) as Record<string, unknown>;
    expect(access.scope).toBe(SCOPES.join(' '));
    expect(access.version).toBe(2);
    const user = await h.sdk.send(new AdminGetUserCommand({ UserPoolId: pool.poolId, Username: String(claims['cognito:username']) }));
    expect(user.UserStatus).toBe('EXTERNAL_PROVIDER');
    const identities = JSON.parse(user.UserAttributes!.find((a) => a.Name === 'identities')!.Value!) as { primary: unknown; dateCreated: unknown }[];
    expect(typeof identities[0].primary).toBe('boolean');
    expect(typeof identities[0].dateCreated).toBe('number');
    // The access token reaches the user's own operations (scope aws.cognito.signin.user.admin).
    const self = await h.sdk.send(new GetUserCommand({ AccessToken: tokens.access_token }));
    expect(self.Username).toBe(claims['cognito:username']);
    const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
    expect(info).toMatchObject({ sub: claims.sub, email: 'ann@gmail.example' });
  });

  it('updates mapped attributes at every sign-in, for the same user', async () => {
    const first = await googleSignIn('bob@gmail.example', 'Bob One');
    const t1 = await client.authorizationCodeGrant(config, first.callback, { pkceCodeVerifier: first.verifier, expectedState: first.state, expectedNonce: first.nonce });
    const second = await googleSignIn('bob@gmail.example', 'Bob Two');
    const t2 = await client.authorizationCodeGrant(config, second.callback, { pkceCodeVerifier: second.verifier, expectedState: second.state, expectedNonce: second.nonce });
    expect(t2.claims()!['cognito:username']).toBe(t1.claims()!['cognito:username']);
    expect(t2.claims()!.name).toBe('Bob Two');
  });

  it('a code is single-use; a wrong or missing code_verifier and an expired code get invalid_grant (DG: five minutes, one use)', async () => {
    const grant = (flow: { callback: URL; nonce: string }, verifier?: string) =>
      client.authorizationCodeGrant(config, flow.callback, { ...(verifier ? { pkceCodeVerifier: verifier } : {}), expectedState: client.skipStateCheck, expectedNonce: flow.nonce });
    const a = await googleSignIn('replay@gmail.example');
    await grant(a, a.verifier);
    await expect(grant(a, a.verifier)).rejects.toMatchObject({ error: 'invalid_grant' });
    const b = await googleSignIn('replay@gmail.example');
    await expect(grant(b, client.randomPKCECodeVerifier())).rejects.toMatchObject({ error: 'invalid_grant' });
    // The code was spent by that failed attempt, as any use spends it.
    await expect(grant(b, b.verifier)).rejects.toMatchObject({ error: 'invalid_grant' });
    const c = await googleSignIn('replay@gmail.example');
    await expect(grant(c)).rejects.toMatchObject({ error: 'invalid_grant' });
    const d = await googleSignIn('replay@gmail.example');
    await advanceClock(h.emulator, 301);
    await expect(grant(d, d.verifier)).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  it('refresh_token grant: new access and ID tokens, no new refresh token; revoked, invalid_grant (DG, token and revoke endpoints)', async () => {
    const { callback, verifier, state, nonce } = await googleSignIn('carol@gmail.example');
    const tokens = await client.authorizationCodeGrant(config, callback, { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce });
    const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token!);
    expect(refreshed.access_token).not.toBe(tokens.access_token);
    expect(refreshed.id_token).toBeTruthy();
    expect(refreshed.refresh_token).toBeUndefined();
    const scope = JSON.parse(Buffer.from(refreshed.access_token.split('.')[1], 'base64url').toString()).scope;
    expect(scope).toBe(SCOPES.join(' '));
    await client.tokenRevocation(config, tokens.refresh_token!);
    await expect(client.refreshTokenGrant(config, tokens.refresh_token!)).rejects.toMatchObject({ error: 'invalid_grant' });
    // The access tokens issued from it are revoked too.
    await expect(h.sdk.send(new GetUserCommand({ AccessToken: refreshed.access_token }))).rejects.toMatchObject({ name: 'NotAuthorizedException' });
  });
});

describe('/oauth2/authorize refuses what Cognito refuses', () => {
  const authorizeUrl = (params: Record<string, string>) =>
    `${pool.domainUrl}/oauth2/authorize?${new URLSearchParams({ client_id: pool.clientId, redirect_uri: APP, response_type: 'code', scope: 'openid email', state: 'st', ...params }).toString()}`;
  const browser = () => new TestBrowser(h.emulator.tls!.ca);

  it('an unregistered redirect_uri (or a near miss) never gets the answer: Cognito\'s error page, redirect_mismatch (DG; nextauthjs issue 12125)', async () => {
    for (const uri of [`${APP}/`, 'http://localhost:3000/callback?next=https://evil.example', 'https://evil.example/callback', 'http://localhost:3000/Callback', '']) {
      const page = shown(await browser().go(authorizeUrl({ redirect_uri: uri }), APP));
      expect(page.url).toContain('/error?error=redirect_mismatch');
      expect(page.status).toBe(400);
      expect(page.text).toContain('An error was encountered with the requested page.');
    }
    const unknownClient = shown(await browser().go(authorizeUrl({ client_id: 'nosuchclient' }), APP));
    expect(unknownClient.url).toContain('/error?error=invalid_client');
  });

  it('errors with a registered redirect_uri go back to it: invalid_request, unauthorized_client, invalid_scope (DG, authorization endpoint)', async () => {
    const error = async (params: Record<string, string>) => {
      const back = landed(await browser().go(authorizeUrl(params), APP));
      // The implicit flow's answers, errors too, come in the fragment.
      const answer = params.response_type === 'token' ? new URLSearchParams(back.hash.slice(1)) : back.searchParams;
      expect(answer.get('state')).toBe('st');
      return answer.get('error');
    };
    expect(await error({ response_type: 'id_token' })).toBe('invalid_request');
    // "Amazon Cognito authentication server supports only S256."
    expect(await error({ code_challenge: 'abc', code_challenge_method: 'plain' })).toBe('invalid_request');
    expect(await error({ code_challenge: 'abc' })).toBe('invalid_request');
    expect(await error({ response_type: 'token' })).toBe('unauthorized_client');
    expect(await error({ scope: 'openid phone' })).toBe('invalid_scope');
    // "The phone, email, and profile scopes can only be requested if openid scope is also requested."
    expect(await error({ scope: 'email' })).toBe('invalid_scope');
  });

  it('a provider that is unknown, not allowed for the client, or named in another case: "Login option is not available" on /login (amplify-android issue 1808)', async () => {
    for (const params of [{ identity_provider: 'google' }, { identity_provider: 'Nope' }, { idp_identifier: 'unknown.example' }] as Record<string, string>[]) {
      const page = shown(await browser().go(authorizeUrl(params), APP));
      expect(page.url).toContain('/login?');
      expect(page.status).toBe(401);
      expect(page.text).toContain('Login option is not available. Please try another one');
    }
  });

  it('the person cancels at the provider: the app gets error=access_denied with state, and nobody is signed in', async () => {
    await nextIdentity(h.emulator, { provider: 'google', error: 'access_denied', error_description: 'The user cancelled.' });
    const back = landed(await browser().go(authorizeUrl({ identity_provider: 'Google' }), APP));
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(back.searchParams.get('error_description')).toBe('The user cancelled.');
    expect(back.searchParams.get('state')).toBe('st');
    expect(back.searchParams.get('code')).toBeNull();
  });

  it('a forged or mis-addressed ID token from the provider signs nobody in (signature, audience, issuer, nonce)', async () => {
    for (const tamper of ['signature', 'audience', 'issuer', 'nonce']) {
      const email = `forged-${tamper}@gmail.example`;
      await nextIdentity(h.emulator, { provider: 'google', email, tamper });
      const back = landed(await browser().go(authorizeUrl({ identity_provider: 'Google' }), APP));
      expect(back.searchParams.get('error'), tamper).toBe('invalid_request');
      expect(back.searchParams.get('error_description'), tamper).toMatch(/^Invalid identity token from Google: /);
      expect(back.searchParams.get('code')).toBeNull();
    }
  });

  it('an answer from the provider with a stale, forged or replayed state: Cognito\'s error page, no redirect', async () => {
    const page = shown(await browser().go(`${pool.domainUrl}/oauth2/idpresponse?code=abc&state=forged`, APP));
    expect(page.status).toBe(400);
    expect(page.text).toContain('Invalid state');
  });

  it('the provider\'s answer opened in another browser (login CSRF): the error page there, nobody signed in, the answer used up', async () => {
    await nextIdentity(h.emulator, { provider: 'google', email: 'mallory@gmail.example' });
    const flow = await startCodeFlow(config, { identity_provider: 'Google' });
    const attacker = new TestBrowser(h.emulator.tls!.ca);
    const answer = landed(await attacker.go(flow.url, `${pool.domainUrl}/oauth2/idpresponse`));
    expect(attacker.cookieNames('localhost')).toContain('cognito-federation');
    const victim = new TestBrowser(h.emulator.tls!.ca);
    const page = shown(await victim.go(answer.toString(), APP));
    expect(page.status).toBe(400);
    expect(page.text).toContain('Invalid state');
    expect(victim.cookieNames('localhost')).not.toContain('cognito');
    // Taken by the refused attempt: the browser that started it can't finish it either.
    expect(shown(await attacker.go(answer.toString(), APP)).status).toBe(400);
  });

  it('a cookie or Basic credentials that don\'t decode are answered, not a server error', async () => {
    const page = await browser().request(`${pool.domainUrl}/login?${new URLSearchParams({ client_id: pool.clientId, redirect_uri: APP, response_type: 'code', scope: 'openid' })}`, { headers: { cookie: 'cognito=%E0%A4%A; cognito-federation=%' } });
    expect(page.status).toBe(200);
    const basic = Buffer.from('%zz:%zz').toString('base64');
    const token = await https(`${pool.domainUrl}/oauth2/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${basic}` }, body: 'grant_type=authorization_code&code=x' });
    expect([token.status, await token.json()]).toEqual([400, { error: 'invalid_client' }]);
  });
});

describe('other flows', () => {
  it('implicit flow where the client allows it: tokens in the fragment, no refresh token (DG)', async () => {
    const { UserPoolClient } = await h.sdk.send(
      new CreateUserPoolClientCommand({
        UserPoolId: pool.poolId,
        ClientName: 'spa-implicit',
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthFlows: ['implicit'],
        AllowedOAuthScopes: ['openid', 'email'],
        CallbackURLs: [APP],
        SupportedIdentityProviders: ['Google'],
      }),
    );
    await nextIdentity(h.emulator, { provider: 'google', email: 'imp@gmail.example' });
    const url = `${pool.domainUrl}/oauth2/authorize?${new URLSearchParams({ client_id: UserPoolClient!.ClientId!, redirect_uri: APP, response_type: 'token', scope: 'openid email', state: 's1', identity_provider: 'Google', nonce: 'n1' })}`;
    const back = landed(await new TestBrowser(h.emulator.tls!.ca).go(url, APP));
    const fragment = new URLSearchParams(back.hash.slice(1));
    expect(back.search).toBe('');
    expect(fragment.get('token_type')).toBe('Bearer');
    expect(fragment.get('state')).toBe('s1');
    expect(fragment.get('refresh_token')).toBeNull();
    const id = JSON.parse(Buffer.from(fragment.get('id_token')!.split('.')[1], 'base64url').toString());
    expect(id).toMatchObject({ email: 'imp@gmail.example', nonce: 'n1', aud: UserPoolClient!.ClientId });
    // No aws.cognito.signin.user.admin scope: the token can't call the user's own operations.
    await expect(h.sdk.send(new GetUserCommand({ AccessToken: fragment.get('access_token')! }))).rejects.toMatchObject({ name: 'NotAuthorizedException', message: 'Access Token does not have required scopes' });
  });

  it('client_credentials: a confidential client gets an access token with its resource-server scopes; others are refused (DG, token endpoint)', async () => {
    await h.sdk.send(new CreateResourceServerCommand({ UserPoolId: pool.poolId, Identifier: 'https://api.example', Name: 'api', Scopes: [{ ScopeName: 'read', ScopeDescription: 'read' }, { ScopeName: 'write', ScopeDescription: 'write' }] }));
    const { UserPoolClient } = await h.sdk.send(
      new CreateUserPoolClientCommand({ UserPoolId: pool.poolId, ClientName: 'm2m', GenerateSecret: true, AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['client_credentials'], AllowedOAuthScopes: ['https://api.example/read'] }),
    );
    const m2m = await oidcClient(h.emulator, { ...pool, clientId: UserPoolClient!.ClientId! }, UserPoolClient!.ClientSecret);
    const tokens = await client.clientCredentialsGrant(m2m);
    const claims = JSON.parse(Buffer.from(tokens.access_token.split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({ sub: UserPoolClient!.ClientId, client_id: UserPoolClient!.ClientId, scope: 'https://api.example/read', token_use: 'access' });
    expect(tokens.id_token).toBeUndefined();
    expect(tokens.refresh_token).toBeUndefined();
    await expect(client.clientCredentialsGrant(m2m, { scope: 'https://api.example/write' })).rejects.toMatchObject({ error: 'invalid_scope' });
    const wrongSecret = await oidcClient(h.emulator, { ...pool, clientId: UserPoolClient!.ClientId! }, 'not-the-secret');
    await expect(client.clientCredentialsGrant(wrongSecret)).rejects.toMatchObject({ error: 'invalid_client' });
    // The browser app's client has no secret and no client_credentials flow.
    await expect(client.clientCredentialsGrant(config)).rejects.toMatchObject({ error: 'unauthorized_client' });
  });

  it('the token endpoint: an unknown grant_type, a missing code, a form that is not a form (DG)', async () => {
    const post = async (body: string, type = 'application/x-www-form-urlencoded') =>
      (await https(`${pool.domainUrl}/oauth2/token`, { method: 'POST', headers: { 'content-type': type }, body })).json() as Promise<{ error: string }>;
    expect(await post(`grant_type=password&client_id=${pool.clientId}`)).toEqual({ error: 'unsupported_grant_type' });
    expect(await post(`grant_type=authorization_code&client_id=${pool.clientId}`)).toEqual({ error: 'invalid_request' });
    expect(await post(`grant_type=authorization_code`)).toEqual({ error: 'invalid_client' });
    expect(await post(JSON.stringify({ grant_type: 'authorization_code' }), 'application/json')).toEqual({ error: 'invalid_request' });
  });

  it('userInfo: 400 without a token; 401 for an API token (no openid scope) and for a revoked one, in WWW-Authenticate (DG)', async () => {
    const none = await https(`${pool.domainUrl}/oauth2/userInfo`);
    expect(none.status).toBe(400);
    expect(none.headers.get('www-authenticate')).toContain('error="invalid_request"');
    await createUser(h.sdk, pool.poolId, 'native-ui');
    const api = await h.emulator.services.tokens.issue(h.emulator.services.store.getPool(pool.poolId)!, h.emulator.services.store.getClient(pool.clientId)!, h.emulator.services.store.getUser(pool.poolId, 'native-ui')!, { authTime: 0 });
    const apiToken = await https(`${pool.domainUrl}/oauth2/userInfo`, { headers: { authorization: `Bearer ${api.AccessToken}` } });
    expect(apiToken.status).toBe(401);
    expect(apiToken.headers.get('www-authenticate')).toContain('error="invalid_token"');
  });

  it('revoke: 200 for a live or unknown refresh token, unsupported_token_type for a JWT, 401 invalid_client for a wrong client (DG, revoke endpoint)', async () => {
    const revoke = (body: string) => https(`${pool.domainUrl}/oauth2/revoke`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    const unknown = await revoke(`token=nothing-like-a-token&client_id=${pool.clientId}`);
    expect(unknown.status).toBe(200);
    expect(await unknown.text()).toBe('');
    const jwt = await revoke(`token=a.b.c&client_id=${pool.clientId}`);
    expect([jwt.status, await jwt.json()]).toEqual([400, { error: 'unsupported_token_type' }]);
    const wrong = await revoke('token=x&client_id=nosuchclient');
    expect([wrong.status, await wrong.json()]).toEqual([401, { error: 'invalid_client' }]);
    const missing = await revoke(`client_id=${pool.clientId}`);
    expect([missing.status, await missing.json()]).toEqual([400, { error: 'invalid_request' }]);
  });
});

describe('the domain session and /logout', () => {
  it('after a sign-in, /oauth2/authorize without a provider signs the same user in again (the hour-long session cookie); /logout ends it (DG)', async () => {
    const { browser, callback, verifier, state, nonce } = await googleSignIn('dana@gmail.example');
    const first = await client.authorizationCodeGrant(config, callback, { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce });
    const again = await startCodeFlow(config);
    const silent = landed(await browser.go(again.url, APP));
    const second = await client.authorizationCodeGrant(config, silent, { pkceCodeVerifier: again.verifier, expectedState: again.state, expectedNonce: again.nonce });
    expect(second.claims()!.sub).toBe(first.claims()!.sub);
    expect(second.claims()!.auth_time).toBe(first.claims()!.auth_time);
    const signedOut = landed(await browser.go(`${pool.domainUrl}/logout?${new URLSearchParams({ client_id: pool.clientId, logout_uri: APP_SIGNED_OUT })}`, APP_SIGNED_OUT));
    expect(signedOut.toString()).toBe(APP_SIGNED_OUT);
    expect(browser.cookieNames('localhost')).not.toContain('cognito');
    const third = await startCodeFlow(config);
    const page = shown(await browser.go(third.url, APP));
    expect(page.url).toContain(`${pool.domainUrl}/login?`);
    expect(page.text).toContain('Continue with Google');
  });

  it('/logout refuses a sign-out URL that is not registered (Cognito\'s page, no redirect: amplify-js issues 2423, 1298)', async () => {
    for (const uri of ['https://evil.example/', `${APP_SIGNED_OUT}x`, '']) {
      const page = shown(await new TestBrowser(h.emulator.tls!.ca).go(`${pool.domainUrl}/logout?${new URLSearchParams({ client_id: pool.clientId, logout_uri: uri })}`, 'https://evil.example'));
      expect(page.status).toBe(400);
      expect(page.text).toContain('Required String parameter &#39;redirect_uri&#39; is not present');
    }
  });

  it('the sign-in page signs a native user in with a password and hands the app a code', async () => {
    await createUser(h.sdk, pool.poolId, 'erin', [{ Name: 'email', Value: 'erin@example.com' }]);
    const flow = await startCodeFlow(config);
    const browser = new TestBrowser(h.emulator.tls!.ca);
    const page = shown(await browser.go(flow.url, APP));
    const form = browser.forms(page).find((f) => 'username' in f.fields)!;
    const wrong = shown(await browser.submit(form, { username: 'erin', password: 'wrong-Passw0rd!' }, 'password', APP));
    expect(wrong.text).toContain('Incorrect username or password.');
    const back = landed(await browser.submit(browser.forms(wrong).find((f) => 'username' in f.fields)!, { username: 'erin', password: PASSWORD }, 'password', APP));
    const tokens = await client.authorizationCodeGrant(config, back, { pkceCodeVerifier: flow.verifier, expectedState: flow.state, expectedNonce: flow.nonce });
    expect(tokens.claims()).toMatchObject({ 'cognito:username': 'erin', email: 'erin@example.com' });
  });
});
