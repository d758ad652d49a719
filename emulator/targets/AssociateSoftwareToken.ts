import { updateUser } from '../access.js';
import type { Operation } from '../context.js';
import { softwareTokenCaller } from '../services/software-token.js';
import { newTotpSecret } from '../services/totp.js';

/** A fresh secret each call; it takes effect only once VerifySoftwareToken accepts a code for it. */
export const AssociateSoftwareToken: Operation = async (svc, body) => {
  const caller = await softwareTokenCaller(svc, body);
  const secret = newTotpSecret();
  if (caller.kind === 'token') {
    updateUser(svc, caller.pool, caller.username, (u) => void (u.pendingTotpSecret = secret));
    return { SecretCode: secret };
  }
  const { session, client } = caller;
  if (session.record.state.step === 'MFA_SETUP') session.record.state.totpSecret = secret;
  return { SecretCode: secret, Session: svc.sessions.renew(session, client) };
};
