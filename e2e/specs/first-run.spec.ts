/**
 * The README's first command, as a new user runs it: `npm start` in a fresh copy of the repository
 * (only the files git tracks or would track: nothing that exists only on this machine, no .data/,
 * no public/config.json), then `password-user` signs in through the browser. Stopping `npm start`
 * must stop everything it started.
 */
import { chromium, expect, test } from '@playwright/test';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../..', import.meta.url));

test.describe.configure({ mode: 'serial', timeout: 180_000 });

/** A copy of the working tree as a clone would have it (tracked and untracked-but-not-ignored files). */
function freshCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'first-run-'));
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: repo, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of files) {
    if (!existsSync(join(repo, file))) continue; // deleted in the working tree, not yet committed
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(join(repo, file), join(dir, file));
  }
  // `npm install` is the user's first step; its result is the one thing borrowed from this checkout.
  symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

const isListening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

/** Processes whose command line names this copy's folder or its ports (the emulator, Vite, start.mjs). */
function processesOf(dir: string, ports: number[]): string[] {
  const lines = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).split('\n');
  return lines.filter((l) => ports.some((p) => l.includes(`--port ${p}`)) || l.includes(dir)).filter((l) => !l.includes('ps -eo'));
}

interface Started {
  npm: ChildProcess;
  output: () => string;
  emulatorPort: number;
  appPort: number;
  tlsPort: number;
}

async function npmStart(dir: string): Promise<Started> {
  const [emulatorPort, appPort, tlsPort] = [await freePort(), await freePort(), await freePort()];
  const env = { ...process.env, EMULATOR_PORT: String(emulatorPort), APP_PORT: String(appPort), EMULATOR_TLS_PORT: String(tlsPort) };
  const npm = spawn('npm', ['start'], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  npm.stdout!.on('data', (c) => (output += c));
  npm.stderr!.on('data', (c) => (output += c));
  const ready = `App: http://localhost:${appPort}`;
  for (const deadline = Date.now() + 90_000; !output.includes(ready) && npm.exitCode === null && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 250));
  expect(output, 'npm start prints the app URL when it is ready').toContain(ready);
  return { npm, output: () => output, emulatorPort, appPort, tlsPort };
}

const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

let dir: string;
test.beforeAll(() => void (dir = freshCopy()));
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('npm start on a fresh copy serves the app, prints the demo users, and password-user signs in', async ({ page }) => {
  expect(existsSync(join(dir, 'public', 'config.json'))).toBe(false);
  const started = await npmStart(dir);
  try {
    expect(started.output()).toMatch(/password-user\s+Demo-Passw0rd!/);
    expect(started.output()).toContain(`listening on http://127.0.0.1:${started.emulatorPort}`);
    await page.goto(`http://localhost:${started.appPort}/`);
    await page.getByLabel('Username').fill('password-user');
    await page.getByLabel('Password', { exact: true }).fill('Demo-Passw0rd!');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('signed-in-user')).toHaveText('Signed in as password-user.', { timeout: 30_000 });
  } finally {
    // SIGTERM to npm, as a process manager or `kill` would send it: nothing may stay behind.
    started.npm.kill('SIGTERM');
    await exited(started.npm);
  }
  await expect.poll(() => isListening(started.emulatorPort), { timeout: 10_000 }).toBe(false);
  await expect.poll(() => isListening(started.appPort), { timeout: 10_000 }).toBe(false);
  await expect.poll(() => processesOf(dir, [started.emulatorPort, started.appPort]), { timeout: 10_000 }).toEqual([]);
});

test('a second npm start reuses the seeded pool; the demo\'s Google and SSO sign-ins work in Chromium trusting the printed key; it stops when the emulator dies', async () => {
  const started = await npmStart(dir);
  expect(started.output()).toMatch(/using demo pool/);
  // The README's one step for Chromium: trust the emulator's key, as npm start prints it.
  const spki = /--ignore-certificate-errors-spki-list=(\S+)\)/.exec(started.output())?.[1];
  expect(spki, 'npm start prints the key to trust').toBeTruthy();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', `--ignore-certificate-errors-spki-list=${spki}`],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`http://localhost:${started.appPort}/`);
    await page.getByRole('button', { name: 'Continue with Google (demo)' }).click();
    await page.getByLabel('E-mail address').fill('demo.person@gmail.example');
    await page.getByLabel('Name').fill('Demo Person');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByTestId('signed-in-with')).toHaveText('Signed in with Google (demo)', { timeout: 30_000 });
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByLabel('Username').fill('anyone@acme.example');
    await page.locator('form').getByRole('button', { name: 'Continue with Acme SSO' }).click();
    await page.getByLabel('E-mail address').fill('anyone@acme.example');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByTestId('signed-in-with')).toHaveText('Signed in with Acme SSO', { timeout: 30_000 });
  } finally {
    await browser.close();
  }
  const emulator = processesOf(dir, [started.emulatorPort]).find((l) => l.includes('emulator/cli.ts'));
  expect(emulator, 'the emulator process').toBeTruthy();
  process.kill(Number(emulator!.trim().split(/\s+/)[0]), 'SIGKILL');
  await exited(started.npm);
  expect(started.npm.exitCode).not.toBe(0);
  expect(started.output()).toContain('emulator stopped');
  await expect.poll(() => isListening(started.appPort), { timeout: 10_000 }).toBe(false);
  await expect.poll(() => processesOf(dir, [started.emulatorPort, started.appPort]), { timeout: 10_000 }).toEqual([]);
});
