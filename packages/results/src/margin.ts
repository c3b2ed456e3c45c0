import { assertCount, percent } from './percent.js';

/** The normal quantile for a two-sided 95 % interval. */
export const Z_95 = 1.96;

/** Responses as a percentage of those invited (185 of 640 → 28.9); null when nobody was invited. */
export function responseRate(responses: number, invited: number): number | null {
  return percent(responses, invited);
}

/** A proportion measured in one wave: `p` in 0…1 from `n` answers, out of `population` if known. */
export interface TSample {
  p: number;
  n: number;
  /** Everyone who could have answered (N). Unknown (open link): null or left out. */
  population?: number | null;
}

/**
 * The 95 % margin of error of a proportion, in percentage points, unrounded:
 * 1.96 × √(p(1−p)/n), times the finite-population correction √((N−n)/(N−1)) when N is known
 * (185 of 640 at p = 0.5 → 6.08). Null when n is 0, and when everyone or no one gave the answer
 * in a sample (not a census): the normal approximation would claim "±0,0", a certainty that five
 * identical answers do not give.
 */
export function marginOfError(sample: TSample): number | null {
  const census = sample.population !== undefined && sample.population !== null && sample.population === sample.n;
  if ((sample.p === 0 || sample.p === 1) && !census) return null;
  const se = standardError(sample);
  return se === null ? null : Z_95 * se * 100;
}

/** A change between two waves, in percentage points (later minus earlier), and whether it is real. */
export interface TWaveChange {
  difference: number;
  /** 1.96 × √(se₁² + se₂²), in percentage points: a larger |difference| is significant at 95 %. */
  margin: number;
  significant: boolean;
}

/** Two-proportion test of `later` against `earlier`, each with its own correction; null if either n is 0. */
export function compareWaves(earlier: TSample, later: TSample): TWaveChange | null {
  const se1 = standardError(earlier);
  const se2 = standardError(later);
  if (se1 === null || se2 === null) return null;
  const difference = (later.p - earlier.p) * 100;
  const margin = Z_95 * Math.sqrt(se1 ** 2 + se2 ** 2) * 100;
  return { difference, margin, significant: Math.abs(difference) > margin };
}

function standardError({ p, n, population }: TSample): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p must be a proportion in 0…1, got ${p}`);
  assertCount(n, 'n');
  if (n === 0) return null;
  const se = Math.sqrt((p * (1 - p)) / n);
  if (population === undefined || population === null) return se;
  assertCount(population, 'population');
  if (population < n) throw new RangeError(`population (${population}) is smaller than n (${n})`);
  // A census (n = N) has no sampling error; N = 1 would divide by zero.
  return population === 1 ? 0 : se * Math.sqrt((population - n) / (population - 1));
}
