import { tokenUser } from '../access.js';
import type { Operation } from '../context.js';
import { listDevices } from '../services/devices.js';
import { optNumber, optString } from '../validate.js';

export const ListDevices: Operation = async (svc, body) => {
  const { user } = await tokenUser(svc, body);
  return listDevices(user, optNumber(body, 'Limit', 0, 60), optString(body, 'PaginationToken', { min: 1, max: 1024 }));
};
