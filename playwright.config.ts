import { defineConfig } from '@playwright/test';

export const PREVIEW_PORT = Number(process.env.E2E_PREVIEW_PORT ?? 4317);
/** A second origin (same host, other port) for the relying app, popup opener and iframe host. */
export const RELYING_PORT = PREVIEW_PORT + 1;

export default defineConfig({
  testDir: 'e2e/specs',
  fullyParallel: true,
  // Three on two cores: the tests wait on the network and timers much of the time (5.4 rather than
  // 6.8 minutes here); each worker has its own emulator.
  workers: 3,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${PREVIEW_PORT}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
    trace: 'off',
  },
  webServer: {
    // The production build, served the way it is deployed.
    command: `npx vite build --logLevel warn && npx vite build --mode examples --logLevel warn && node scripts/serve-dist.mjs --port ${PREVIEW_PORT} --port ${RELYING_PORT} --connect-src 'http://127.0.0.1:* https://localhost:*' --frame-ancestors "'self' http://127.0.0.1:${RELYING_PORT}" --frame-src "'self' http://127.0.0.1:${PREVIEW_PORT}"`,
    url: `http://127.0.0.1:${PREVIEW_PORT}`,
    reuseExistingServer: false,
    timeout: 120_000,
  },
});
