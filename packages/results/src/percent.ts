/**
 * Per cent as the published tables print it: count / total × 100, rounded half up to one
 * decimal. Worked out in integers (BigInt), so 101/182 gives 55.5 and never 55.49999….
 * Returns null when there is no base (total 0). A count above the total is allowed (an estimated
 * number invited can be exceeded); tables check their counts before they get here.
 */
export function percent(count: number, total: number): number | null {
  const tenths = percentTenths(count, total);
  return tenths === null ? null : tenths / 10;
}

/** The same figure in tenths of a per cent (72.8 % → 728): exact, for code that sums or compares. */
export function percentTenths(count: number, total: number): number | null {
  assertCount(count, 'count');
  assertCount(total, 'total');
  if (total === 0) return null;
  // round(1000·count / total) half up = floor((2000·count + total) / (2·total)); BigInt division truncates.
  return Number((2000n * BigInt(count) + BigInt(total)) / (2n * BigInt(total)));
}

/** Counts are whole, non-negative and small enough to be exact in a double. */
export function assertCount(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a whole number ≥ 0, got ${value}`);
  }
}
