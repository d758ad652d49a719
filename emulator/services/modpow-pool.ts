/**
 * SRP's 3072-bit modular exponentiations, run by OpenSSL in worker threads so that a sign-in's
 * ~2 ms of big-number work never blocks the event loop (other requests keep flowing meanwhile).
 * The workers are plain JavaScript evaluated from a string: no TypeScript loader needed in them.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { createDiffieHellman } = require('node:crypto');
const bytes = workerData.bytes;
const N = BigInt('0x' + workerData.prime);
// computeSecret(pub) = pub^priv mod prime: exactly a modular exponentiation, in OpenSSL.
const dh = createDiffieHellman(Buffer.from(workerData.prime, 'hex'), Buffer.from([2]));
const buf = (n) => Buffer.from(n.toString(16).padStart(bytes * 2, '0'), 'hex');
const pow = (base, exp) => { dh.setPrivateKey(buf(exp)); return BigInt('0x' + dh.computeSecret(buf(base)).toString('hex')); };
parentPort.on('message', ({ id, job }) => {
  try {
    let result;
    if (job.kind === 'pow') result = pow(BigInt('0x' + job.base), BigInt('0x' + job.exp));
    else {
      // SRP server secret S = (A * v^u)^b mod N
      const base = (BigInt('0x' + job.A) * pow(BigInt('0x' + job.v), BigInt('0x' + job.u))) % N;
      result = base <= 1n || base === N - 1n ? 0n : pow(base, BigInt('0x' + job.b));
    }
    parentPort.postMessage({ id, result: result.toString(16) });
  } catch (e) {
    parentPort.postMessage({ id, error: String(e && e.message || e) });
  }
});
`;

export type ModPowJob = { kind: 'pow'; base: string; exp: string } | { kind: 'srpS'; A: string; v: string; u: string; b: string };

interface Pending {
  resolve: (hex: string) => void;
  reject: (e: Error) => void;
}

export class ModPowPool {
  private readonly workers: { worker: Worker; busy: number }[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;

  constructor(primeHex: string, size = Math.max(1, Math.min(4, availableParallelism()))) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(WORKER, { eval: true, workerData: { prime: primeHex, bytes: primeHex.length / 2 } });
      const entry = { worker, busy: 0 };
      worker.on('message', ({ id, result, error }: { id: number; result?: string; error?: string }) => {
        entry.busy--;
        const p = this.pending.get(id);
        this.pending.delete(id);
        if (!p) return;
        if (error !== undefined) p.reject(new Error(error));
        else p.resolve(result!);
        if (entry.busy === 0) worker.unref();
      });
      worker.on('error', (e) => {
        for (const p of this.pending.values()) p.reject(e);
        this.pending.clear();
      });
      worker.unref(); // idle workers don't keep the process alive
      this.workers.push(entry);
    }
  }

  run(job: ModPowJob): Promise<bigint> {
    const entry = this.workers.reduce((a, b) => (b.busy < a.busy ? b : a));
    const id = this.nextId++;
    entry.busy++;
    entry.worker.ref(); // but a job in flight does
    return new Promise<string>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      entry.worker.postMessage({ id, job });
    }).then((hex) => BigInt(`0x${hex}`));
  }
}
