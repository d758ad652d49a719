/** Resource servers: the custom scopes (`<identifier>/<scope>`) app clients may be given (client credentials need them). */
import { invalidParameter, resourceNotFound } from '../errors.js';
import { type Body, optArray, reqString } from '../validate.js';
import type { ResourceServerRecord } from './model.js';
import type { Store } from './store.js';

export const identifierParam = (body: Body) => reqString(body, 'Identifier', { max: 256, pattern: /^[\x21\x23-\x5B\x5D-\x7E]+$/ });
export const nameParam = (body: Body) => reqString(body, 'Name', { max: 256, pattern: /^[\w\s+=,.@-]+$/ });

export function scopesParam(body: Body): ResourceServerRecord['scopes'] {
  const list = optArray(body, 'Scopes', 100) ?? [];
  const scopes = list.map((item, i) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) throw invalidParameter(`1 validation error detected: Value at 'scopes.${i + 1}' failed to satisfy constraint: Member must be a scope`);
    const b = item as Body;
    return {
      // No slash in a scope name: the full scope is <identifier>/<name>.
      ScopeName: reqString(b, 'ScopeName', { max: 256, pattern: /^[\x21\x23-\x2E\x30-\x5B\x5D-\x7E]+$/ }),
      ScopeDescription: reqString(b, 'ScopeDescription', { max: 256 }),
    };
  });
  const names = scopes.map((s) => s.ScopeName);
  const repeated = names.find((n, i) => names.indexOf(n) !== i);
  // Wording ours (not established).
  if (repeated) throw invalidParameter(`Duplicate scope name ${repeated}.`);
  return scopes;
}

export function requireResourceServer(store: Store, poolId: string, identifier: string): ResourceServerRecord {
  const server = store.getResourceServer(poolId, identifier);
  // Wording ours (not established).
  if (!server) throw resourceNotFound(`Resource server ${identifier} does not exist.`);
  return server;
}

export const describeResourceServer = (s: ResourceServerRecord) => ({ UserPoolId: s.poolId, Identifier: s.identifier, Name: s.name, Scopes: s.scopes });
