import type { Services } from '../context.js';
import type { DomainRecord, PoolRecord } from '../services/model.js';

/** A request to a pool's domain (https://localhost:<port>/<domain>/...). */
export interface DomainContext {
  svc: Services;
  domain: DomainRecord;
  pool: PoolRecord;
  /** https://localhost:<port>/<domain> */
  url: string;
  /** /<domain>: the path every endpoint and the session cookie sit under. */
  path: string;
}
