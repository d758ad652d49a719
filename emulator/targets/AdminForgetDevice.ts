import { adminUser, updateUser } from '../access.js';
import type { Operation } from '../context.js';
import { DEVICE_KEY, forgetDevice } from '../services/devices.js';
import { reqString } from '../validate.js';

export const AdminForgetDevice: Operation = (svc, body, request) => {
  const { pool, user } = adminUser(svc, body, request);
  const key = reqString(body, 'DeviceKey', { max: 55, pattern: DEVICE_KEY });
  updateUser(svc, pool, user.username, (u) => forgetDevice(u, key));
  svc.store.revokeDeviceRefreshTokens(pool.id, user.username, key);
  return {};
};
