/** The test identity provider's keys, made once and kept in the store: RS256 for ID tokens, an X.509 certificate for SAML. */
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import { randomUUID } from 'node:crypto';
import type { Store } from '../services/store.js';

export interface OidcKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

export interface SamlKey {
  /** PEM private key and certificate. */
  key: string;
  cert: string;
  /** The certificate as metadata carries it: base64 DER. */
  certBase64: string;
}

const OIDC_KEY = '_idp/oidc';
const SAML_KEY = '_idp/saml';

export async function loadOidcKey(store: Store): Promise<OidcKey> {
  if (!store.getSigningKey(OIDC_KEY)) {
    const { privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
    store.putSigningKey(OIDC_KEY, randomUUID(), JSON.stringify(await exportJWK(privateKey)));
  }
  const stored = store.getSigningKey(OIDC_KEY)!;
  const jwk = JSON.parse(stored.privateJwk) as JWK;
  return {
    kid: stored.kid,
    privateKey: (await importJWK({ ...jwk, alg: 'RS256' }, 'RS256')) as CryptoKey,
    publicJwk: { kty: jwk.kty, n: jwk.n, e: jwk.e, alg: 'RS256', use: 'sig', kid: stored.kid },
  };
}

/** A key nobody trusts, with the real key's id: what a forged token is signed with. */
export async function forgeryKey(): Promise<CryptoKey> {
  return (await generateKeyPair('RS256', { modulusLength: 2048 })).privateKey;
}

export async function loadSamlKey(store: Store): Promise<SamlKey> {
  if (!store.getSigningKey(SAML_KEY)) {
    const now = Date.now();
    const pems = await (await import('selfsigned')).default.generate([{ name: 'commonName', value: 'Cognito emulator test SAML IdP' }], {
      keyType: 'rsa',
      keySize: 2048,
      algorithm: 'sha256',
      notBeforeDate: new Date(now - 86_400_000),
      notAfterDate: new Date(now + 3650 * 86_400_000),
    });
    store.putSigningKey(SAML_KEY, randomUUID(), JSON.stringify({ key: pems.private, cert: pems.cert }));
  }
  const { key, cert } = JSON.parse(store.getSigningKey(SAML_KEY)!.privateJwk) as { key: string; cert: string };
  return { key, cert, certBase64: cert.replace(/-----(BEGIN|END) CERTIFICATE-----|\s+/g, '') };
}

/** A fresh SAML key and certificate that no metadata lists. */
export async function forgerySamlKey(): Promise<{ key: string; cert: string }> {
  const pems = await (await import('selfsigned')).default.generate([{ name: 'commonName', value: 'forger' }], { keyType: 'rsa', keySize: 2048, algorithm: 'sha256' });
  return { key: pems.private, cert: pems.cert };
}
