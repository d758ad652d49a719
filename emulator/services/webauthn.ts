/**
 * Passkeys (WebAuthn) for choice-based sign-in, verified with @simplewebauthn/server: attestation at
 * registration; at sign-in the assertion's signature, challenge, origin, RP ID, user verification
 * and signature counter. The origin must be the relying party's host (or a subdomain of it), over
 * HTTPS — or http://localhost, as browsers allow WebAuthn there.
 */
import type { AuthenticationResponseJSON, AuthenticatorTransportFuture, RegistrationResponseJSON } from '@simplewebauthn/server';
import { CognitoError, invalidParameter, notAuthorized } from '../errors.js';
import type { PoolRecord, UserRecord, WebAuthnCredentialRecord } from './model.js';
import { getAttribute } from './model.js';

/** Loaded on first use: it brings ASN.1 and X.509 parsing, which would double the emulator's start-up. */
const webauthn = () => import('@simplewebauthn/server');

/** Cognito's limit of passkeys per user. */
export const MAX_PASSKEYS = 20;
/** How long a registration or sign-in challenge stays good (the browser's own timeout is shorter). */
export const CHALLENGE_MS = 5 * 60_000;

export const passkeysAllowed = (pool: PoolRecord) => (pool.allowedFirstAuthFactors ?? []).includes('WEB_AUTHN');

/** The relying party: WebAuthnConfiguration's RelyingPartyId, else localhost (the emulator has no hosted domain). */
export const relyingPartyOf = (pool: PoolRecord) => pool.webAuthn?.relyingPartyId ?? 'localhost';
const userVerificationOf = (pool: PoolRecord) => pool.webAuthn?.userVerification ?? 'preferred';

function requirePasskeys(pool: PoolRecord): void {
  if (!passkeysAllowed(pool)) throw new CognitoError('WebAuthnNotEnabledException', 'Passkey (WEB_AUTHN) is not an allowed first factor of this user pool.');
}

/** The origin the browser put in clientDataJSON, checked against the relying party. */
function allowedOrigin(pool: PoolRecord, clientDataJSON: string): string {
  let origin: string;
  try {
    origin = (JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8')) as { origin?: unknown }).origin as string;
    if (typeof origin !== 'string') throw new Error('no origin');
    const url = new URL(origin);
    const rp = relyingPartyOf(pool);
    const hostOk = url.hostname === rp || url.hostname.endsWith(`.${rp}`);
    const schemeOk = url.protocol === 'https:' || (url.protocol === 'http:' && (url.hostname === 'localhost' || url.hostname.endsWith('.localhost')));
    if (hostOk && schemeOk) return origin;
  } catch {
    throw invalidParameter('Invalid credential: clientDataJSON cannot be read.');
  }
  throw new CognitoError('WebAuthnOriginNotAllowedException', `Origin ${origin.slice(0, 100)} is not allowed for relying party ${relyingPartyOf(pool)}.`);
}

function parseCredential<T>(value: unknown): T & { response: { clientDataJSON: string }; id: string } {
  const credential = typeof value === 'string' ? (() => { try { return JSON.parse(value) as unknown; } catch { return undefined; } })() : value;
  const c = credential as { id?: unknown; response?: { clientDataJSON?: unknown } } | undefined;
  if (!c || typeof c.id !== 'string' || typeof c.response?.clientDataJSON !== 'string') throw invalidParameter('Invalid credential.');
  return credential as T & { response: { clientDataJSON: string }; id: string };
}

export async function registrationOptions(pool: PoolRecord, user: UserRecord): Promise<{ options: unknown; challenge: string }> {
  requirePasskeys(pool);
  if ((user.webAuthnCredentials?.length ?? 0) >= MAX_PASSKEYS) throw new CognitoError('LimitExceededException', `A user can have at most ${MAX_PASSKEYS} passkeys.`);
  const { generateRegistrationOptions } = await webauthn();
  const options = await generateRegistrationOptions({
    rpName: pool.name,
    rpID: relyingPartyOf(pool),
    userID: new TextEncoder().encode(user.sub),
    userName: getAttribute(user, 'email') ?? user.username,
    userDisplayName: getAttribute(user, 'name') ?? user.username,
    attestationType: 'none',
    timeout: 60_000,
    excludeCredentials: (user.webAuthnCredentials ?? []).map((c) => ({ id: c.id, transports: c.transports as AuthenticatorTransportFuture[] | undefined })),
    authenticatorSelection: { residentKey: 'required', userVerification: userVerificationOf(pool) },
  });
  return { options, challenge: options.challenge };
}

/** CompleteWebAuthnRegistration: the attestation, against the challenge StartWebAuthnRegistration issued. */
export async function verifyRegistration(pool: PoolRecord, user: UserRecord, credentialInput: unknown, now: number): Promise<WebAuthnCredentialRecord> {
  requirePasskeys(pool);
  const pending = user.webAuthnRegistration;
  if (!pending || pending.expiresAt <= now) throw new CognitoError('WebAuthnChallengeNotFoundException', 'No passkey registration is in progress: call StartWebAuthnRegistration first.');
  const credential = parseCredential<RegistrationResponseJSON>(credentialInput);
  const origin = allowedOrigin(pool, credential.response.clientDataJSON);
  const { verifyRegistrationResponse } = await webauthn();
  let verification;
  try {
    verification = await verifyRegistrationResponse({
      response: credential,
      expectedChallenge: pending.challenge,
      expectedOrigin: origin,
      expectedRPID: relyingPartyOf(pool),
      requireUserVerification: userVerificationOf(pool) === 'required',
    });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (/RP ID/i.test(message)) throw new CognitoError('WebAuthnRelyingPartyMismatchException', message.slice(0, 200));
    throw new CognitoError('WebAuthnCredentialNotSupportedException', `The credential was not accepted: ${message.slice(0, 200)}`);
  }
  if (!verification.verified || !verification.registrationInfo) throw new CognitoError('WebAuthnCredentialNotSupportedException', 'The credential was not accepted.');
  const info = verification.registrationInfo;
  if ((user.webAuthnCredentials ?? []).some((c) => c.id === info.credential.id)) throw invalidParameter('This passkey is already registered.');
  const attachment = credential.authenticatorAttachment;
  const transports = credential.response.transports;
  return {
    id: info.credential.id,
    publicKey: Buffer.from(info.credential.publicKey).toString('base64url'),
    counter: info.credential.counter,
    ...(transports ? { transports } : {}),
    ...(attachment ? { attachment } : {}),
    name: attachment === 'cross-platform' ? 'Security key' : 'Passkey',
    rpId: relyingPartyOf(pool),
    createdAt: now,
  };
}

/** The WEB_AUTHN challenge's CREDENTIAL_REQUEST_OPTIONS: the user's passkeys for this relying party. */
export async function authenticationOptions(pool: PoolRecord, user: UserRecord): Promise<{ options: unknown; challenge: string }> {
  const { generateAuthenticationOptions } = await webauthn();
  const options = await generateAuthenticationOptions({
    rpID: relyingPartyOf(pool),
    userVerification: userVerificationOf(pool),
    timeout: 60_000,
    allowCredentials: (user.webAuthnCredentials ?? []).map((c) => ({ id: c.id, transports: c.transports as AuthenticatorTransportFuture[] | undefined })),
  });
  return { options, challenge: options.challenge };
}

/** The assertion of a WEB_AUTHN answer: returns the credential's new signature counter. */
export async function verifyAssertion(pool: PoolRecord, user: UserRecord, challenge: string, credentialInput: unknown): Promise<{ id: string; counter: number }> {
  const credential = parseCredential<AuthenticationResponseJSON>(credentialInput);
  const stored = (user.webAuthnCredentials ?? []).find((c) => c.id === credential.id);
  if (!stored) throw notAuthorized('Incorrect passkey for the user.');
  const origin = allowedOrigin(pool, credential.response.clientDataJSON);
  const { verifyAuthenticationResponse } = await webauthn();
  try {
    const verification = await verifyAuthenticationResponse({
      response: credential,
      expectedChallenge: challenge,
      expectedOrigin: origin,
      expectedRPID: stored.rpId,
      requireUserVerification: userVerificationOf(pool) === 'required',
      credential: { id: stored.id, publicKey: Buffer.from(stored.publicKey, 'base64url'), counter: stored.counter, transports: stored.transports as AuthenticatorTransportFuture[] | undefined },
    });
    if (!verification.verified) throw new Error('not verified');
    return { id: stored.id, counter: verification.authenticationInfo.newCounter };
  } catch (e) {
    throw notAuthorized(`Passkey verification failed: ${(e instanceof Error ? e.message : String(e)).slice(0, 200)}`);
  }
}

/** ListWebAuthnCredentials' WebAuthnCredentialDescription. */
export const describeCredential = (c: WebAuthnCredentialRecord) => ({
  CredentialId: c.id,
  FriendlyCredentialName: c.name,
  RelyingPartyId: c.rpId,
  ...(c.attachment ? { AuthenticatorAttachment: c.attachment } : {}),
  AuthenticatorTransports: c.transports ?? [],
  CreatedAt: c.createdAt / 1000,
});
