/**
 * The first screen and the sign-in on a phone: Chromium throttled to Slow 4G (150 ms round trip,
 * 1.6 Mbit/s down, 750 kbit/s up) with its CPU slowed 4x, median of cold loads. Three apps built and
 * served (gzip) in the same run, all signing in against the emulator: this app (dist/, prerendered),
 * the floor (React + the same aws-amplify/auth calls, a bare form that signs in), and Amplify UI's
 * <Authenticator>. Reported:
 * - typeable: navigation until the username field is painted, visible and enabled, with the main
 *   thread free to take a key (measured in the page, every frame) — the app in English, German,
 *   Arabic and Japanese browsers and in passwordless mode — then a character typed, to show it is
 *   taken and still there once the page has settled (the app's takeover must not lose it). Median of
 *   7 loads, round-robin over the variants. Also reported: when that character, sent by Playwright
 *   then, arrived;
 * - the sign-in typed at 120 ms a key as soon as the field shows, then Enter: the total, Enter to
 *   signed in (with its round trips and the browser's SRP work), and the JavaScript on the wire
 *   before the sign-in's first request could go out. Median of 7 rounds, each signing in once with
 *   each app; then the same for a password manager's autofill.
 */
import { type Browser, type CDPSession, chromium } from '@playwright/test';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BENCH_POOL, buildFloor, firstRouteJs } from './bundle.js';
import { startEmulatorProcess } from './emulator-process.js';
import { BENCH_PASSWORD, setUpPool } from './load.js';

const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
// BENCH_CPU=1: a desktop's CPU on the same slow link (the 4x slower phone is the default).
const CPU_SLOWDOWN = Number(process.env.BENCH_CPU ?? 4);

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
  const child: ChildProcess = spawn(process.execPath, ['scripts/serve-dist.mjs', '--dir', dir, '--port', String(port), '--gzip', '--connect-src', 'http://127.0.0.1:*'], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
  return { url: `http://127.0.0.1:${port}/`, stop: () => child.kill() };
}

/**
 * Amplify UI's <Authenticator>, from bench/authenticator-app: a project of its own (installed here on
 * first use, from its lock file), since Amplify UI needs XState 4 and @xstate/react 3 beside this
 * project's XState 5 and React 19. Built with the same Vite settings as the other two.
 */
function buildAuthenticator(pool: Record<string, string> = BENCH_POOL): string {
  const project = resolve('bench/authenticator-app');
  if (!existsSync(join(project, 'node_modules'))) {
    execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--legacy-peer-deps', '--loglevel', 'error'], { cwd: project, stdio: 'inherit' });
  }
  const dir = mkdtempSync(join(tmpdir(), 'bench-authenticator-'));
  // src/ is written here, each run (it holds the run's pool): not in git.
  mkdirSync(join(project, 'src'), { recursive: true });
  writeFileSync(
    join(project, 'src/main.tsx'),
    `import { createRoot } from 'react-dom/client';
import { Amplify } from 'aws-amplify';
import { Authenticator } from '@aws-amplify/ui-react';
import '@aws-amplify/ui-react/styles.css';
Amplify.configure({ Auth: { Cognito: ${JSON.stringify(pool)} } });
createRoot(document.getElementById('root')!).render(<Authenticator>{({ signOut }) => <button data-testid="signed-in" onClick={signOut}>Sign out</button>}</Authenticator>);
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

/** Throttled like a phone on Slow 4G with a 4x slower CPU; no cache. `locale`: the browser's languages. */
async function throttledPage(browser: Browser, locale?: string) {
  const context = await browser.newContext(locale ? { locale } : {});
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  return { context, page, cdp };
}

const USERNAME_FIELD = 'input[name=username]';

interface Load {
  /** The first frame that paints the username field, visible and enabled, and the task after it (the main thread free to take a key). */
  typeableMs: number;
  /** When a key Playwright then sends reaches the field: typeableMs plus Playwright's own time to find the field and drive the page over CDP. */
  typedMs: number;
  kept: boolean;
}

/**
 * Measured in the page, each animation frame: the same for the three apps. A string, not a function,
 * so that no helper of the TypeScript loader ends up in the page.
 */
const TYPEABLE_PROBE = `(() => {
  const w = window;
  w.__benchTypeableReady = new Promise((resolve) => { w.__benchTypeableResolve = resolve; });
  document.addEventListener('input', (e) => { w.__benchTyped ??= e.timeStamp; }, true);
  const frame = () => {
    const field = document.querySelector(${JSON.stringify(USERNAME_FIELD)});
    if (field && !field.disabled && field.checkVisibility({ visibilityProperty: true })) {
      setTimeout(() => { w.__benchTypeable = performance.now(); w.__benchTypeableResolve(); }, 0);
      return;
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})()`;

/**
 * Until the page's probe says the field is typeable, waited for over CDP alone. Any Playwright locator
 * or waitForFunction meanwhile would inject Playwright's own script, a main-thread task of about 60 ms
 * at this CPU, which falls on a prerendered page's first paint but on the floor's idle wait for its
 * JavaScript: the comparison would be skewed.
 */
async function untilTypeable(cdp: CDPSession): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      await cdp.send('Runtime.evaluate', { expression: 'window.__benchTypeableReady', awaitPromise: true });
      return;
    } catch (e) {
      // The document (and the probe) may not be there yet.
      if (Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}

/** From navigation until the username field can be typed into (page's clock), then a character typed to prove it. */
async function loadOnce(browser: Browser, url: string, locale?: string): Promise<Load> {
  const { context, page, cdp } = await throttledPage(browser, locale);
  try {
    await page.addInitScript(TYPEABLE_PROBE);
    await page.goto(url, { waitUntil: 'commit' });
    await untilTypeable(cdp);
    await page.locator(USERNAME_FIELD).first().pressSequentially('x', { timeout: 30_000 });
    const { typeable, typed } = await page.evaluate(() => {
      const w = window as unknown as { __benchTypeable: number; __benchTyped?: number };
      return { typeable: w.__benchTypeable, typed: w.__benchTyped ?? -1 };
    });
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    const kept = await page.locator(USERNAME_FIELD).first().evaluate((input: HTMLInputElement) => input.value === 'x');
    return { typeableMs: Math.round(typeable), typedMs: Math.round(typed), kept };
  } finally {
    await context.close();
  }
}

interface SignInRun {
  /** Navigation to signed in, typing at 120 ms a key as soon as the form takes it. */
  totalMs: number;
  /** Enter to the signed-in screen. */
  enterToSignedInMs: number;
  /** JavaScript on the wire (gzip) before the sign-in's first request could go out. */
  jsBeforeSignInKiB: number;
  /** Where Enter → signed in went: the two round trips and the browser's SRP work between them. */
  initiateAuthMs: number;
  clientSrpMs: number;
  respondMs: number;
  /** Enter until the first request goes out, and the last answer until the signed-in screen: the app's own time. */
  beforeRequestMs: number;
  afterResponseMs: number;
}

const SIGNED_IN = '[data-testid=signed-in-user], [data-testid=signed-in]';

/** 120 ms a key: a steady typist. */
const KEY_INTERVAL_MS = 120;

/**
 * Types as a person does: each key at its own time (start + 120 ms × its place), whether or not the
 * page has handled the one before. The browser queues input while its main thread is busy, as it
 * does a keyboard's; Playwright's own typing waits for each key to be handled before the next
 * interval starts, so a page busy while the keys come would also type slower.
 */
async function typeAsAPerson(cdp: CDPSession, keys: string[]): Promise<void> {
  const SPECIAL: Record<string, { code: string; keyCode: number; text?: string }> = { Tab: { code: 'Tab', keyCode: 9 }, Enter: { code: 'Enter', keyCode: 13, text: '\r' } };
  const start = performance.now();
  const sent: Promise<unknown>[] = [];
  for (const [i, key] of keys.entries()) {
    const wait = start + i * KEY_INTERVAL_MS - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const special = SPECIAL[key];
    const down = special
      ? { key, code: special.code, windowsVirtualKeyCode: special.keyCode, ...(special.text ? { text: special.text } : {}) }
      : { key, text: key, unmodifiedText: key };
    sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...down }), cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key, ...(special ? { code: special.code, windowsVirtualKeyCode: special.keyCode } : {}) }));
  }
  await Promise.all(sent);
}

/** `autofill`: both fields filled at once as soon as the field shows, then Enter, as a password manager does. */
async function signInOnce(browser: Browser, url: string, username: string, password: string, endpoint: string, autofill = false): Promise<SignInRun> {
  const { context, page, cdp } = await throttledPage(browser);
  const scripts = new Map<string, { bytes: number; finishedAt?: number }>();
  const cognito = new Map<string, { op: string; sentAt: number; finishedAt?: number }>();
  cdp.on('Network.requestWillBeSent', (e) => {
    const target = e.request.headers['X-Amz-Target'] ?? e.request.headers['x-amz-target'];
    if (typeof target === 'string') cognito.set(e.requestId, { op: target.split('.').pop()!, sentAt: e.timestamp });
  });
  cdp.on('Network.responseReceived', (e) => {
    if (e.type === 'Script') scripts.set(e.requestId, { bytes: 0 });
  });
  cdp.on('Network.loadingFinished', (e) => {
    const script = scripts.get(e.requestId);
    if (script) Object.assign(script, { bytes: e.encodedDataLength, finishedAt: e.timestamp });
    const call = cognito.get(e.requestId);
    if (call) call.finishedAt = e.timestamp;
  });
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  await page.addInitScript((selector) => {
    const w = window as unknown as { __bench: { enter?: number; signedIn?: number } };
    w.__bench = {};
    document.addEventListener('keydown', (e) => e.key === 'Enter' && (w.__bench.enter ??= performance.now()), true);
    new MutationObserver(() => {
      if (w.__bench.signedIn === undefined && document.querySelector(selector)) w.__bench.signedIn = performance.now();
    }).observe(document, { childList: true, subtree: true });
  }, SIGNED_IN);
  await page.addInitScript(TYPEABLE_PROBE);
  try {
    await page.goto(url, { waitUntil: 'commit' });
    // The user starts as soon as the field shows (not when Playwright's own polling would find it).
    await untilTypeable(cdp);
    if (autofill) {
      await page.locator(USERNAME_FIELD).first().fill(username);
      await page.locator('input[name=password]').first().fill(password);
      await page.locator('input[name=password]').first().press('Enter');
    } else {
      // The field takes focus as a tap would (through CDP: a Playwright locator would add its own task).
      await cdp.send('Runtime.evaluate', { expression: `document.querySelector(${JSON.stringify(USERNAME_FIELD)}).focus()` });
      await typeAsAPerson(cdp, [...username, 'Tab', ...password, 'Enter']);
    }
    await page
      .locator(SIGNED_IN)
      .first()
      .waitFor({ timeout: 60_000 })
      .catch((e: Error) => {
        throw new Error(`${url}: not signed in (${problems.join('; ') || e.message})`);
      });
    const times = await page.evaluate(() => (window as unknown as { __bench: { enter: number; signedIn: number } }).__bench);
    // The page's own clock for the two requests (resource timing), so the app's time around them shows.
    const requests = await page.evaluate(
      ({ origin, after }) =>
        performance
          .getEntriesByType('resource')
          .filter((e) => e.name.startsWith(origin) && e.startTime >= after)
          .map((e) => ({ start: e.startTime, end: (e as PerformanceResourceTiming).responseEnd })),
      { origin: endpoint, after: times.enter },
    );
    const calls = [...cognito.values()];
    const initiate = calls.find((c) => c.op === 'InitiateAuth')!;
    const respond = calls.find((c) => c.op === 'RespondToAuthChallenge')!;
    const jsBytes = [...scripts.values()].filter((s) => s.finishedAt !== undefined && s.finishedAt <= initiate.sentAt).reduce((sum, s) => sum + s.bytes, 0);
    return {
      totalMs: Math.round(times.signedIn),
      enterToSignedInMs: Math.round(times.signedIn - times.enter),
      jsBeforeSignInKiB: +(jsBytes / 1024).toFixed(1),
      initiateAuthMs: Math.round((initiate.finishedAt! - initiate.sentAt) * 1000),
      clientSrpMs: Math.round((respond.sentAt - initiate.finishedAt!) * 1000),
      respondMs: Math.round((respond.finishedAt! - respond.sentAt) * 1000),
      beforeRequestMs: requests.length ? Math.round(requests[0]!.start - times.enter) : -1,
      afterResponseMs: requests.length ? Math.round(times.signedIn - requests[requests.length - 1]!.end) : -1,
    };
  } finally {
    await context.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const medianOf = <T extends object>(runs: T[]): T =>
  Object.fromEntries(Object.keys(runs[0]!).map((k) => [k, median(runs.map((r) => (r as Record<string, number>)[k]!))])) as T;

/** The app's variants for the typeable measure: a language (the browser's), or the username-first mode. */
const APP_VARIANTS: { name: string; locale?: string; passwordless?: boolean }[] = [
  { name: 'app en' },
  { name: 'app de', locale: 'de-DE' },
  { name: 'app ar', locale: 'ar-EG' },
  { name: 'app ja', locale: 'ja-JP' },
  { name: 'app passwordless', passwordless: true },
];

export async function measureTypeable(runs = 7, loadRuns = 7): Promise<Record<string, unknown>> {
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    console.log(`typeable: skipped, no Chromium at ${executablePath} (npm run test:e2e installs it)`);
    return { skipped: `no Chromium at ${executablePath}` };
  }
  // A real backend for the sign-ins: the emulator, a pool, one user (SRP; no MFA).
  const emulator = await startEmulatorProcess();
  const benchPool = await setUpPool(emulator.url, 1);
  const pool = { userPoolId: benchPool.poolId, userPoolClientId: benchPool.clientId, userPoolEndpoint: emulator.url };
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  const appConfig = { userPoolId: pool.userPoolId, userPoolClientId: pool.userPoolClientId, endpoint: emulator.url, region: 'us-east-1', appName: 'Bench', verifyEmail: false };
  const appDir = mkdtempSync(join(tmpdir(), 'bench-app-'));
  cpSync('dist', appDir, { recursive: true });
  writeFileSync(join(appDir, 'config.json'), JSON.stringify(appConfig));
  const passwordlessDir = mkdtempSync(join(tmpdir(), 'bench-app-passwordless-'));
  cpSync('dist', passwordlessDir, { recursive: true });
  writeFileSync(join(passwordlessDir, 'config.json'), JSON.stringify({ ...appConfig, passwordless: true }));
  // Deployed as the README says: the config's first-screen settings stamped into the page.
  for (const dir of [appDir, passwordlessDir]) execFileSync(process.execPath, ['scripts/stamp-first-screen.mjs', '--dir', dir], { stdio: 'ignore' });
  const floorDir = buildFloor(pool);
  const authenticatorDir = buildAuthenticator(pool);
  const dirs = { app: appDir, passwordless: passwordlessDir, floor: join(floorDir, 'dist'), authenticator: join(authenticatorDir, 'dist') };
  const browser = await chromium.launch({ executablePath });
  const servers: { stop: () => void }[] = [];
  try {
    const urls: Record<string, string> = {};
    for (const [name, dir] of Object.entries(dirs)) {
      const server = await serve(dir);
      servers.push(server);
      urls[name] = server.url;
    }
    const typeable: Record<string, { typeableMs: number; runsMs: number[]; typedMs: number; keptTyping: boolean; vsFloor?: number; typedVsFloor?: number }> = {};
    // Round-robin: each round loads every variant once, so a machine that slows down or speeds up
    // during the run weighs on all of them alike (blocks of one variant at a time skewed the ratios).
    const variants: { name: string; url: string; locale?: string }[] = [{ name: 'floor', url: urls.floor! }, { name: 'authenticator', url: urls.authenticator! }, ...APP_VARIANTS.map((v) => ({ name: v.name, url: v.passwordless ? urls.passwordless! : urls.app!, locale: v.locale }))];
    // BENCH_SIGN_IN_ONLY=1: the sign-in timing alone (a quicker look at Enter → signed in).
    if (process.env.BENCH_SIGN_IN_ONLY !== '1') {
      const loads = new Map<string, Load[]>(variants.map((v) => [v.name, []]));
      for (const v of variants) await loadOnce(browser, v.url, v.locale); // warm the server's and the OS's caches, not the browser's
      for (let i = 0; i < loadRuns; i++) for (const v of variants) loads.get(v.name)!.push(await loadOnce(browser, v.url, v.locale));
      for (const [name, runsOf] of loads) {
        typeable[name] = {
          typeableMs: median(runsOf.map((l) => l.typeableMs)),
          runsMs: runsOf.map((l) => l.typeableMs),
          typedMs: median(runsOf.map((l) => l.typedMs)),
          keptTyping: runsOf.every((l) => l.kept && l.typedMs > 0),
        };
      }
      for (const entry of Object.values(typeable)) {
        entry.vsFloor = +(entry.typeableMs / typeable.floor!.typeableMs).toFixed(2);
        entry.typedVsFloor = +(entry.typedMs / typeable.floor!.typedMs).toFixed(2);
      }
    }

    // Sign-ins round-robin too: a round signs in once with each app.
    const APPS = ['floor', 'authenticator', 'app'] as const;
    const signInMedians = async (autofill: boolean) => {
      const measured = new Map<string, SignInRun[]>(APPS.map((name) => [name, []]));
      for (let i = 0; i < runs; i++) for (const name of APPS) measured.get(name)!.push(await signInOnce(browser, urls[name]!, benchPool.usernames[0]!, BENCH_PASSWORD, emulator.url, autofill));
      return Object.fromEntries(APPS.map((name) => [name, medianOf(measured.get(name)!)])) as Record<(typeof APPS)[number], SignInRun>;
    };
    for (const name of APPS) await signInOnce(browser, urls[name]!, benchPool.usernames[0]!, BENCH_PASSWORD, emulator.url); // warm-up
    const signIn: Record<string, SignInRun & { totalVsFloor?: number; enterVsFloor?: number }> = await signInMedians(false);
    // A password manager's user: no typing, so the first screen's head start is all of the difference.
    const autofilled: Record<string, { totalMs: number; enterToSignedInMs: number; jsBeforeSignInKiB: number; totalVsFloor?: number }> = {};
    for (const [name, { totalMs, enterToSignedInMs, jsBeforeSignInKiB }] of Object.entries(await signInMedians(true))) autofilled[name] = { totalMs, enterToSignedInMs, jsBeforeSignInKiB };
    for (const entry of Object.values(signIn)) {
      entry.totalVsFloor = +(entry.totalMs / signIn.floor!.totalMs).toFixed(2);
      entry.enterVsFloor = +(entry.enterToSignedInMs / signIn.floor!.enterToSignedInMs).toFixed(2);
    }
    for (const entry of Object.values(autofilled)) entry.totalVsFloor = +(entry.totalMs / autofilled.floor!.totalMs).toFixed(2);
    const jsFirstRoute = { app: firstRouteJs(appDir).gzipBytes, floor: firstRouteJs(dirs.floor).gzipBytes, authenticator: firstRouteJs(dirs.authenticator).gzipBytes };
    console.log(`Slow 4G, CPU ${CPU_SLOWDOWN}x. Typeable (username field), median of ${loadRuns}:`);
    for (const [name, t] of Object.entries(typeable)) {
      console.log(`  ${name.padEnd(17)} ${String(t.typeableMs).padStart(5)} ms  ${t.vsFloor}x floor  (a key sent then arrived at ${t.typedMs} ms, ${t.typedVsFloor}x)  typing kept: ${t.keptTyping}`);
    }
    console.log(`Sign-in typed at 120 ms a key as soon as the field shows, median of ${runs}:`);
    for (const [name, r] of Object.entries(signIn)) {
      console.log(
        `  ${name.padEnd(13)} total ${r.totalMs} ms (${r.totalVsFloor}x floor), Enter → signed in ${r.enterToSignedInMs} ms (${r.enterVsFloor}x): Enter to the first request ${r.beforeRequestMs} ms, InitiateAuth ${r.initiateAuthMs} ms, SRP in the browser ${r.clientSrpMs} ms, RespondToAuthChallenge ${r.respondMs} ms, the last answer to the screen ${r.afterResponseMs} ms; JS before the sign-in could be sent ${r.jsBeforeSignInKiB} KiB`,
      );
    }
    console.log(`Autofilled (both fields at once as soon as the field shows, then Enter), median of ${runs}:`);
    for (const [name, r] of Object.entries(autofilled)) console.log(`  ${name.padEnd(13)} total ${r.totalMs} ms (${r.totalVsFloor}x floor), Enter → signed in ${r.enterToSignedInMs} ms; JS before the sign-in could be sent ${r.jsBeforeSignInKiB} KiB`);
    return { runs, loadRuns, typeable, signIn, autofilled, firstRouteJsGzipBytes: jsFirstRoute, firstScreenScriptGzipBytes: gzipSync(readFileSync(join(appDir, 'first-screen.js'))).length };
  } finally {
    for (const s of servers) s.stop();
    await browser.close();
    await emulator.stop();
    for (const d of [appDir, passwordlessDir, floorDir, authenticatorDir]) rmSync(d, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await measureTypeable(Number(process.argv[2] ?? 7));
}
