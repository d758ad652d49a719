import { tokenUser, updateUser } from '../access.js';
import type { Operation } from '../context.js';
import { deviceKeyParam, forgetDevice } from '../services/devices.js';

/** The access token is optional in the API, but a caller without one can't say whose device it is. */
export const ForgetDevice: Operation = async (svc, body) => {
  const { pool, user } = await tokenUser(svc, body);
  const key = deviceKeyParam(body);
  updateUser(svc, pool, user.username, (u) => forgetDevice(u, key));
  svc.store.revokeDeviceRefreshTokens(pool.id, user.username, key);
  return {};
};
