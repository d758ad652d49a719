/**
 * Crash safety: writers create users, enrol TOTP and set preferences against an emulator process
 * while it is killed with SIGKILL at random moments; after each restart every write the client saw
 * acknowledged must be there, and SQLite's integrity_check must pass.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EmulatorProcess, startEmulatorProcess } from '../../bench/emulator-process.js';
import { callCognito, totpCode } from './client.js';

const PASSWORD = 'Crash-Passw0rd!';

type Ack = { kind: 'user' | 'totp' | 'preferred'; username: string };

export interface CrashReport {
  rounds: number;
  acknowledged: number;
  found: number;
  missing: Ack[];
  integrity: string[];
}

const call = (url: string, op: string, body: unknown, signed = false) => callCognito(url, op, body, { signed });

/** One writer: a sequence of users, each created, enrolled in TOTP and set to prefer it. Stops at the first failure (the kill). */
async function writer(url: string, poolId: string, clientId: string, prefix: string, acks: Ack[]): Promise<void> {
  for (let i = 0; ; i++) {
    const username = `${prefix}-${i}`;
    try {
      await call(url, 'AdminCreateUser', { UserPoolId: poolId, Username: username, MessageAction: 'SUPPRESS', TemporaryPassword: PASSWORD }, true);
      await call(url, 'AdminSetUserPassword', { UserPoolId: poolId, Username: username, Password: PASSWORD, Permanent: true }, true);
      acks.push({ kind: 'user', username });
      const auth = await call(url, 'InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: username, PASSWORD } });
      const AccessToken = auth.AuthenticationResult.AccessToken as string;
      const { SecretCode } = await call(url, 'AssociateSoftwareToken', { AccessToken });
      const code = totpCode(SecretCode, Date.now());
      await call(url, 'VerifySoftwareToken', { AccessToken, UserCode: code });
      acks.push({ kind: 'totp', username });
      await call(url, 'SetUserMFAPreference', { AccessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } });
      acks.push({ kind: 'preferred', username });
    } catch {
      return;
    }
  }
}

async function verify(url: string, poolId: string, acks: Ack[]): Promise<Ack[]> {
  const missing: Ack[] = [];
  for (const ack of acks) {
    let user: Record<string, any> | undefined;
    try {
      user = await call(url, 'AdminGetUser', { UserPoolId: poolId, Username: ack.username }, true);
    } catch {
      user = undefined;
    }
    // A verified (registered) token shows nowhere in AdminGetUser; turning it on fails without one.
    const registered = async () =>
      call(url, 'AdminSetUserMFAPreference', { UserPoolId: poolId, Username: ack.username, SoftwareTokenMfaSettings: { Enabled: true } }, true).then(() => true, () => false);
    const ok = ack.kind === 'user' ? user !== undefined : ack.kind === 'totp' ? await registered() : user?.PreferredMfaSetting === 'SOFTWARE_TOKEN_MFA';
    if (!ok) missing.push(ack);
  }
  return missing;
}

export async function runCrashRounds(rounds: number, writers = 4, random: () => number = Math.random): Promise<CrashReport> {
  const dataDir = mkdtempSync(join(tmpdir(), 'crash-'));
  const acks: Ack[] = [];
  let emulator: EmulatorProcess = await startEmulatorProcess([], dataDir);
  try {
    const { UserPool } = await call(emulator.url, 'CreateUserPool', { PoolName: 'crash' }, true);
    const poolId = UserPool.Id as string;
    await call(emulator.url, 'SetUserPoolMfaConfig', { UserPoolId: poolId, MfaConfiguration: 'OPTIONAL', SoftwareTokenMfaConfiguration: { Enabled: true } }, true);
    const { UserPoolClient } = await call(emulator.url, 'CreateUserPoolClient', { UserPoolId: poolId, ClientName: 'crash', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }, true);
    const clientId = UserPoolClient.ClientId as string;
    for (let round = 0; round < rounds; round++) {
      const url = emulator.url;
      const running = Array.from({ length: writers }, (_, w) => writer(url, poolId, clientId, `r${round}w${w}`, acks));
      await new Promise((r) => setTimeout(r, 150 + random() * 900));
      await emulator.kill9();
      await Promise.all(running);
      emulator = await startEmulatorProcess([], dataDir);
    }
    const missing = await verify(emulator.url, poolId, acks);
    await emulator.stop({ keepData: true });
    const db = new Database(join(dataDir, 'cognito.sqlite'), { readonly: true });
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    db.close();
    return { rounds, acknowledged: acks.length, found: acks.length - missing.length, missing, integrity };
  } finally {
    await emulator.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
