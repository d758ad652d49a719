import { adminUser, updateUser } from '../access.js';
import type { Operation } from '../context.js';
import { applyMfaPreference, readMfaPreference } from '../services/mfa-preference.js';

export const AdminSetUserMFAPreference: Operation = (svc, body, request) => {
  const { pool, user } = adminUser(svc, body, request);
  const preference = readMfaPreference(body);
  updateUser(svc, pool, user.username, (u) => applyMfaPreference(pool, u, preference));
  return {};
};
