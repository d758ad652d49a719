import { adminUser, updateUser } from '../access.js';
import type { Operation } from '../context.js';
import { deviceKeyParam, setRemembered } from '../services/devices.js';
import { optString } from '../validate.js';

export const AdminUpdateDeviceStatus: Operation = (svc, body, request) => {
  const { pool, user } = adminUser(svc, body, request);
  const key = deviceKeyParam(body);
  const status = optString(body, 'DeviceRememberedStatus', { max: 32 });
  updateUser(svc, pool, user.username, (u) => setRemembered(u, key, status, svc.clock.now()));
  return {};
};
