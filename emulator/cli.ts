#!/usr/bin/env node
/**
 * npm run emulator -- [--port 9229] [--tls-port 9230 | off] [--in-memory] [--host 127.0.0.1] [--data .data] [--seed] [--test-hooks] [--config-out public/config.json] [--lambda <function name>=<module path> ...]
 * npm run emulator:cli -- sms [--username u] [--pool id] [--data .data]
 * npm run emulator:cli -- users [--pool id] [--data .data]
 * npm run emulator:cli -- create-user --pool id --username u --password p [--phone +1...] [--email e] [--data .data]
 */
import cluster from 'node:cluster';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { callAdmin } from './admin.js';
import { DEMO_LAMBDAS } from './demo-lambdas/index.js';
import { DEMO_FEDERATION, DEMO_USERS, seedDemo } from './seed.js';
import { createServices, startEmulator } from './server.js';
import { MEMORY } from './services/store.js';
import { loadOrCreateTls } from './services/tls.js';
import { EmulatorStartError, StoreError } from './start-errors.js';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: 'string', default: '9229' },
    /** The pool domains' and test IdP's HTTPS port: the API port + 1 unless given; "off" for none. */
    'tls-port': { type: 'string' },
    host: { type: 'string', default: '127.0.0.1' },
    data: { type: 'string', default: '.data' },
    'in-memory': { type: 'boolean', default: false },
    seed: { type: 'boolean', default: false },
    'test-hooks': { type: 'boolean', default: false },
    'config-out': { type: 'string' },
    /** With --seed: the app's origin, whose URL the demo client may send sign-ins back to (federation). */
    'app-origin': { type: 'string' },
    workers: { type: 'string', default: '1' },
    /** --lambda <function name>=<module path>, repeatable: the code LambdaConfig's triggers run. */
    lambda: { type: 'string', multiple: true },
    username: { type: 'string' },
    pool: { type: 'string' },
    password: { type: 'string' },
    phone: { type: 'string' },
    email: { type: 'string' },
  },
});

/** Offline commands work on the data folder directly (SQLite WAL lets them run beside a live server). */
const offlineServices = () => createServices({ dataDir: values.data, log: console.log, issuerBase: () => 'http://offline' });

/**
 * --workers N: N processes share the port (node:cluster) and the SQLite file (WAL). The test clock
 * lives in a process's memory, so --test-hooks needs a single worker.
 */
/** --lambda name=path (repeatable) as the emulator's `lambdas` option. */
function lambdaOption(): Record<string, string> {
  const lambdas: Record<string, string> = {};
  for (const entry of values.lambda ?? []) {
    const at = entry.indexOf('=');
    if (at < 1 || at === entry.length - 1) throw new Error(`--lambda takes <function name>=<module path>, not ${entry}`);
    lambdas[entry.slice(0, at)] = resolve(entry.slice(at + 1));
  }
  return lambdas;
}

async function serveCluster(workers: number): Promise<void> {
  if (values['test-hooks'] || values.seed || values['in-memory']) throw new Error('--test-hooks, --seed and --in-memory need a single worker (the test clock and an in-memory store are per process; seed once with one)');
  if (cluster.isPrimary) {
    // The certificate is made once, before the workers read it.
    if (tlsPort() !== false) await loadOrCreateTls(join(values.data, 'tls'));
    let url = '';
    for (let i = 0; i < workers; i++) {
      const worker = cluster.fork();
      worker.on('message', (m: { listening?: string }) => {
        if (m.listening && !url) {
          url = m.listening;
          console.log(`listening on ${url} (${workers} workers)`);
        }
      });
    }
    cluster.on('exit', (worker, code, signal) => {
      if (!stopping) console.error(`worker ${worker.process.pid} exited (${signal ?? code})`);
    });
    let stopping = false;
    const stop = () => {
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.kill('SIGTERM');
      setTimeout(() => process.exit(0), 2000).unref();
      cluster.on('exit', () => Object.keys(cluster.workers ?? {}).length === 0 && process.exit(0));
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
    return;
  }
  const emulator = await startEmulator({ dataDir: values.data, host: values.host, port: Number(values.port), tlsPort: tlsPort(), lambdas: lambdaOption() });
  process.send?.({ listening: emulator.url });
  process.once('SIGTERM', () => void emulator.close().then(() => process.exit(0)));
}

/** --tls-port: a port, "off", or (left out) the one after --port (any free one when --port is 0). */
function tlsPort(): number | false {
  const given = values['tls-port'];
  if (given === 'off') return false;
  if (given !== undefined) return Number(given);
  return Number(values.port) === 0 ? 0 : Number(values.port) + 1;
}

async function serve(): Promise<void> {
  const workers = Number(values.workers);
  if (workers > 1) return serveCluster(workers);
  const emulator = await startEmulator({
    dataDir: values['in-memory'] ? MEMORY : values.data,
    host: values.host,
    port: Number(values.port),
    testHooks: values['test-hooks'],
    tlsPort: tlsPort(),
    // The demo pool's triggers run with --seed; --lambda adds (or replaces) functions.
    lambdas: { ...(values.seed ? DEMO_LAMBDAS : {}), ...lambdaOption() },
  });
  if (values.seed) {
    const { config, created } = await seedDemo(emulator.services, emulator.url, values['app-origin']);
    const configOut = values['config-out'];
    if (configOut) {
      mkdirSync(dirname(configOut), { recursive: true });
      // SIGNIN_PASSWORDLESS=1 npm start: the demo app signs in username-first (choice-based sign-in).
      // SIGNIN_AUTH_FLOW=customWithSrp | customWithoutSrp | password: how the demo app starts a sign-in (README).
      const written = { ...config, passwordless: process.env.SIGNIN_PASSWORDLESS === '1', authFlow: process.env.SIGNIN_AUTH_FLOW || 'srp' };
      writeFileSync(configOut, `${JSON.stringify(written, null, 2)}\n`);
    }
    console.log(`${created ? 'created' : 'using'} demo pool ${config.userPoolId}, app client ${config.userPoolClientId}`);
    console.log('demo users:');
    const width = Math.max(...DEMO_USERS.map((u) => u.username.length)) + 1;
    for (const u of DEMO_USERS) console.log(`  ${u.username.padEnd(width)} ${u.password.padEnd(16)} ${u.what}`);
    if (config.oauth) {
      console.log('federated sign-in (at the app):');
      for (const f of DEMO_FEDERATION) console.log(`  ${f.username.padEnd(30)} ${f.what}`);
    }
  }
  console.log(`SMS and e-mail codes are printed here and served at ${emulator.url}/_emulator/outbox?username=<user>`);
  if (emulator.tlsUrl && emulator.tls) {
    console.log(`pool domains and the test identity provider: ${emulator.tlsUrl}/<domain>/oauth2/... and ${emulator.tlsUrl}/_idp/`);
    console.log(`  its certificate authority: ${emulator.tls.caFile ?? '(in memory)'}  (Node: NODE_EXTRA_CA_CERTS; Chromium: --ignore-certificate-errors-spki-list=${emulator.tls.spki})`);
  }
  console.log(`listening on ${emulator.url}`);
  const stop = () => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

async function main(): Promise<void> {
  const command = positionals[0] ?? 'serve';
  if (command === 'serve') return serve();
  // Say which data the answer comes from: an empty answer from the wrong folder looks like no data.
  // Reading commands never create a data folder where there is none.
  const folder = resolve(values.data);
  if (!existsSync(join(folder, 'cognito.sqlite'))) {
    console.error(`No emulator data in ${folder}: start the emulator first (npm start), or pass --data <folder>.`);
    process.exitCode = 1;
    return;
  }
  console.error(`data folder: ${folder}`);
  const services = offlineServices();
  try {
    if (command === 'sms') {
      const messages = services.store.readOutbox({ username: values.username, poolId: values.pool }).filter((m) => m.channel === 'SMS');
      for (const m of messages) console.log(`${m.sentAt}  ${m.username.padEnd(16)} ${m.destination.padEnd(14)} ${m.code}  ${m.message}`);
      if (messages.length === 0) console.log('no messages');
    } else if (command === 'users') {
      const pools = values.pool ? services.store.listPools().filter((p) => p.id === values.pool) : services.store.listPools();
      for (const pool of pools) {
        console.log(`${pool.id} (${pool.name}, MFA ${pool.mfaConfiguration})`);
        for (const u of services.store.listUsers(pool.id)) {
          const mfa = [u.smsMfaEnabled && 'SMS', u.totpEnabled && 'TOTP'].filter(Boolean).join('+') || 'no MFA';
          console.log(`  ${u.username.padEnd(16)} ${u.status.padEnd(22)} ${mfa}`);
        }
      }
    } else if (command === 'create-user') {
      if (!values.pool || !values.username || !values.password) throw new Error('create-user needs --pool, --username and --password');
      const attributes = [
        ...(values.phone ? [{ Name: 'phone_number', Value: values.phone }] : []),
        ...(values.email ? [{ Name: 'email', Value: values.email }] : []),
      ];
      await callAdmin(services, 'AdminCreateUser', { UserPoolId: values.pool, Username: values.username, UserAttributes: attributes, MessageAction: 'SUPPRESS' });
      await callAdmin(services, 'AdminSetUserPassword', { UserPoolId: values.pool, Username: values.username, Password: values.password, Permanent: true });
      console.log(`created ${values.username}`);
    } else {
      throw new Error(`unknown command ${command}: use serve, sms, users or create-user`);
    }
  } finally {
    services.store.close();
  }
}

main().catch((e: unknown) => {
  // Reasons worded for the person starting the emulator are printed as they are.
  if (e instanceof EmulatorStartError || e instanceof StoreError) console.error(e.message);
  else console.error(e instanceof Error ? `${e.name}: ${e.message}` : e);
  process.exit(1);
});
