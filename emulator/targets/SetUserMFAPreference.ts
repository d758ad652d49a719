import { tokenUser, updateUser } from '../access.js';
import type { Operation } from '../context.js';
import { applyMfaPreference, readMfaPreference } from '../services/mfa-preference.js';

/** Also how TOTP is removed: Cognito has no delete, so TOTP is disabled here (the UI asks for the password first). */
export const SetUserMFAPreference: Operation = async (svc, body) => {
  const preference = readMfaPreference(body);
  const { pool, user } = await tokenUser(svc, body);
  updateUser(svc, pool, user.username, (u) => applyMfaPreference(pool, u, preference));
  return {};
};
