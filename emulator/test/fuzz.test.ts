import { InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool, createUser, PASSWORD } from './fixtures.js';
import { fuzzEmulator } from './fuzz-cases.js';
import { type Harness, startHarness } from './harness.js';

let h: Harness;
beforeAll(async () => void (h = await startHarness()));
afterAll(() => h.stop());

/** A seeded slice of the fuzzing that `npm run bench` runs 10 000+ cases of. */
describe('fuzzing every operation', () => {
  it('never crashes, never answers 5xx, always refuses in Cognito shape; sign-in still works after', async () => {
    const { poolId, clientId } = await createPool(h.sdk, { mfa: 'OPTIONAL', sms: true, totp: true });
    await createUser(h.sdk, poolId, 'fuzz-target');
    const auth = await h.sdk.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'fuzz-target', PASSWORD } }));
    const report = await fuzzEmulator({ url: h.emulator.url, poolId, clientId, accessToken: auth.AuthenticationResult!.AccessToken! }, 400, 20261125);
    expect(report.cases).toBe(400);
    expect(Object.keys(report.byStatus).every((s) => Number(s) < 500)).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');

    const fresh = await createPool(h.sdk);
    await createUser(h.sdk, fresh.poolId, 'after-fuzz');
    const after = await h.sdk.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: fresh.clientId, AuthParameters: { USERNAME: 'after-fuzz', PASSWORD } }));
    expect(after.AuthenticationResult?.AccessToken).toBeTruthy();
  }, 120_000);
});
