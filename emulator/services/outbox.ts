/** Stands in for Amazon SNS / SES: every message is kept (GET /_emulator/sms) and printed. */
import type { Clock } from './clock.js';
import type { OutboxMessage, Store } from './store.js';

export type Logger = (line: string) => void;

export class Outbox {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  send(m: Omit<OutboxMessage, 'sentAt'>): void {
    this.store.addOutbox({ ...m, sentAt: new Date(this.clock.now()).toISOString() });
    // Printing the message is this emulator's SMS delivery: it is how a developer reads the code.
    this.log(`[${m.channel.toLowerCase()}] to ${m.destination} (${m.username} in ${m.poolId}): ${m.message}`);
  }
}

export const fillCode = (template: string, code: string) => template.split('{####}').join(code);
