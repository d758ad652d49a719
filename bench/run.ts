/**
 * npm run bench: emulator sign-in throughput and latency (real SRP vs USER_PASSWORD_AUTH as the
 * baseline, same run), and the first route's JS size vs a floor app built in the same run.
 * Options: --seconds N (per phase, default 20), --concurrency N (default 32), --skip-bundle, --skip-load.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { measureBundles } from './bundle.js';
import { startEmulatorProcess } from './emulator-process.js';
import { type Flow, passwordSignIn, percentile, runLoad, setUpPool, srpSignIn } from './load.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '20' },
    concurrency: { type: 'string', default: '32' },
    'skip-bundle': { type: 'boolean', default: false },
    'skip-load': { type: 'boolean', default: false },
  },
});
const seconds = Number(values.seconds);
const concurrency = Number(values.concurrency);
/** The throughput goal, offered as a steady load to measure latency at it. */
const RATE = 150;
const report: Record<string, unknown> = { date: new Date().toISOString(), cpus: (await import('node:os')).cpus().length };

async function phase(name: string, makeFlow: (url: string, pool: Awaited<ReturnType<typeof setUpPool>>) => Flow, options: { workers?: number; rate?: number } = {}) {
  const emulator = await startEmulatorProcess(options.workers ? ['--workers', String(options.workers)] : []);
  try {
    const pool = await setUpPool(emulator.url, concurrency);
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
  const srp2 = await phase('SRP, 2 workers', srpSignIn, { workers: 2 });
  const paced = await phase(`SRP at ${RATE}/s, 1 worker`, srpSignIn, { rate: RATE });
  const paced2 = await phase(`SRP at ${RATE}/s, 2 workers`, srpSignIn, { rate: RATE, workers: 2 });
  report.load = {
    concurrency,
    seconds,
    srp,
    password,
    srpTwoWorkers: srp2,
    srpPaced: paced,
    srpPacedTwoWorkers: paced2,
    srpOverPasswordThroughput: +(srp.signInsPerSecond / password.signInsPerSecond).toFixed(2),
    twoWorkersOverOne: +(srp2.signInsPerSecond / srp.signInsPerSecond).toFixed(2),
  };
  const load = report.load as { srpOverPasswordThroughput: number; twoWorkersOverOne: number };
  console.log(`SRP / password throughput: ${load.srpOverPasswordThroughput}; SRP 2 workers / 1 worker: ${load.twoWorkersOverOne}`);
}

if (!values['skip-bundle']) {
  report.bundle = await measureBundles();
}

mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/latest.json', `${JSON.stringify(report, null, 2)}\n`);
console.log('written to bench/results/latest.json');
