/** Time in the emulator. Tests move it forward through /_emulator/clock (only with --test-hooks). */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export class AdjustableClock implements Clock {
  private offsetMs = 0;
  now(): number {
    return Date.now() + this.offsetMs;
  }
  advance(seconds: number): void {
    this.offsetMs += seconds * 1000;
  }
}

export const nowSeconds = (clock: Clock) => Math.floor(clock.now() / 1000);
