import { describe, expect, it } from 'vitest';
import { submissionsToMix } from './mix-policy.js';

describe('how many pending submissions to mix', () => {
  it('waits until a batch of the minimum group can go while as many stay behind', () => {
    expect(submissionsToMix({ pending: 9, minGroup: 5, closing: false })).toBe(0);
    expect(submissionsToMix({ pending: 10, minGroup: 5, closing: false })).toBe(5);
    expect(submissionsToMix({ pending: 250, minGroup: 5, closing: false })).toBe(245);
  });

  it('never leaves the last batch smaller than the minimum group, whatever arrives', () => {
    for (let minGroup = 1; minGroup <= 12; minGroup++) {
      // Arrivals one at a time, mixing after each, then a close.
      let pending = 0;
      const batches: number[] = [];
      for (let arrivals = 0; arrivals < 100; arrivals++) {
        pending++;
        const mixed = submissionsToMix({ pending, minGroup, closing: false });
        if (mixed) batches.push(mixed);
        pending -= mixed;
      }
      batches.push(submissionsToMix({ pending, minGroup, closing: true }));
      expect(batches.reduce((a, b) => a + b, 0)).toBe(100);
      for (const batch of batches) expect(batch).toBeGreaterThanOrEqual(minGroup);
    }
  });

  it('mixes everything at closing', () => {
    expect(submissionsToMix({ pending: 3, minGroup: 5, closing: true })).toBe(3);
    expect(submissionsToMix({ pending: 0, minGroup: 5, closing: true })).toBe(0);
  });
});
