import { describe, expect, it } from 'vitest';
import { runCrashRounds } from './crash-run.js';

/** A few rounds here; `npm run bench` runs more and reports the figures. */
describe('kill -9 under write load', () => {
  it('keeps every acknowledged write and an intact database', async () => {
    const report = await runCrashRounds(3);
    expect(report.acknowledged).toBeGreaterThan(10);
    expect(report.missing).toEqual([]);
    expect(report.found).toBe(report.acknowledged);
    expect(report.integrity).toEqual(['ok']);
  }, 120_000);
});
