/** Calling operations in-process (seed, CLI, tests) exactly as a signed admin request would. */
import type { Services } from './context.js';
import { withClientMetadata } from './services/trigger-events.js';
import { operations } from './targets/index.js';

export async function callAdmin<T = Record<string, unknown>>(services: Services, operation: keyof typeof operations, body: Record<string, unknown>): Promise<T> {
  return (await withClientMetadata(body, () => operations[operation](services, body, { signed: true }))) as T;
}
