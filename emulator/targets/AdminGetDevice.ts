import { adminUser } from '../access.js';
import type { Operation } from '../context.js';
import { DEVICE_KEY, describeDevice, requireDevice } from '../services/devices.js';
import { reqString } from '../validate.js';

export const AdminGetDevice: Operation = (svc, body, request) => {
  const { user } = adminUser(svc, body, request);
  return { Device: describeDevice(requireDevice(user, reqString(body, 'DeviceKey', { max: 55, pattern: DEVICE_KEY }))) };
};
