import { adminUser } from '../access.js';
import type { Operation } from '../context.js';
import { describeUser } from '../services/describe.js';

export const AdminGetUser: Operation = (svc, body, request) => describeUser(adminUser(svc, body, request).user, 'UserAttributes');
