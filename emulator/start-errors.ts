/** Reasons the emulator can't start, worded for the person starting it (the CLI prints them as they are). */

/** The port is taken, or may not be used. */
export class EmulatorStartError extends Error {
  override name = 'EmulatorStartError';
}

/** The data folder can't be used: unwritable, or written by a newer emulator. */
export class StoreError extends Error {
  override name = 'StoreError';
}
