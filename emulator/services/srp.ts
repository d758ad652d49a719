/**
 * Server side of Cognito's SRP-6a (USER_SRP_AUTH / PASSWORD_VERIFIER), matching what
 * Amplify v6 and amazon-cognito-identity-js compute on the client:
 *   N = RFC 3526 3072-bit group, g = 2, k = H(PAD(N) | PAD(g)), u = H(PAD(A) | PAD(B)),
 *   x = H(PAD(salt) | H(poolName | userId | ":" | password)), v = g^x,
 *   key = HKDF-SHA256(ikm = PAD(S), salt = PAD(u), info = "Caldera Derived Key" 0x01)[0..16],
 *   signature = HMAC-SHA256(key, poolName | userId | secretBlock | timestamp).
 * PAD is Cognito's "padded hex": even length, with a 00 prefix when the top bit is set.
 * Only salt and verifier are stored; the password never is.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { ModPowPool } from './modpow-pool.js';

const N_HEX =
  'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD' +
  'EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED' +
  'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F' +
  '83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B' +
  'E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510' +
  '15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7' +
  'ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C' +
  'BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF';

export const N = BigInt(`0x${N_HEX}`);
export const g = 2n;
const N_BYTES = N_HEX.length / 2;

export function padHex(n: bigint): string {
  let hex = n.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  return /^[89a-f]/i.test(hex) ? `00${hex}` : hex;
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest();
const hashHex = (hex: string) => sha256(Buffer.from(hex, 'hex')).toString('hex');
const toBigInt = (buf: Buffer) => BigInt(`0x${buf.toString('hex') || '0'}`);
const toBuffer = (n: bigint) => Buffer.from(n.toString(16).padStart(N_BYTES * 2, '0'), 'hex');

export const k = BigInt(`0x${hashHex(padHex(N) + padHex(g))}`);

/**
 * base^exp mod N in OpenSSL rather than JS BigInt (several times faster for 3072-bit numbers), in
 * worker threads (modpow-pool.ts). Created on first use.
 */
let pool: ModPowPool | undefined;
const workers = () => (pool ??= new ModPowPool(N_HEX));
export const modPowN = (base: bigint, exp: bigint): Promise<bigint> => workers().run({ kind: 'pow', base: base.toString(16), exp: exp.toString(16) });

function passwordHashX(saltHex: string, poolName: string, userId: string, password: string): bigint {
  const inner = sha256(`${poolName}${userId}:${password}`).toString('hex');
  return BigInt(`0x${hashHex(padHex(BigInt(`0x${saltHex}`)) + inner)}`);
}

export interface PasswordVerifier {
  /** hex */
  salt: string;
  /** hex */
  verifier: string;
}

export async function createVerifier(poolName: string, userId: string, password: string): Promise<PasswordVerifier> {
  // Top bit cleared-or-not doesn't matter: PAD() is applied on both sides.
  const salt = randomBytes(16).toString('hex');
  const v = await modPowN(g, passwordHashX(salt, poolName, userId, password));
  return { salt, verifier: v.toString(16) };
}

/** USER_PASSWORD_AUTH / ChangePassword: recompute the verifier and compare in constant time. */
export async function checkPassword(stored: PasswordVerifier, poolName: string, userId: string, password: string): Promise<boolean> {
  const v = await modPowN(g, passwordHashX(stored.salt, poolName, userId, password));
  return timingSafeEqual(toBuffer(v), toBuffer(BigInt(`0x${stored.verifier}`)));
}

export interface ServerEphemeral {
  /** hex */
  b: string;
  /** hex, sent as SRP_B */
  B: string;
}

export async function createServerEphemeral(verifierHex: string): Promise<ServerEphemeral> {
  const v = BigInt(`0x${verifierHex}`);
  for (;;) {
    const b = toBigInt(randomBytes(32));
    const B = (k * v + (await modPowN(g, b))) % N;
    if (B !== 0n) return { b: b.toString(16), B: B.toString(16) };
  }
}

/** SRP_A as sent by the client: hex, and A mod N must not be 0. */
export function parseClientA(srpA: string): bigint | undefined {
  if (!/^[0-9a-fA-F]{1,1024}$/.test(srpA)) return undefined;
  const A = BigInt(`0x${srpA}`);
  return A % N === 0n ? undefined : A;
}

export interface SignatureInput {
  A: bigint;
  ephemeral: ServerEphemeral;
  verifierHex: string;
  poolName: string;
  userId: string;
  secretBlock: string;
  timestamp: string;
  signature: string;
}

export async function passwordClaimKey(A: bigint, ephemeral: ServerEphemeral, verifierHex: string): Promise<Buffer | undefined> {
  const B = BigInt(`0x${ephemeral.B}`);
  const u = BigInt(`0x${hashHex(padHex(A) + padHex(B))}`);
  if (u === 0n) return undefined;
  // S = (A * v^u)^b mod N; 0 stands for the degenerate bases (1, N-1) a forged A could force.
  const S = await workers().run({ kind: 'srpS', A: A.toString(16), v: verifierHex, u: u.toString(16), b: ephemeral.b });
  if (S === 0n) return undefined;
  const prk = createHmac('sha256', Buffer.from(padHex(u), 'hex')).update(Buffer.from(padHex(S), 'hex')).digest();
  const info = Buffer.concat([Buffer.from('Caldera Derived Key', 'utf8'), Buffer.from([1])]);
  return createHmac('sha256', prk).update(info).digest().subarray(0, 16);
}

export function signPasswordClaim(key: Buffer, poolName: string, userId: string, secretBlock: string, timestamp: string): Buffer {
  return createHmac('sha256', key)
    .update(Buffer.concat([Buffer.from(poolName, 'utf8'), Buffer.from(userId, 'utf8'), Buffer.from(secretBlock, 'base64'), Buffer.from(timestamp, 'utf8')]))
    .digest();
}

export async function verifyPasswordClaim(input: SignatureInput): Promise<boolean> {
  const key = await passwordClaimKey(input.A, input.ephemeral, input.verifierHex);
  if (!key) return false;
  const expected = signPasswordClaim(key, input.poolName, input.userId, input.secretBlock, input.timestamp);
  const given = Buffer.from(input.signature, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const TIMESTAMP = /^(Sun|Mon|Tue|Wed|Thu|Fri|Sat) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ([1-9]|[12]\d|3[01]) ([01]\d|2[0-3]):[0-5]\d:[0-5]\d UTC \d{4}$/;
/** The client's clock is not compared with ours: the test clock may run ahead. Only the format is Cognito's. */
export const isSrpTimestamp = (ts: string) => TIMESTAMP.test(ts);

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export function srpTimestamp(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[date.getUTCDay()]} ${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()} ${p(date.getUTCHours())}:${p(date.getUTCMinutes())}:${p(date.getUTCSeconds())} UTC ${date.getUTCFullYear()}`;
}
