import { adminUser } from '../access.js';
import type { Operation } from '../context.js';
import { deviceKeyParam, describeDevice, requireDevice } from '../services/devices.js';

export const AdminGetDevice: Operation = (svc, body, request) => {
  const { user } = adminUser(svc, body, request);
  return { Device: describeDevice(requireDevice(user, deviceKeyParam(body))) };
};
