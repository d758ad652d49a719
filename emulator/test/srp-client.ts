/**
 * The client half of Cognito SRP for the load generator and the concurrency tests: the same math Amplify does, with Node's
 * native modular exponentiation so the generator doesn't starve the server of CPU on a 2-core box.
 * (Correctness against a real client is covered by the contract and e2e tests, which use Amplify.)
 */
import { createDiffieHellman, createHash, createHmac, randomBytes } from 'node:crypto';
import { N, g, k, padHex, srpTimestamp } from '../services/srp.js';

const N_HEX = N.toString(16);
const dh = createDiffieHellman(Buffer.from(N_HEX.length % 2 ? `0${N_HEX}` : N_HEX, 'hex'), Buffer.from([2]));
const toBuf = (n: bigint) => Buffer.from(n.toString(16).padStart(768, '0'), 'hex');
const modPow = (base: bigint, exp: bigint) => {
  dh.setPrivateKey(toBuf(exp));
  return BigInt(`0x${dh.computeSecret(toBuf(((base % N) + N) % N)).toString('hex')}`);
};
const hashHex = (hex: string) => createHash('sha256').update(Buffer.from(hex, 'hex')).digest('hex');

export class SrpClient {
  /** 256-bit client secret: enough for a load test, and a quarter of the client CPU of a 1024-bit one. */
  private readonly a = BigInt(`0x${randomBytes(32).toString('hex')}`);
  readonly A = modPow(g, this.a);
  readonly srpA = this.A.toString(16);

  /** g^x per user and salt: the verifier a real client would recompute each time, cached to spare the generator's CPU. */
  private readonly gx = new Map<string, bigint>();

  constructor(private readonly poolName: string) {}

  respond(params: Record<string, string>, password: string, now: Date): Record<string, string> {
    const userId = params.USER_ID_FOR_SRP;
    const B = BigInt(`0x${params.SRP_B}`);
    const u = BigInt(`0x${hashHex(padHex(this.A) + padHex(B))}`);
    const inner = createHash('sha256').update(`${this.poolName}${userId}:${password}`).digest('hex');
    const x = BigInt(`0x${hashHex(padHex(BigInt(`0x${params.SALT}`)) + inner)}`);
    const cacheKey = `${userId}:${params.SALT}`;
    let gx = this.gx.get(cacheKey);
    if (gx === undefined) this.gx.set(cacheKey, (gx = modPow(g, x)));
    const S = modPow(B - k * gx, this.a + u * x);
    const prk = createHmac('sha256', Buffer.from(padHex(u), 'hex')).update(Buffer.from(padHex(S), 'hex')).digest();
    const key = createHmac('sha256', prk).update(Buffer.concat([Buffer.from('Caldera Derived Key'), Buffer.from([1])])).digest().subarray(0, 16);
    const timestamp = srpTimestamp(now);
    const signature = createHmac('sha256', key)
      .update(Buffer.concat([Buffer.from(this.poolName), Buffer.from(userId), Buffer.from(params.SECRET_BLOCK, 'base64'), Buffer.from(timestamp)]))
      .digest('base64');
    return { USERNAME: userId, PASSWORD_CLAIM_SECRET_BLOCK: params.SECRET_BLOCK, TIMESTAMP: timestamp, PASSWORD_CLAIM_SIGNATURE: signature };
  }
}
