/** A message the emulator "sent" (SMS or e-mail): kept in the outbox instead. No imports, so the public API's types stay self-contained. */
export interface OutboxMessage {
  poolId: string;
  username: string;
  channel: 'SMS' | 'EMAIL';
  destination: string;
  message: string;
  code: string;
  sentAt: string;
}
