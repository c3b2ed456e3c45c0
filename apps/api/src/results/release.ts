import type { TWave } from '@enkat/survey-schema';
import { AppError } from '../errors/app-error.js';

/**
 * Whether a wave's results may be seen now:
 * - a draft has none;
 * - an open wave only if the editor allowed results before closing, and only from the
 *   minimum reporting group of responses on;
 * - a closed wave always, but with fewer responses than the minimum group it shows no tables.
 */
export type TRelease = 'draft' | 'after_close' | 'too_few_so_far' | 'too_few_responses' | 'shown';

export function releaseOf(
  wave: Pick<TWave, 'state'> & { settings: Pick<TWave['settings'], 'resultsBeforeClose' | 'minGroupSize'> },
  responses: number,
): TRelease {
  if (wave.state === 'draft') return 'draft';
  const enough = responses >= wave.settings.minGroupSize;
  if (wave.state === 'open') {
    if (!wave.settings.resultsBeforeClose) return 'after_close';
    return enough ? 'shown' : 'too_few_so_far';
  }
  return enough ? 'shown' : 'too_few_responses';
}

/** The release, or the 409 that says why an open wave or a draft shows no results yet. */
export function assertReleased(
  wave: Parameters<typeof releaseOf>[0],
  responses: number,
): 'shown' | 'too_few_responses' {
  const release = releaseOf(wave, responses);
  if (release === 'draft') {
    throw new AppError('conflict', 'This wave is a draft: it has no results.', { reason: 'results_draft' });
  }
  if (release === 'after_close') {
    throw new AppError('conflict', 'The results of this wave are shown when it closes (a setting of the wave).', {
      reason: 'results_after_close',
    });
  }
  if (release === 'too_few_so_far') {
    throw new AppError(
      'conflict',
      `Results are shown once the wave has at least ${wave.settings.minGroupSize} responses (the minimum reporting group).`,
      { reason: 'results_too_few_responses' },
    );
  }
  return release;
}
