import { tokenUser, updateUser } from '../access.js';
import type { Operation } from '../context.js';
import { CHALLENGE_MS, registrationOptions } from '../services/webauthn.js';

/** The options for navigator.credentials.create(); the challenge is kept for CompleteWebAuthnRegistration. */
export const StartWebAuthnRegistration: Operation = async (svc, body) => {
  const { pool, user } = await tokenUser(svc, body);
  const { options, challenge } = await registrationOptions(pool, user);
  updateUser(svc, pool, user.username, (u) => {
    u.webAuthnRegistration = { challenge, expiresAt: svc.clock.now() + CHALLENGE_MS };
  });
  return { CredentialCreationOptions: options };
};
