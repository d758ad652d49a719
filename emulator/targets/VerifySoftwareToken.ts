import { updateUser } from '../access.js';
import type { Operation } from '../context.js';
import { CognitoError, invalidParameter } from '../errors.js';
import { softwareTokenCaller } from '../services/software-token.js';
import { acceptTotpCode } from '../services/totp.js';
import { optString, reqString } from '../validate.js';

const mismatch = () => new CognitoError('EnableSoftwareTokenMFAException', 'Code mismatch and fail enable Software Token MFA');

/**
 * Checks a code against the secret from AssociateSoftwareToken; on success the secret becomes the
 * user's registered authenticator, replacing any earlier one. Through an access token that is all:
 * "Next, you can enable TOTP MFA for your user" (developer guide, TOTP software token MFA) with
 * SetUserMFAPreference. Through an MFA_SETUP session the sign-in then completes with TOTP as the
 * user's factor, so it is enabled as well.
 */
export const VerifySoftwareToken: Operation = async (svc, body) => {
  const code = reqString(body, 'UserCode', { min: 6, max: 6, pattern: /^\d{6}$/ });
  const deviceName = optString(body, 'FriendlyDeviceName', { max: 131072 });
  const caller = await softwareTokenCaller(svc, body);
  const username = caller.kind === 'token' ? caller.username : caller.session.record.username;
  const sessionSecret = caller.kind === 'session' && caller.session.record.state.step === 'MFA_SETUP' ? caller.session.record.state.totpSecret : undefined;
  let accepted = false;
  updateUser(svc, caller.pool, username, (u) => {
    const secret = caller.kind === 'token' ? u.pendingTotpSecret : sessionSecret;
    if (!secret) throw invalidParameter('No software token is associated with the user: call AssociateSoftwareToken first.');
    // A new secret: no step of it was used before.
    const step = acceptTotpCode(secret, code, svc.clock.now(), 0);
    if (typeof step !== 'number') return;
    accepted = true;
    u.totpSecret = secret;
    u.pendingTotpSecret = null;
    if (caller.kind === 'session') u.totpEnabled = true;
    u.totpLastStep = step;
    if (deviceName) u.totpDeviceName = deviceName;
    else delete u.totpDeviceName;
  });
  if (caller.kind === 'token') {
    if (!accepted) throw mismatch();
    return { Status: 'SUCCESS' };
  }
  const { session, client } = caller;
  if (!accepted) throw svc.sessions.fail(session, mismatch());
  if (session.record.state.step === 'MFA_SETUP') session.record.state.verified = true;
  return { Status: 'SUCCESS', Session: svc.sessions.renew(session, client) };
};
