import { adminUser, updateUser } from '../access.js';
import type { Operation } from '../context.js';
import { DEVICE_KEY, setRemembered } from '../services/devices.js';
import { optString, reqString } from '../validate.js';

export const AdminUpdateDeviceStatus: Operation = (svc, body, request) => {
  const { pool, user } = adminUser(svc, body, request);
  const key = reqString(body, 'DeviceKey', { max: 55, pattern: DEVICE_KEY });
  const status = optString(body, 'DeviceRememberedStatus', { max: 32 });
  updateUser(svc, pool, user.username, (u) => setRemembered(u, key, status, svc.clock.now()));
  return {};
};
