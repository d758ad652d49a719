import { adminPool } from '../access.js';
import type { Operation } from '../context.js';
import { invalidParameter } from '../errors.js';
import { describeUser } from '../services/describe.js';
import { getAttribute } from '../services/model.js';
import { optNumber, optString, optStringList } from '../validate.js';

/** Cognito's filter language: `name = "value"` or `name ^= "prefix"`. */
function parseFilter(filter: string): (value: string | undefined) => boolean {
  const m = /^\s*([\w:]+)\s*(\^?=)\s*"((?:[^"\\]|\\.)*)"\s*$/.exec(filter);
  if (!m) throw invalidParameter('Error while parsing filter.');
  const [, , op, expected] = m;
  return op === '=' ? (v) => v === expected : (v) => v?.startsWith(expected) ?? false;
}

export const ListUsers: Operation = (svc, body, request) => {
  const pool = adminPool(svc, body, request);
  const limit = optNumber(body, 'Limit', 0, 60) || 60;
  const start = Number(optString(body, 'PaginationToken', { pattern: /^\d+$/ }) ?? '0');
  optStringList(body, 'AttributesToGet');
  const filter = optString(body, 'Filter', { max: 256 });
  let users = svc.store.listUsers(pool.id);
  if (filter) {
    const name = /^\s*([\w:]+)/.exec(filter)?.[1] ?? '';
    const match = parseFilter(filter);
    const read = (u: (typeof users)[number]) =>
      name === 'username' ? u.username : name === 'status' ? (u.enabled ? 'Enabled' : 'Disabled') : name === 'cognito:user_status' ? u.status : getAttribute(u, name);
    users = users.filter((u) => match(read(u)));
  }
  const page = users.slice(start, start + limit);
  return { Users: page.map((u) => describeUser(u, 'Attributes')), ...(start + limit < users.length ? { PaginationToken: String(start + limit) } : {}) };
};
