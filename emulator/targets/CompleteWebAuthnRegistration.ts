import { tokenUser, updateUser } from '../access.js';
import type { Operation } from '../context.js';
import { invalidParameter } from '../errors.js';
import { verifyRegistration } from '../services/webauthn.js';

/** The browser's attestation, verified against the challenge; the passkey is the user's from now on. */
export const CompleteWebAuthnRegistration: Operation = async (svc, body) => {
  const { pool, user } = await tokenUser(svc, body);
  if (body.Credential === undefined) throw invalidParameter('Missing required parameter Credential');
  const credential = await verifyRegistration(pool, user, body.Credential, svc.clock.now());
  updateUser(svc, pool, user.username, (u) => {
    u.webAuthnCredentials = [...(u.webAuthnCredentials ?? []), credential];
    delete u.webAuthnRegistration;
  });
  return {};
};
