import { adminUser } from '../access.js';
import type { Operation } from '../context.js';
import { listDevices } from '../services/devices.js';
import { optNumber, optString } from '../validate.js';

export const AdminListDevices: Operation = (svc, body, request) => {
  const { user } = adminUser(svc, body, request);
  return listDevices(user, optNumber(body, 'Limit', 0, 60), optString(body, 'PaginationToken', { min: 1, max: 1024 }));
};
