/**
 * "Typeable on Slow 4G": the time from navigation until a character typed into the password field
 * is there, with Chromium throttled to Slow 4G (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up)
 * and its CPU slowed 4×, median of cold loads. Three apps built and served (gzip) in the same run:
 * this app (dist/, prerendered), the floor (React + the same aws-amplify/auth calls, a bare form),
 * and Amplify UI's <Authenticator>. It also checks that what was typed is still there once the
 * page has settled (the app's takeover must not lose it).
 */
import { chromium } from '@playwright/test';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BENCH_POOL, buildFloor, firstRouteJs } from './bundle.js';

const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
const CPU_SLOWDOWN = 4;

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

async function serve(dir: string): Promise<{ url: string; stop: () => void }> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['scripts/serve-dist.mjs', '--dir', dir, '--port', String(port), '--gzip'], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
  return { url: `http://127.0.0.1:${port}/`, stop: () => child.kill() };
}

/**
 * Amplify UI's <Authenticator>, from bench/authenticator-app: a project of its own (installed here on
 * first use, from its lock file), since Amplify UI needs XState 4 and @xstate/react 3 beside this
 * project's XState 5 and React 19. Built with the same Vite settings as the other two.
 */
function buildAuthenticator(): string {
  const project = resolve('bench/authenticator-app');
  if (!existsSync(join(project, 'node_modules'))) {
    execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--legacy-peer-deps', '--loglevel', 'error'], { cwd: project, stdio: 'inherit' });
  }
  const dir = mkdtempSync(join(tmpdir(), 'bench-authenticator-'));
  writeFileSync(
    join(project, 'src/main.tsx'),
    `import { createRoot } from 'react-dom/client';
import { Amplify } from 'aws-amplify';
import { Authenticator } from '@aws-amplify/ui-react';
import '@aws-amplify/ui-react/styles.css';
Amplify.configure({ Auth: { Cognito: ${JSON.stringify(BENCH_POOL)} } });
createRoot(document.getElementById('root')!).render(<Authenticator>{({ signOut }) => <button onClick={signOut}>Sign out</button>}</Authenticator>);
`,
  );
  writeFileSync(
    join(dir, 'vite.config.mjs'),
    `import react from '${resolve('node_modules/@vitejs/plugin-react/dist/index.js')}';
export default { root: '${project}', plugins: [react()], build: { outDir: '${dir}/dist', emptyOutDir: true, target: 'es2022', modulePreload: { polyfill: false } }, logLevel: 'warn' };
`,
  );
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', join(dir, 'vite.config.mjs')], { stdio: 'inherit' });
  return dir;
}

interface Load {
  typeableMs: number;
  kept: boolean;
}

async function loadOnce(browser: import('@playwright/test').Browser, url: string): Promise<Load> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  try {
    await page.goto(url, { waitUntil: 'commit' });
    const password = page.locator('input[type=password]').first();
    // Type as soon as the field takes input; measured by the page's own clock from navigation start.
    await password.pressSequentially('x', { timeout: 30_000 });
    const typeableMs = await page.evaluate(() => {
      const field = document.querySelector<HTMLInputElement>('input[type=password]');
      return field?.value.includes('x') ? performance.now() : -1;
    });
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    const kept = await password.evaluate((field: HTMLInputElement) => field.value === 'x');
    return { typeableMs: Math.round(typeableMs), kept };
  } finally {
    await context.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function measureTypeable(runs = 3): Promise<Record<string, unknown>> {
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    console.log(`typeable: skipped, no Chromium at ${executablePath} (npm run test:e2e installs it)`);
    return { skipped: `no Chromium at ${executablePath}` };
  }
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  const appDir = mkdtempSync(join(tmpdir(), 'bench-app-'));
  cpSync('dist', appDir, { recursive: true });
  writeFileSync(join(appDir, 'config.json'), JSON.stringify({ ...BENCH_POOL, region: 'eu-west-1', appName: 'Bench' }));
  const floorDir = buildFloor();
  const authenticatorDir = buildAuthenticator();
  const apps = { app: appDir, floor: join(floorDir, 'dist'), authenticator: join(authenticatorDir, 'dist') };
  const browser = await chromium.launch({ executablePath });
  const servers: { stop: () => void }[] = [];
  try {
    const result: Record<string, { typeableMs: number; runsMs: number[]; keptTyping: boolean; firstScreenJsKiB: number }> = {};
    for (const [name, dir] of Object.entries(apps)) {
      const server = await serve(dir);
      servers.push(server);
      await loadOnce(browser, server.url); // warm the server's and the OS's caches, not the browser's
      const loads: Load[] = [];
      for (let i = 0; i < runs; i++) loads.push(await loadOnce(browser, server.url));
      result[name] = {
        typeableMs: median(loads.map((l) => l.typeableMs)),
        runsMs: loads.map((l) => l.typeableMs),
        keptTyping: loads.every((l) => l.kept),
        firstScreenJsKiB: +(firstRouteJs(dir).gzipBytes / 1024).toFixed(1),
      };
    }
    const ratio = (name: string) => +(result[name].typeableMs / result.floor.typeableMs).toFixed(2);
    const summary = { ...result, appVsFloor: ratio('app'), authenticatorVsFloor: ratio('authenticator') };
    console.log(
      `typeable on Slow 4G, CPU ${CPU_SLOWDOWN}x (median of ${runs}): app ${result.app.typeableMs} ms (${summary.appVsFloor}x floor), floor ${result.floor.typeableMs} ms, Authenticator ${result.authenticator.typeableMs} ms (${summary.authenticatorVsFloor}x); typing kept: ${result.app.keptTyping}; ` +
        `first-screen JS: app ${result.app.firstScreenJsKiB} KiB, floor ${result.floor.firstScreenJsKiB} KiB, Authenticator ${result.authenticator.firstScreenJsKiB} KiB`,
    );
    return summary;
  } finally {
    for (const s of servers) s.stop();
    await browser.close();
    for (const d of [appDir, floorDir, authenticatorDir]) rmSync(d, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await measureTypeable(Number(process.argv[2] ?? 3));
}
