/**
 * Starting the emulator: clear errors for a busy port, an unusable data folder and one written by a
 * newer version; and the programmatic API (emulator/api.ts) with its in-memory store.
 */
import { CognitoIdentityProviderClient, InitiateAuthCommand, RespondToAuthChallengeCommand } from '@aws-sdk/client-cognito-identity-provider';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_USER_PASSWORD, startCognitoEmulator } from '../api.js';
import { startEmulator } from '../server.js';
import { Store } from '../services/store.js';
import { EmulatorStartError, StoreError } from '../start-errors.js';

const folders: string[] = [];
const tempFolder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'emu-start-'));
  folders.push(dir);
  return dir;
};
afterAll(() => folders.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('start-up errors', () => {
  it('names a busy port and what to do', async () => {
    const first = await startCognitoEmulator();
    try {
      const second = startEmulator({ dataDir: ':memory:', port: first.port, log: () => {} });
      await expect(second).rejects.toThrow(EmulatorStartError);
      await expect(startEmulator({ dataDir: ':memory:', port: first.port, log: () => {} })).rejects.toThrow(`Port ${first.port} on 127.0.0.1 is already in use`);
    } finally {
      await first.stop();
    }
  });

  it('names a data folder it cannot write', () => {
    const file = join(tempFolder(), 'not-a-folder');
    writeFileSync(file, 'x');
    expect(() => new Store(join(file, 'data'))).toThrow(StoreError);
    expect(() => new Store(join(file, 'data'))).toThrow(/Cannot use the data folder .*not-a-folder\/data/);
  });

  it('refuses a data folder written by a newer version, and leaves it untouched', () => {
    const dir = tempFolder();
    new Store(dir).close();
    const db = new Database(join(dir, 'cognito.sqlite'));
    db.pragma('user_version = 99');
    db.close();
    expect(() => new Store(dir)).toThrow(/written by a newer version of the emulator \(schema 99; this one knows up to \d+\)/);
    const after = new Database(join(dir, 'cognito.sqlite'));
    expect(after.pragma('user_version', { simple: true })).toBe(99);
    after.close();
  });
});

describe('the programmatic API', () => {
  it('starts on a free port with an in-memory store, makes a pool and a user, reads the outbox, moves the clock, and stops', async () => {
    const cognito = await startCognitoEmulator();
    const sdk = new CognitoIdentityProviderClient({ endpoint: cognito.url, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' }, maxAttempts: 1 });
    try {
      expect(cognito.url).toBe(`http://127.0.0.1:${cognito.port}`);
      const { poolId, clientId } = await cognito.createPool({ mfa: 'OPTIONAL', sms: true });
      await cognito.createUser(poolId, 'ann', { attributes: { phone_number: '+12065550100' } });
      await cognito.call('AdminSetUserMFAPreference', { UserPoolId: poolId, Username: 'ann', SMSMfaSettings: { Enabled: true } });
      const challenge = await sdk.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'ann', PASSWORD: DEFAULT_USER_PASSWORD } }));
      expect(challenge.ChallengeName).toBe('SMS_MFA');
      expect(cognito.outbox({ username: 'ann' })[0]).toMatchObject({ channel: 'SMS', destination: '+12065550100' });
      const code = cognito.latestCode('ann')!;
      cognito.advanceClock(181); // past the 3-minute session: the code no longer works
      await expect(
        sdk.send(new RespondToAuthChallengeCommand({ ClientId: clientId, ChallengeName: 'SMS_MFA', Session: challenge.Session, ChallengeResponses: { USERNAME: 'ann', SMS_MFA_CODE: code } })),
      ).rejects.toThrow('Invalid session for the user, session is expired.');
    } finally {
      sdk.destroy();
      await cognito.stop();
    }
  });

  it('keeps data in a folder when given one', async () => {
    const dir = tempFolder();
    const first = await startCognitoEmulator({ dataDir: dir });
    const { poolId } = await first.createPool();
    await first.stop();
    const second = await startCognitoEmulator({ dataDir: dir });
    try {
      expect(await second.call<{ UserPool: { Id: string } }>('DescribeUserPool', { UserPoolId: poolId })).toMatchObject({ UserPool: { Id: poolId } });
    } finally {
      await second.stop();
    }
  });
});
