#!/usr/bin/env node
/**
 * `npm start`: the emulator (seeded once with the demo pool and users, writing public/config.json)
 * and the app's dev server. EMULATOR_PORT (9229) and APP_PORT (5173) move them.
 *
 * Each child runs in a process group of its own, started with this Node directly (no npx or shell
 * in between), so stopping means stopping the whole group: on SIGINT, SIGTERM and SIGHUP, and when
 * either child dies, nothing is left holding a port.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const emulatorPort = process.env.EMULATOR_PORT || '9229';
// The pool domains and the test identity provider, over HTTPS (Amplify builds https:// URLs).
const tlsPort = process.env.EMULATOR_TLS_PORT || String(Number(emulatorPort) + 1);
const appPort = process.env.APP_PORT || '5173';
const viteBin = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');

/** @type {import('node:child_process').ChildProcess[]} */
const children = [];
let stopping = false;

const signalGroup = (child, signal) => {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the group is gone already
  }
};

function stop(code) {
  if (stopping) return;
  stopping = true;
  const running = children.filter((c) => c.exitCode === null && c.signalCode === null);
  for (const child of running) signalGroup(child, 'SIGTERM');
  // A child that ignores SIGTERM for 5 s is killed.
  const force = setTimeout(() => running.forEach((c) => signalGroup(c, 'SIGKILL')), 5000);
  force.unref();
  Promise.all(running.map((c) => new Promise((resolve) => (c.exitCode !== null || c.signalCode !== null ? resolve() : c.once('exit', resolve))))).then(() => {
    clearTimeout(force);
    process.exit(code);
  });
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(0));
// `npm start` execs this script in place of its shell, so npm's forwarded signal reaches it; should
// whatever started it die without a signal (kill -9), this process is re-parented: stop then too.
const parent = process.ppid;
setInterval(() => process.ppid !== parent && stop(0), 1000).unref();

function run(name, args, onLine) {
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  children.push(child);
  let buffer = '';
  child.stdout.on('data', (chunk) => {
    buffer += chunk;
    let i;
    while ((i = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, i);
      buffer = buffer.slice(i + 1);
      process.stdout.write(`${line}\n`);
      // Matched without colour codes: Vite colours its output when FORCE_COLOR is set.
      onLine?.(line.replace(/\x1b\[[0-9;]*m/g, ''));
    }
  });
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`${name} stopped (${signal ?? `exit code ${code}`}); stopping the rest.`);
    stop(code || 1);
  });
  return child;
}

const emulatorArgs = ['serve', '--seed', '--config-out', 'public/config.json', '--port', emulatorPort, '--tls-port', tlsPort, '--app-origin', `http://localhost:${appPort}`, '--data', '.data'];
run('emulator', ['--import', 'tsx', 'emulator/cli.ts', ...emulatorArgs], (line) => {
  if (!line.startsWith('listening on ') || stopping) return;
  run('vite', [viteBin, '--port', appPort, '--strictPort'], (viteLine) => {
    if (/Local:/.test(viteLine)) {
      console.log(
        `\nApp: http://localhost:${appPort}  (demo users above; SMS and e-mail codes appear in this terminal and at http://127.0.0.1:${emulatorPort}/_emulator/outbox?username=sms-user)` +
          `\nFederated sign-in goes through https://localhost:${tlsPort}: open it once in your browser and accept its certificate (README, "Federated sign-in in the demo").\n`,
      );
    }
  });
});
