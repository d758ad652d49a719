/** Starts the emulator as its own process (as in production), and reads its CPU time from /proc. */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface EmulatorProcess {
  url: string;
  child: ChildProcess;
  dataDir: string;
  /** CPU seconds used so far by the emulator process and its workers. */
  cpuSeconds(): number;
  /** SIGTERM, then the data folder is removed unless `keepData`. */
  stop(options?: { keepData?: boolean }): Promise<void>;
  /** kill -9: no chance to flush or close anything. */
  kill9(): Promise<void>;
}

const CLOCK_TICKS = 100; // Linux USER_HZ

function processTreeCpu(rootPid: number): number {
  let total = 0;
  const pids = [rootPid];
  while (pids.length) {
    const pid = pids.pop()!;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS; // utime + stime
      const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
      if (children) pids.push(...children.split(' ').map(Number));
    } catch {
      // the process ended
    }
  }
  return total;
}

export async function startEmulatorProcess(extraArgs: string[] = [], dataDir = mkdtempSync(join(tmpdir(), 'bench-emulator-'))): Promise<EmulatorProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'emulator/cli.ts', 'serve', '--port', '0', '--data', dataDir, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString();
      const m = /listening on (http:\/\/\S+)/.exec(buffer);
      if (m) {
        child.stdout!.off('data', onData);
        child.stdout!.resume(); // keep draining: SMS lines are printed there
        resolve(m[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`emulator exited with ${code} before listening`)));
  });
  return {
    url,
    child,
    dataDir,
    cpuSeconds: () => processTreeCpu(child.pid!),
    stop: async ({ keepData = false } = {}) => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
    kill9: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    },
  };
}
