/**
 * How many of a wave's pending submissions to mix now. While the wave is open, a batch is mixed
 * only when it can hold at least the minimum group AND leave at least the minimum group
 * waiting: that reserve guarantees that the last batch, mixed when the wave closes, is never
 * smaller than the minimum group either, however few answer at the end. Which submissions go
 * into a batch is random, so a batch is not even a window in time. At closing, everything goes.
 * With fewer than the minimum group in the whole wave, the one final batch is all there is
 * (and the results show nothing of so few).
 */
export function submissionsToMix(options: { pending: number; minGroup: number; closing: boolean }): number {
  const { pending, minGroup, closing } = options;
  if (closing) return pending;
  return pending >= 2 * minGroup ? pending - minGroup : 0;
}
