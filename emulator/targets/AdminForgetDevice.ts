import { adminUser, updateUser } from '../access.js';
import type { Operation } from '../context.js';
import { deviceKeyParam, forgetDevice } from '../services/devices.js';

export const AdminForgetDevice: Operation = (svc, body, request) => {
  const { pool, user } = adminUser(svc, body, request);
  const key = deviceKeyParam(body);
  updateUser(svc, pool, user.username, (u) => forgetDevice(u, key));
  svc.store.revokeDeviceRefreshTokens(pool.id, user.username, key);
  return {};
};
