/**
 * The certificate the pool domains are served with. Amplify builds `https://<domain>/oauth2/...`
 * with the scheme fixed, so the emulator speaks TLS there, with a local certificate authority of its
 * own (made once, kept in the data folder) and a certificate for localhost, 127.0.0.1 and ::1
 * signed by it. Trusting the authority's ca.pem (NODE_EXTRA_CA_CERTS, a browser's authorities)
 * trusts the emulator and nothing else; Chromium can also pin the key's SPKI hash.
 */
import { createHash, createPublicKey, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface TlsMaterial {
  /** PEM of the local certificate authority: what a browser or Node is told to trust. */
  ca: string;
  /** The server's certificate and key (PEM). */
  cert: string;
  key: string;
  /** base64 SHA-256 of the server key's SubjectPublicKeyInfo (Chromium's --ignore-certificate-errors-spki-list). */
  spki: string;
  /** Where ca.pem is, when kept in a folder. */
  caFile?: string;
}

const DAY = 86_400_000;
const HOSTS = [{ type: 2 as const, value: 'localhost' }, { type: 7 as const, ip: '127.0.0.1' }, { type: 7 as const, ip: '::1' }];

async function createAuthority(): Promise<{ cert: string; key: string }> {
  const now = Date.now();
  const pems = await (await import('selfsigned')).default.generate([{ name: 'commonName', value: 'Cognito emulator local CA' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: new Date(now - DAY),
    notAfterDate: new Date(now + 3650 * DAY),
    extensions: [
      { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}

async function createServerCertificate(authority: { cert: string; key: string }): Promise<{ cert: string; key: string }> {
  const now = Date.now();
  const pems = await (await import('selfsigned')).default.generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: new Date(now - DAY),
    // Browsers refuse server certificates valid for more than 398 days.
    notAfterDate: new Date(now + 397 * DAY),
    ca: authority,
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: HOSTS },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}

const spkiOf = (key: string) => createHash('sha256').update(createPublicKey(key).export({ type: 'spki', format: 'der' })).digest('base64');

/** Still good for a month, and issued by this authority. */
function usable(cert: string, ca: string): boolean {
  try {
    const x = new X509Certificate(cert);
    return new Date(x.validTo).getTime() > Date.now() + 30 * DAY && x.checkIssued(new X509Certificate(ca));
  } catch {
    return false;
  }
}

/**
 * Emulators without a data folder (in-memory stores) keep theirs in the user's cache, so that one
 * trust serves every run and a start reads four small files instead of making keys; in memory, shared
 * by the process, when that folder can't be written.
 */
let inMemory: Promise<TlsMaterial> | undefined;

export const userTlsDir = () => join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'cognito-mfa-emulator', 'tls');

async function createInMemory(): Promise<TlsMaterial> {
  const authority = await createAuthority();
  const server = await createServerCertificate(authority);
  return { ca: authority.cert, ...server, spki: spkiOf(server.key) };
}

/**
 * The authority and server certificate in `dir` (created there when missing; the server certificate
 * renewed before it runs out, under the same authority so trust survives), or made in memory.
 */
export async function loadOrCreateTls(dir: string | undefined): Promise<TlsMaterial> {
  if (!dir) {
    try {
      return await loadOrCreateTls(userTlsDir());
    } catch {
      return (inMemory ??= createInMemory());
    }
  }
  mkdirSync(dir, { recursive: true });
  const file = (name: string) => join(dir, name);
  const read = (name: string) => (existsSync(file(name)) ? readFileSync(file(name), 'utf8') : undefined);
  let ca = read('ca.pem');
  let caKey = read('ca-key.pem');
  if (!ca || !caKey) {
    ({ cert: ca, key: caKey } = await createAuthority());
    writeFileSync(file('ca-key.pem'), caKey, { mode: 0o600 });
    writeFileSync(file('ca.pem'), ca);
  }
  let cert = read('localhost.pem');
  let key = read('localhost-key.pem');
  if (!cert || !key || !usable(cert, ca)) {
    ({ cert, key } = await createServerCertificate({ cert: ca, key: caKey }));
    writeFileSync(file('localhost-key.pem'), key, { mode: 0o600 });
    writeFileSync(file('localhost.pem'), cert);
  }
  return { ca, cert, key, spki: spkiOf(key), caFile: file('ca.pem') };
}
