#!/usr/bin/env node
// `npm start`: the emulator (seeded once with the demo pool and users) and the app's dev server.
import { spawn } from 'node:child_process';

const children = [];
const stop = (code = 0) => {
  for (const child of children) child.kill('SIGTERM');
  process.exit(code);
};
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

function run(command, args, onLine) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  let buffer = '';
  child.stdout.on('data', (chunk) => {
    buffer += chunk;
    let i;
    while ((i = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, i);
      buffer = buffer.slice(i + 1);
      process.stdout.write(`${line}\n`);
      onLine?.(line);
    }
  });
  child.on('exit', (code) => {
    console.error(`${command} ${args.join(' ')} exited with ${code}`);
    stop(code ?? 1);
  });
  return child;
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
run(npx, ['tsx', 'emulator/cli.ts', 'serve', '--seed', '--config-out', 'public/config.json', '--port', '9229', '--data', '.data'], (line) => {
  if (!line.startsWith('listening on ')) return;
  run(npx, ['vite', '--port', '5173', '--strictPort'], (viteLine) => {
    if (/Local:/.test(viteLine)) {
      console.log('\nApp: http://localhost:5173  (demo users above; SMS codes appear in this terminal and at http://127.0.0.1:9229/_emulator/sms?username=sms-user)\n');
    }
  });
});
