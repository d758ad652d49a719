import { tokenUser } from '../access.js';
import type { Operation } from '../context.js';
import { DEVICE_KEY, describeDevice, requireDevice } from '../services/devices.js';
import { reqString } from '../validate.js';

export const GetDevice: Operation = async (svc, body) => {
  const { user } = await tokenUser(svc, body);
  return { Device: describeDevice(requireDevice(user, reqString(body, 'DeviceKey', { max: 55, pattern: DEVICE_KEY }))) };
};
