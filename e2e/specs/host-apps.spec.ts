/**
 * The packed library in two fresh host apps, React 18 and React 19 (e2e/hosts/make-hosts.ts: type-
 * checked strictly and built in beforeAll). In each, against the emulator: the host's own Amplify
 * category survives the sign-in, the host page has no landmark clashes, and a password user and an
 * SMS user sign in through <SignIn>.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type HostName, makeHosts } from '../hosts/make-hosts';
import { axe } from '../fixtures/axe';
import { expect, signIn, test } from '../fixtures/emulator';

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const root = mkdtempSync(join(tmpdir(), 'host-apps-'));
const servers: ChildProcess[] = [];
const origins = {} as Record<HostName, string>;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(600_000);
  const dists = makeHosts(root);
  for (const [name, dist] of Object.entries(dists) as [HostName, string][]) {
    const port = await freePort();
    const server = spawn(process.execPath, ['scripts/serve-dist.mjs', '--dir', dist, '--port', String(port), '--connect-src', 'http://127.0.0.1:*'], { stdio: ['ignore', 'pipe', 'inherit'] });
    servers.push(server);
    await new Promise<void>((resolve) => server.stdout!.on('data', (c) => String(c).includes('serving') && resolve()));
    origins[name] = `http://127.0.0.1:${port}`;
  }
});

test.afterAll(() => {
  for (const s of servers) s.kill('SIGTERM');
  rmSync(root, { recursive: true, force: true });
});

for (const host of ['react18', 'react19'] as const) {
  test.describe(`host app on ${host === 'react18' ? 'React 18' : 'React 19'}`, () => {
    test('keeps the host page in charge: its Amplify category, its <main>, no landmark clashes; a password user signs in', async ({ page, pool }) => {
      await pool.createUser(`${host}-plain`);
      await page.goto(`${origins[host]}/`);
      await expect(page.getByRole('region', { name: 'Sign in' })).toBeVisible();
      await expect(page.locator('main')).toHaveCount(1);
      const results = await axe(page).withRules(['landmark-main-is-top-level', 'landmark-no-duplicate-main', 'landmark-unique', 'landmark-one-main', 'duplicate-id']).analyze();
      expect(results.violations.map((v) => v.id)).toEqual([]);
      await signIn(page, `${host}-plain`);
      await expect(page.getByTestId('host-user')).toHaveText(`${host}-plain: API,Auth`);
    });

    test('an SMS user signs in with the code', async ({ page, pool, sms }) => {
      await pool.createUser(`${host}-sms`, { phone: '+12065550401', sms: true });
      await page.goto(`${origins[host]}/`);
      await signIn(page, `${host}-sms`);
      await expect(page.getByText('We sent a code to +*******0401.')).toBeVisible();
      await page.getByLabel('6-digit code').fill((await sms.latest(`${host}-sms`)).code);
      await page.getByRole('button', { name: 'Continue' }).click();
      await expect(page.getByTestId('host-user')).toHaveText(`${host}-sms: API,Auth`);
    });
  });
}
