/** A pool with a domain, the test IdP's providers and an OAuth app client, made through the AWS SDK; and an openid-client for it. */
import {
  CreateIdentityProviderCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  CreateUserPoolDomainCommand,
  type CreateUserPoolClientCommandInput,
} from '@aws-sdk/client-cognito-identity-provider';
import { randomBytes } from 'node:crypto';
import * as client from 'openid-client';
import type { Emulator } from '../server.js';
import { createOutboundFetch } from '../services/outbound.js';
import type { Harness } from './harness.js';

export const APP = 'http://localhost:3000/callback';
export const APP_SIGNED_OUT = 'http://localhost:3000/';
export const SCOPES = ['openid', 'email', 'profile', 'aws.cognito.signin.user.admin'];
export const CLAIMS = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims';

export interface FederatedPool {
  poolId: string;
  domain: string;
  /** https://localhost:<port>/<domain> */
  domainUrl: string;
  clientId: string;
  clientSecret?: string;
}

export interface FederatedPoolOptions {
  /** Extra fields of the app client (flows, scopes, secret…). */
  client?: Partial<CreateUserPoolClientCommandInput>;
  /** Pool attributes that must be given (Schema Required). */
  requireEmail?: boolean;
}

/** Google, Facebook, Login with Amazon and Apple, the SAML IdP "Acme" (acme.example) and the OIDC IdP "Okta" (okta.example), all on the test IdP. */
export async function federatedPool(h: Harness, options: FederatedPoolOptions = {}): Promise<FederatedPool> {
  const { sdk, emulator } = h;
  const tls = emulator.tlsUrl!;
  const { UserPool } = await sdk.send(
    new CreateUserPoolCommand({
      PoolName: 'federation',
      ...(options.requireEmail ? { Schema: [{ Name: 'email', AttributeDataType: 'String', Required: true, Mutable: true }] } : {}),
    }),
  );
  const poolId = UserPool!.Id!;
  const domain = `fed-${randomBytes(4).toString('hex')}`;
  await sdk.send(new CreateUserPoolDomainCommand({ UserPoolId: poolId, Domain: domain }));
  const social = { client_id: 'test-idp-client', client_secret: 'test-idp-secret' };
  await sdk.send(
    new CreateIdentityProviderCommand({
      UserPoolId: poolId,
      ProviderName: 'Google',
      ProviderType: 'Google',
      ProviderDetails: { ...social, authorize_scopes: 'openid email profile' },
      AttributeMapping: { email: 'email', email_verified: 'email_verified', name: 'name' },
    }),
  );
  await sdk.send(
    new CreateIdentityProviderCommand({
      UserPoolId: poolId,
      ProviderName: 'Facebook',
      ProviderType: 'Facebook',
      ProviderDetails: { ...social, authorize_scopes: 'public_profile,email', api_version: 'v17.0' },
      AttributeMapping: { email: 'email', name: 'name' },
    }),
  );
  await sdk.send(
    new CreateIdentityProviderCommand({
      UserPoolId: poolId,
      ProviderName: 'Acme',
      ProviderType: 'SAML',
      ProviderDetails: { MetadataURL: `${tls}/_idp/saml/metadata` },
      AttributeMapping: { email: `${CLAIMS}/emailaddress`, name: 'name' },
      IdpIdentifiers: ['acme.example'],
    }),
  );
  await sdk.send(
    new CreateIdentityProviderCommand({
      UserPoolId: poolId,
      ProviderName: 'Okta',
      ProviderType: 'OIDC',
      ProviderDetails: { client_id: 'okta-client', client_secret: 'okta-secret', oidc_issuer: `${tls}/_idp/oidc`, authorize_scopes: 'openid email profile', attributes_request_method: 'GET' },
      AttributeMapping: { email: 'email', name: 'name' },
      IdpIdentifiers: ['okta.example'],
    }),
  );
  const { UserPoolClient } = await sdk.send(
    new CreateUserPoolClientCommand({
      UserPoolId: poolId,
      ClientName: 'web',
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: SCOPES,
      CallbackURLs: [APP],
      LogoutURLs: [APP_SIGNED_OUT],
      SupportedIdentityProviders: ['COGNITO', 'Google', 'Facebook', 'Acme', 'Okta'],
      ...options.client,
    }),
  );
  return { poolId, domain, domainUrl: `${tls}/${domain}`, clientId: UserPoolClient!.ClientId!, ...(UserPoolClient!.ClientSecret ? { clientSecret: UserPoolClient!.ClientSecret } : {}) };
}

/** Who signs in at the test IdP next (instead of a person typing at its page). */
export async function nextIdentity(emulator: Emulator, next: { provider?: string; email?: string; name?: string; sub?: string; error?: string; error_description?: string; tamper?: string }): Promise<void> {
  const res = await fetch(`${emulator.url}/_emulator/idp/next`, { method: 'POST', body: JSON.stringify(next) });
  if (!res.ok) throw new Error(`idp/next: ${res.status} ${await res.text()}`);
}

/** An openid-client configuration for the pool, found through its discovery document (over the emulator's http issuer). */
export async function oidcClient(emulator: Emulator, pool: FederatedPool, secret?: string): Promise<client.Configuration> {
  const fetch = createOutboundFetch(() => emulator.tls?.ca) as unknown as client.CustomFetch;
  return client.discovery(new URL(`${emulator.url}/${pool.poolId}`), pool.clientId, secret ?? pool.clientSecret, undefined, {
    execute: [client.allowInsecureRequests],
    [client.customFetch]: fetch,
  });
}

/** The authorization URL of a code flow with PKCE, state and nonce, and what the app keeps to finish it. */
export async function startCodeFlow(config: client.Configuration, params: Record<string, string> = {}) {
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: APP,
    scope: SCOPES.join(' '),
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ...params,
  });
  return { url: url.toString(), verifier, state, nonce };
}
