/**
 * npm run bench: emulator sign-in throughput and latency (real SRP vs USER_PASSWORD_AUTH as the
 * baseline, same run; one user signed in by every client beside many users), the first route's JS size vs a floor app built in the same run,
 * and how soon the sign-in form is typeable on Slow 4G beside the floor and Amplify UI's Authenticator (typeable.ts).
 * Then the full sign-in mix for 60 s, 10 000 fuzz cases and 10 kill -9 rounds (--skip-reliability),
 * and the emulator's cold start: the packaged bin beside npm run emulator.
 * Options: --seconds N (per phase, default 20), --concurrency N (default 32), --mix-seconds, --fuzz-cases,
 * --crash-rounds, --skip-bundle, --skip-load, --skip-reliability.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { measureBundles } from './bundle.js';
import { measureColdStart } from './cold-start.js';
import { measureHostApps } from './host-apps.js';
import { measureTypeable } from './typeable.js';
import { startEmulatorProcess } from './emulator-process.js';
import { runCrashRounds } from '../emulator/test/crash-run.js';
import { callCognito } from '../emulator/test/client.js';
import { fuzzEmulator } from '../emulator/test/fuzz-cases.js';
import { BENCH_PASSWORD, type Flow, passwordSignIn, percentile, runLoad, setUpPool, srpSignIn } from './load.js';
import { runMix, setUpMixPool } from './mix.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '20' },
    concurrency: { type: 'string', default: '32' },
    'mix-seconds': { type: 'string', default: '60' },
    'fuzz-cases': { type: 'string', default: '10000' },
    'crash-rounds': { type: 'string', default: '10' },
    'skip-bundle': { type: 'boolean', default: false },
    'skip-load': { type: 'boolean', default: false },
    'skip-reliability': { type: 'boolean', default: false },
  },
});
const seconds = Number(values.seconds);
const concurrency = Number(values.concurrency);
/** The throughput goal, offered as a steady load to measure latency at it. */
const RATE = 150;
const report: Record<string, unknown> = { date: new Date().toISOString(), cpus: (await import('node:os')).cpus().length };

async function phase(name: string, makeFlow: (url: string, pool: Awaited<ReturnType<typeof setUpPool>>) => Flow, options: { workers?: number; rate?: number; users?: number } = {}) {
  const emulator = await startEmulatorProcess(options.workers ? ['--workers', String(options.workers)] : []);
  try {
    const pool = await setUpPool(emulator.url, options.users ?? concurrency);
    await runLoad(pool, makeFlow(emulator.url, pool), concurrency, 2); // warm-up: JIT, SQLite page cache
    const cpuBefore = emulator.cpuSeconds();
    const clientBefore = process.cpuUsage();
    const result = await runLoad(pool, makeFlow(emulator.url, pool), concurrency, seconds, options.rate);
    const cpu = emulator.cpuSeconds() - cpuBefore;
    const client = process.cpuUsage(clientBefore);
    const sorted = result.latenciesMs.sort((a, b) => a - b);
    const summary = {
      signInsPerSecond: +(result.completed / result.seconds).toFixed(1),
      p50ms: +percentile(sorted, 50).toFixed(1),
      p99ms: +percentile(sorted, 99).toFixed(1),
      errors: result.errors,
      completed: result.completed,
      serverCpuMsPerSignIn: +((cpu * 1000) / Math.max(result.completed, 1)).toFixed(2),
      // The generator shares the 2 cores: when server + client CPU per sign-in × rate ≈ 2 s/s, the machine is the limit.
      clientCpuMsPerSignIn: +((client.user + client.system) / 1000 / Math.max(result.completed, 1)).toFixed(2),
      ...(result.firstError ? { firstError: result.firstError } : {}),
    };
    console.log(`${name.padEnd(22)} ${JSON.stringify(summary)}`);
    return summary;
  } finally {
    await emulator.stop();
  }
}

if (!values['skip-load']) {
  console.log(`emulator sign-ins: ${concurrency} concurrent clients, ${seconds} s per phase, load from this process, emulator in its own`);
  const srp = await phase('SRP, 1 worker', srpSignIn);
  const password = await phase('PASSWORD, 1 worker', passwordSignIn);
  // One user signed in by every client at once: the lockout must serialize nothing it needn't and refuse no one.
  const srpOneUser = await phase('SRP, one user', srpSignIn, { users: 1 });
  const passwordOneUser = await phase('PASSWORD, one user', passwordSignIn, { users: 1 });
  const srp2 = await phase('SRP, 2 workers', srpSignIn, { workers: 2 });
  const paced = await phase(`SRP at ${RATE}/s, 1 worker`, srpSignIn, { rate: RATE });
  const paced2 = await phase(`SRP at ${RATE}/s, 2 workers`, srpSignIn, { rate: RATE, workers: 2 });
  report.load = {
    concurrency,
    seconds,
    srp,
    password,
    srpOneUser,
    passwordOneUser,
    srpTwoWorkers: srp2,
    srpPaced: paced,
    srpPacedTwoWorkers: paced2,
    srpOverPasswordThroughput: +(srp.signInsPerSecond / password.signInsPerSecond).toFixed(2),
    twoWorkersOverOne: +(srp2.signInsPerSecond / srp.signInsPerSecond).toFixed(2),
    srpOneUserOverManyUsers: +(srpOneUser.signInsPerSecond / srp.signInsPerSecond).toFixed(2),
    passwordOneUserOverManyUsers: +(passwordOneUser.signInsPerSecond / password.signInsPerSecond).toFixed(2),
  };
  const load = report.load as Record<string, number>;
  console.log(`SRP / password throughput: ${load.srpOverPasswordThroughput}; SRP 2 workers / 1 worker: ${load.twoWorkersOverOne}`);
  console.log(`one user from ${concurrency} clients / ${concurrency} users: SRP ${load.srpOneUserOverManyUsers}, password ${load.passwordOneUserOverManyUsers}`);
}

if (!values['skip-reliability']) {
  const emulator = await startEmulatorProcess();
  try {
    const pool = await setUpMixPool(emulator.url, { plain: 32, sms: 32, totp: 512 });
    const cpuBefore = emulator.cpuSeconds();
    const mix = await runMix(emulator.url, pool, concurrency, Number(values['mix-seconds']));
    const cpu = emulator.cpuSeconds() - cpuBefore;
    report.mix = { ...mix, serverCpuMsPerOperation: +((cpu * 1000) / Math.max(mix.operationsPerSecond * mix.seconds, 1)).toFixed(2) };
    console.log(`full mix (${values['mix-seconds']} s): ${JSON.stringify(report.mix)}`);

    const auth = await callCognito(emulator.url, 'InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: pool.clientId, AuthParameters: { USERNAME: pool.plain[0], PASSWORD: BENCH_PASSWORD } });
    const started = performance.now();
    const fuzz = await fuzzEmulator({ url: emulator.url, poolId: pool.poolId, clientId: pool.clientId, accessToken: auth.AuthenticationResult.AccessToken }, Number(values['fuzz-cases']));
    const after = await callCognito(emulator.url, 'InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: pool.clientId, AuthParameters: { USERNAME: pool.plain[1], PASSWORD: BENCH_PASSWORD } });
    report.fuzz = { ...fuzz, seconds: +((performance.now() - started) / 1000).toFixed(1), signInAfterwards: Boolean(after.AuthenticationResult?.AccessToken) };
    console.log(`fuzzing: ${JSON.stringify(report.fuzz)}`);
  } finally {
    await emulator.stop();
  }
  const crash = await runCrashRounds(Number(values['crash-rounds']));
  report.crash = { ...crash, missing: crash.missing.length };
  console.log(`kill -9: ${JSON.stringify(report.crash)}`);
}

if (!values['skip-bundle']) {
  report.bundle = await measureBundles();
}

report.coldStart = await measureColdStart();

if (!values['skip-bundle']) report.hostApps = measureHostApps();
if (!values['skip-bundle']) report.typeable = await measureTypeable();

mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/latest.json', `${JSON.stringify(report, null, 2)}\n`);
console.log('written to bench/results/latest.json');
