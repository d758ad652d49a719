import { tokenUser, updateUser } from '../access.js';
import type { Operation } from '../context.js';
import { deviceKeyParam, setRemembered } from '../services/devices.js';
import { optString } from '../validate.js';

/** remembered / not_remembered: how Amplify's rememberDevice() and forgetting-by-status work. */
export const UpdateDeviceStatus: Operation = async (svc, body) => {
  const { pool, user } = await tokenUser(svc, body);
  const key = deviceKeyParam(body);
  const status = optString(body, 'DeviceRememberedStatus', { max: 32 });
  updateUser(svc, pool, user.username, (u) => setRemembered(u, key, status, svc.clock.now()));
  return {};
};
