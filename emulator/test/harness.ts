/** Starts a real emulator on a free port with a fresh data folder, and an AWS SDK client for it. */
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Emulator, startEmulator } from '../server.js';
import type { LambdaSource } from '../services/lambdas.js';
import { MEMORY } from '../services/store.js';

export interface Harness {
  emulator: Emulator;
  sdk: CognitoIdentityProviderClient;
  dataDir: string;
  stop(options?: { keepData?: boolean }): Promise<void>;
}

/** EMULATOR_STORE=memory runs the contract tests against the in-memory store (vitest.config.ts runs them both ways). */
const defaultDataDir = () => (process.env.EMULATOR_STORE === 'memory' ? MEMORY : mkdtempSync(join(tmpdir(), 'cognito-emu-')));

/**
 * `tls`: serve pool domains and the test IdP (federation tests); the others start without, faster.
 * `lambdas`: the functions the pools' triggers run, by function name (a module path or a handler).
 */
export async function startHarness(dataDir = defaultDataDir(), options: { rateLimitScale?: number; tls?: boolean; lambdas?: Record<string, LambdaSource> } = {}): Promise<Harness> {
  const { tls = false, ...rest } = options;
  const emulator = await startEmulator({ dataDir, port: 0, testHooks: true, log: () => {}, tlsPort: tls ? 0 : false, ...rest });
  const sdk = new CognitoIdentityProviderClient({
    endpoint: emulator.url,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    maxAttempts: 1,
  });
  return {
    emulator,
    sdk,
    dataDir,
    stop: async ({ keepData = false } = {}) => {
      sdk.destroy();
      await emulator.close();
      if (!keepData && dataDir !== MEMORY) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function readSms(emulator: Emulator, username: string): Promise<{ code: string; phoneNumber: string; message: string }[]> {
  const res = await fetch(`${emulator.url}/_emulator/sms?username=${encodeURIComponent(username)}`);
  return (await res.json()) as { code: string; phoneNumber: string; message: string }[];
}

export async function advanceClock(emulator: Emulator, seconds: number): Promise<void> {
  const res = await fetch(`${emulator.url}/_emulator/clock`, { method: 'POST', body: JSON.stringify({ advanceSeconds: seconds }) });
  if (!res.ok) throw new Error(`clock: ${res.status}`);
}

export interface OutboxEntry {
  code: string;
  channel: 'SMS' | 'EMAIL';
  destination: string;
  message: string;
}

/** The newest message the emulator "sent" to a user. */
export async function latestMessage(emulator: Emulator, username: string): Promise<OutboxEntry> {
  const res = await fetch(`${emulator.url}/_emulator/outbox?username=${encodeURIComponent(username)}`);
  const [first] = (await res.json()) as OutboxEntry[];
  if (!first) throw new Error(`no message for ${username}`);
  return first;
}
