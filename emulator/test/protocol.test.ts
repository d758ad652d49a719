import { InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { SignJWT, createRemoteJWKSet, decodeJwt, jwtVerify, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../server.js';
import { createPool, createUser, PASSWORD } from './fixtures.js';
import { type Harness, startHarness } from './harness.js';

let h: Harness;
let poolId: string;
let clientId: string;
beforeAll(async () => {
  h = await startHarness();
  ({ poolId, clientId } = await createPool(h.sdk));
  await createUser(h.sdk, poolId, 'proto');
});
afterAll(() => h.stop());

async function post(target: string, body: string, contentType = 'application/x-amz-json-1.1'): Promise<{ status: number; json: { __type?: string; message?: string } }> {
  const res = await fetch(h.emulator.url, { method: 'POST', headers: { 'content-type': contentType, 'x-amz-target': `AWSCognitoIdentityProviderService.${target}` }, body });
  return { status: res.status, json: (await res.json()) as { __type?: string; message?: string } };
}

async function accessToken(): Promise<string> {
  const r = await h.sdk.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'proto', PASSWORD } }));
  return r.AuthenticationResult!.AccessToken!;
}

describe('protocol errors are Cognito-shaped 4xx answers', () => {
  it.each([
    ['malformed JSON', 'InitiateAuth', '{"AuthFlow":', 'SerializationException'],
    ['a JSON array', 'InitiateAuth', '[]', 'SerializationException'],
    ['an unknown operation', 'LaunchRockets', '{}', 'UnknownOperationException'],
    ['an inherited property as operation', 'constructor', '{}', 'UnknownOperationException'],
    ['a missing parameter', 'InitiateAuth', '{"AuthFlow":"USER_SRP_AUTH"}', 'InvalidParameterException'],
    ['a wrongly typed parameter', 'InitiateAuth', '{"AuthFlow":42,"ClientId":"x"}', 'SerializationException'],
    ['an unknown client', 'InitiateAuth', '{"AuthFlow":"USER_SRP_AUTH","ClientId":"nope","AuthParameters":{"USERNAME":"a","SRP_A":"ab"}}', 'ResourceNotFoundException'],
    ['prototype keys', 'GetUser', '{"__proto__":{"AccessToken":"x"},"constructor":{"prototype":{}}}', 'InvalidParameterException'],
  ])('%s', async (_, target, body, type) => {
    const { status, json } = await post(target, body);
    expect(status).toBe(400);
    expect(json.__type).toBe(type);
    expect(typeof json.message).toBe('string');
  });

  it('refuses other content types and bodies over 1 MiB', async () => {
    expect((await post('GetUser', '{}', 'text/plain')).json.__type).toBe('SerializationException');
    const big = await post('GetUser', JSON.stringify({ AccessToken: 'x'.repeat(MAX_BODY_BYTES) }));
    expect(big.status).toBe(413);
    expect(big.json.__type).toBe('RequestEntityTooLargeException');
    const after = await post('InitiateAuth', '{}');
    expect(after.status).toBe(400);
  });

  it('answers the browser CORS preflight with the headers Amplify asks for', async () => {
    const res = await fetch(h.emulator.url, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST', 'access-control-request-headers': 'amz-sdk-invocation-id,amz-sdk-request,cache-control,content-type,x-amz-target,x-amz-user-agent' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(res.headers.get('access-control-allow-headers')).toContain('x-amz-target');
  });

  it('has no clock endpoint without --test-hooks', async () => {
    const { startEmulator } = await import('../server.js');
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const plain = await startEmulator({ dataDir: mkdtempSync(join(tmpdir(), 'emu-')), port: 0, log: () => {} });
    try {
      const res = await fetch(`${plain.url}/_emulator/clock`, { method: 'POST', body: '{"advanceSeconds":1}' });
      expect(res.status).toBe(400);
    } finally {
      await plain.close();
    }
  });
});

describe('tokens', () => {
  it('are RS256 JWTs with Cognito claims, verifiable with the published JWKS', async () => {
    const token = await accessToken();
    const jwks = createRemoteJWKSet(new URL(`${h.emulator.url}/${poolId}/.well-known/jwks.json`));
    const { payload, protectedHeader } = await jwtVerify(token, jwks, { issuer: `${h.emulator.url}/${poolId}` });
    expect(protectedHeader.alg).toBe('RS256');
    expect(payload).toMatchObject({ token_use: 'access', client_id: clientId, username: 'proto', scope: 'aws.cognito.signin.user.admin' });
    const oidc = await (await fetch(`${h.emulator.url}/${poolId}/.well-known/openid-configuration`)).json();
    expect(oidc.jwks_uri).toBe(`${h.emulator.url}/${poolId}/.well-known/jwks.json`);
  });

  it('refuses tampered, alg:none, foreign-key and wrong-pool tokens', async () => {
    const token = await accessToken();
    const [header, payload, signature] = token.split('.');
    const claims = decodeJwt(token);
    const forged = Buffer.from(JSON.stringify({ ...claims, username: 'admin' })).toString('base64url');
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
    const { privateKey } = await generateKeyPair('RS256');
    const foreign = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256' }).sign(privateKey);
    const { poolId: otherPool } = await createPool(h.sdk);
    const wrongPool = await new SignJWT({ ...claims, iss: `${h.emulator.url}/${otherPool}` }).setProtectedHeader({ alg: 'RS256' }).sign(privateKey);
    for (const bad of [`${header}.${forged}.${signature}`, none, foreign, wrongPool, 'not-a-jwt']) {
      const { status, json } = await post('GetUser', JSON.stringify({ AccessToken: bad }));
      expect(status).toBe(400);
      expect(json).toEqual({ __type: 'NotAuthorizedException', message: 'Invalid Access Token' });
    }
  });
});
