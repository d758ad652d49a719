/**
 * Lambda functions as local modules (issue 22): a module exports `handler(event, context, callback)`,
 * ESM or CommonJS, async or callback style, as Lambda's Node runtime allows. A function is named by
 * the name that ends its ARN in LambdaConfig; `--lambda name=path` or the API's `lambdas` option says
 * which module (or handler) that name runs.
 */
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

// biome-ignore lint/suspicious/noExplicitAny: a Lambda handler takes whatever event the trigger sends.
export type LambdaHandler = (event: any, context: LambdaContext, callback: (error?: unknown, result?: unknown) => void) => unknown;
export type LambdaSource = string | LambdaHandler;

export interface LambdaContext {
  functionName: string;
  awsRequestId: string;
  callbackWaitsForEmptyEventLoop: boolean;
  getRemainingTimeInMillis(): number;
}

/** Lambda's timeout for Cognito triggers: "Amazon Cognito ... waits 5 seconds" (developer guide, Lambda triggers). */
export const TRIGGER_TIMEOUT_MS = 5000;

export type InvokeResult =
  | { ok: true; value: unknown }
  | { ok: false; reason: 'missing' | 'timeout' | 'threw'; message: string };

/** The function name an ARN ends with: arn:aws:lambda:<region>:<account>:function:<name>[:<alias>]. */
export function functionNameOf(arn: string): string {
  const parts = arn.split(':');
  return parts[0] === 'arn' && parts.length >= 7 ? parts[6]! : arn;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : typeof error === 'string' ? error : JSON.stringify(error) ?? String(error));

export class Lambdas {
  private readonly handlers = new Map<string, Promise<LambdaHandler>>();
  private requests = 0;

  constructor(private readonly sources: Record<string, LambdaSource> = {}, private readonly baseDir = process.cwd()) {}

  names(): string[] {
    return Object.keys(this.sources);
  }

  private load(name: string): Promise<LambdaHandler> | undefined {
    const source = this.sources[name];
    if (source === undefined) return undefined;
    let handler = this.handlers.get(name);
    if (!handler) {
      handler =
        typeof source === 'function'
          ? Promise.resolve(source)
          : import(pathToFileURL(isAbsolute(source) ? source : resolve(this.baseDir, source)).href).then((module: Record<string, unknown>) => {
              const found = module.handler ?? (module.default as Record<string, unknown> | undefined)?.handler;
              if (typeof found !== 'function') throw new Error(`${source} exports no handler function`);
              return found as LambdaHandler;
            });
      this.handlers.set(name, handler);
    }
    return handler;
  }

  /** Runs the function with a copy of the event: its result, or why there is none. Never throws. */
  async invoke(arn: string, event: object): Promise<InvokeResult> {
    const name = functionNameOf(arn);
    const loading = this.load(name);
    if (!loading) return { ok: false, reason: 'missing', message: `Function not found: ${arn}` };
    let handler: LambdaHandler;
    try {
      handler = await loading;
    } catch (error) {
      this.handlers.delete(name);
      return { ok: false, reason: 'threw', message: messageOf(error) };
    }
    const deadline = Date.now() + TRIGGER_TIMEOUT_MS;
    let timer: NodeJS.Timeout | undefined;
    const run = new Promise<InvokeResult>((settle) => {
      const done = (error?: unknown, result?: unknown) =>
        settle(error !== undefined && error !== null ? { ok: false, reason: 'threw', message: messageOf(error) } : { ok: true, value: result });
      const context: LambdaContext = {
        functionName: name,
        awsRequestId: `emulator-${++this.requests}`,
        callbackWaitsForEmptyEventLoop: true,
        getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
      };
      try {
        const returned = handler(structuredClone(event), context, done);
        // An async handler (or one returning a promise) answers with its promise; a callback one with the callback.
        if (returned && typeof (returned as Promise<unknown>).then === 'function') (returned as Promise<unknown>).then((value) => done(undefined, value), (error) => done(error ?? new Error('Rejected')));
        else if (handler.length < 3) done(undefined, returned);
      } catch (error) {
        done(error);
      }
    });
    const timeout = new Promise<InvokeResult>((settle) => {
      timer = setTimeout(() => settle({ ok: false, reason: 'timeout', message: `Task timed out after ${TRIGGER_TIMEOUT_MS / 1000}.00 seconds` }), TRIGGER_TIMEOUT_MS);
    });
    try {
      return await Promise.race([run, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
