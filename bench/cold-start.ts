/**
 * Cold start of the emulator, process start to its "listening on" line: the packaged bin (plain
 * JavaScript from npm run build:emulator) beside `npm run emulator` (tsx compiling TypeScript on
 * the way), each started `runs` times in a row, medians reported.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function timeToListening(command: string, args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'ignore'], detached: true });
    let out = '';
    child.stdout.on('data', (c) => {
      out += c;
      if (/listening on http/.test(out)) {
        const ms = performance.now() - started;
        process.kill(-child.pid!, 'SIGTERM');
        child.once('exit', () => resolve(ms));
      }
    });
    child.once('exit', (code) => /listening on/.test(out) || reject(new Error(`${command} exited with ${code} before listening`)));
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function measureColdStart(runs = 7): Promise<Record<string, number>> {
  execFileSync(process.execPath, ['scripts/build-emulator.mjs'], { stdio: 'ignore' });
  const dir = mkdtempSync(join(tmpdir(), 'cold-start-'));
  const timed = async (command: string, args: (i: number) => string[]) => {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push(await timeToListening(command, args(i)));
    return +median(times).toFixed(0);
  };
  try {
    const packagedBin = await timed(process.execPath, (i) => ['dist-emulator/cli.js', '--port', '0', '--data', join(dir, `bin-${i}`)]);
    const packagedInMemory = await timed(process.execPath, () => ['dist-emulator/cli.js', '--port', '0', '--in-memory']);
    const npmRunEmulator = await timed('npm', (i) => ['run', 'emulator', '--silent', '--', '--port', '0', '--data', join(dir, `npm-${i}`)]);
    const result = { runs, packagedBinMs: packagedBin, packagedInMemoryMs: packagedInMemory, npmRunEmulatorMs: npmRunEmulator, packagedOverNpmRun: +(packagedBin / npmRunEmulator).toFixed(2) };
    console.log(`emulator cold start (median of ${runs}): packaged bin ${packagedBin} ms, in-memory ${packagedInMemory} ms, npm run emulator ${npmRunEmulator} ms (ratio ${result.packagedOverNpmRun})`);
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
