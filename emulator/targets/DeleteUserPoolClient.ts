import { adminPool } from '../access.js';
import type { Operation } from '../context.js';
import { requireClient } from '../services/users.js';
import { CLIENT_ID, reqString } from '../validate.js';

/** Deletes an app client (AR DeleteUserPoolClient): its refresh tokens stop working with it. */
export const DeleteUserPoolClient: Operation = (svc, body, request) => {
  const pool = adminPool(svc, body, request);
  const { client } = requireClient(svc.store, reqString(body, 'ClientId', { max: 128, pattern: CLIENT_ID }), pool.id);
  svc.store.deleteClient(client.id);
  return {};
};
