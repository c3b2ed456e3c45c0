import { describe, expect, it } from 'vitest';
import { assertReleased, releaseOf } from './release.js';

const wave = (state: 'draft' | 'open' | 'closed', resultsBeforeClose = false) => ({
  state,
  settings: { resultsBeforeClose, minGroupSize: 5 },
});

describe('releaseOf', () => {
  it.each([
    ['draft', false, 100, 'draft'],
    ['open', false, 100, 'after_close'],
    ['open', true, 4, 'too_few_so_far'],
    ['open', true, 5, 'shown'],
    ['closed', false, 4, 'too_few_responses'],
    ['closed', false, 0, 'too_few_responses'],
    ['closed', false, 5, 'shown'],
  ] as const)('a %s wave (results before closing: %s) with %i responses: %s', (state, early, responses, release) => {
    expect(releaseOf(wave(state, early), responses)).toBe(release);
  });
});

describe('assertReleased', () => {
  it('refuses with 409 and a reason while nothing may be seen, and says how a closed wave shows', () => {
    expect(() => assertReleased(wave('draft'), 10)).toThrow(
      expect.objectContaining({ status: 409, reason: 'results_draft' }),
    );
    expect(() => assertReleased(wave('open'), 10)).toThrow(expect.objectContaining({ reason: 'results_after_close' }));
    expect(() => assertReleased(wave('open', true), 4)).toThrow(
      expect.objectContaining({ reason: 'results_too_few_responses' }),
    );
    expect(assertReleased(wave('closed'), 4)).toBe('too_few_responses');
    expect(assertReleased(wave('open', true), 5)).toBe('shown');
  });
});
