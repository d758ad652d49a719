#!/usr/bin/env node
// Playwright can't download its browsers here: use Debian's Chromium, installing it when missing.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const wanted = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (existsSync(wanted)) process.exit(0);
if (process.env.CHROMIUM_PATH) {
  console.error(`CHROMIUM_PATH=${wanted} does not exist. Point it at a Chromium or Chrome binary.`);
  process.exit(1);
}
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  console.error('Chromium is missing at /usr/bin/chromium and this user cannot install it.\n' +
    'Install it with `sudo apt-get install -y chromium`, or set CHROMIUM_PATH to a Chromium/Chrome binary.');
  process.exit(1);
}
console.log('Installing Debian chromium for the end-to-end tests (apt-get)…');
try {
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
} catch (e) {
  console.error(`Could not install chromium with apt-get (${e.message}). Install it by hand or set CHROMIUM_PATH.`);
  process.exit(1);
}
if (!existsSync(wanted)) {
  console.error('apt-get finished but /usr/bin/chromium is still missing. Set CHROMIUM_PATH.');
  process.exit(1);
}
