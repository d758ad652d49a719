import { tokenUser } from '../access.js';
import type { Operation } from '../context.js';
import { deviceKeyParam, describeDevice, requireDevice } from '../services/devices.js';

export const GetDevice: Operation = async (svc, body) => {
  const { user } = await tokenUser(svc, body);
  return { Device: describeDevice(requireDevice(user, deviceKeyParam(body))) };
};
