/**
 * The emulator as another project gets it: built, packed, and installed from the tarball into a
 * fresh project with nothing else of this repository (no tsx, no sources). There it starts once
 * through its `bin` and once through its API, the AWS SDK v3 signs a user in against each, and
 * both stop cleanly; the API's types check in a strict TypeScript project.
 */
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const host = mkdtempSync(join(tmpdir(), 'emulator-host-'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
// npm's own variables from `npm test` must not leak into the host project's install.
const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('npm_')));

const SIGN_IN = `
import { AdminCreateUserCommand, AdminSetUserPasswordCommand, CognitoIdentityProviderClient, CreateUserPoolClientCommand, CreateUserPoolCommand, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
export async function signInAgainst(endpoint) {
  const sdk = new CognitoIdentityProviderClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
  const { UserPool } = await sdk.send(new CreateUserPoolCommand({ PoolName: 'host' }));
  const { UserPoolClient } = await sdk.send(new CreateUserPoolClientCommand({ UserPoolId: UserPool.Id, ClientName: 'c', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }));
  await sdk.send(new AdminCreateUserCommand({ UserPoolId: UserPool.Id, Username: 'ann', MessageAction: 'SUPPRESS' }));
  await sdk.send(new AdminSetUserPasswordCommand({ UserPoolId: UserPool.Id, Username: 'ann', Password: 'Correct-Horse-9!', Permanent: true }));
  const result = await sdk.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: UserPoolClient.ClientId, AuthParameters: { USERNAME: 'ann', PASSWORD: 'Correct-Horse-9!' } }));
  sdk.destroy();
  return typeof result.AuthenticationResult?.AccessToken === 'string';
}
`;

const VIA_API = `
import { startCognitoEmulator } from 'cognito-mfa-emulator';
import { signInAgainst } from './sign-in.mjs';
const cognito = await startCognitoEmulator();
const signedIn = await signInAgainst(cognito.url);
await cognito.stop();
console.log(JSON.stringify({ signedIn }));
`;

const TYPED = `
import { type CognitoEmulator, startCognitoEmulator, EmulatorStartError } from 'cognito-mfa-emulator';
const cognito: CognitoEmulator = await startCognitoEmulator({ port: 0 });
const { poolId, clientId }: { poolId: string; clientId: string } = await cognito.createPool({ mfa: 'OPTIONAL', sms: true, totp: true });
await cognito.createUser(poolId, 'ann', { attributes: { email: 'ann@example.com' } });
const code: string | undefined = cognito.latestCode('ann');
cognito.advanceClock(30);
console.log(clientId, code, EmulatorStartError.name);
await cognito.stop();
`;

beforeAll(() => {
  execFileSync(process.execPath, [join(repo, 'scripts', 'build-emulator.mjs')], { cwd: repo, stdio: 'pipe' });
  const [packed] = JSON.parse(execFileSync(npm, ['pack', '--json', '--pack-destination', host], { cwd: join(repo, 'dist-emulator'), encoding: 'utf8', env: cleanEnv })) as { filename: string }[];
  const sdkVersion = (JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies['@aws-sdk/client-cognito-identity-provider'];
  writeFileSync(
    join(host, 'package.json'),
    JSON.stringify({
      name: 'emulator-host',
      private: true,
      type: 'module',
      dependencies: { 'cognito-mfa-emulator': `file:./${packed.filename}`, '@aws-sdk/client-cognito-identity-provider': sdkVersion },
      allowScripts: { 'better-sqlite3': true },
    }),
  );
  // Install scripts skipped: better-sqlite3's would compile SQLite (about a minute, without the
  // internet for its prebuilt binary). This repository's own build of the same version is reused;
  // another version is built as a user's install would.
  execFileSync(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', '--ignore-scripts'], { cwd: host, stdio: 'pipe', env: cleanEnv });
  const sqliteVersion = (dir: string) => (JSON.parse(readFileSync(join(dir, 'node_modules', 'better-sqlite3', 'package.json'), 'utf8')) as { version: string }).version;
  const binary = join('node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  if (sqliteVersion(repo) === sqliteVersion(host) && existsSync(join(repo, binary))) {
    mkdirSync(dirname(join(host, binary)), { recursive: true });
    copyFileSync(join(repo, binary), join(host, binary));
  } else {
    execFileSync(npm, ['rebuild', 'better-sqlite3', '--loglevel=error'], { cwd: host, stdio: 'pipe', env: cleanEnv });
  }
  writeFileSync(join(host, 'sign-in.mjs'), SIGN_IN);
  writeFileSync(join(host, 'via-api.mjs'), VIA_API);
  writeFileSync(join(host, 'typed.ts'), TYPED);
}, 300_000);
afterAll(() => rmSync(host, { recursive: true, force: true }));

describe('the packed emulator in a fresh project', () => {
  it('installs as plain JavaScript: no tsx, no sources of this repository', () => {
    expect(existsSync(join(host, 'node_modules', 'cognito-mfa-emulator', 'cli.js'))).toBe(true);
    expect(existsSync(join(host, 'node_modules', 'cognito-mfa-emulator', 'api.d.ts'))).toBe(true);
    expect(existsSync(join(host, 'node_modules', 'tsx'))).toBe(false);
    expect(existsSync(join(host, 'node_modules', 'cognito-mfa-emulator', 'test'))).toBe(false);
  });

  it('starts through its bin, prints where it listens, serves a sign-in, and stops on SIGTERM', async () => {
    const child = spawn(join(host, 'node_modules', '.bin', 'cognito-mfa-emulator'), ['--port', '0', '--in-memory'], { cwd: host, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "listening on" line: ${output}`)), 20_000);
      child.stdout.on('data', () => {
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (match) (clearTimeout(timer), resolve(match[1]));
      });
    });
    const signedIn = execFileSync(process.execPath, ['--input-type=module', '-e', `import { signInAgainst } from './sign-in.mjs'; console.log(await signInAgainst(${JSON.stringify(url)}));`], {
      cwd: host,
      encoding: 'utf8',
    });
    expect(signedIn.trim().split('\n').pop()).toBe('true');
    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  }, 60_000);

  it('starts through its API on a free port, serves a sign-in, and stops so the process can end', () => {
    const out = execFileSync(process.execPath, ['via-api.mjs'], { cwd: host, encoding: 'utf8', timeout: 30_000 });
    expect(JSON.parse(out.trim().split('\n').pop()!)).toEqual({ signedIn: true });
  }, 60_000);

  it('has types that check in a strict project (no skipLibCheck, no @types of its own)', () => {
    const tsc = join(repo, 'node_modules', 'typescript', 'bin', 'tsc');
    const args = ['--noEmit', '--strict', '--skipLibCheck', 'false', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--types', '', 'typed.ts'];
    expect(() => execFileSync(process.execPath, [tsc, ...args], { cwd: host, encoding: 'utf8' })).not.toThrow();
  }, 60_000);
});
