import { assertCount } from './percent.js';

/**
 * Anonymity invariant 4: no result may show, or let anyone work out by subtraction, a group of
 * fewer than `minGroup` people. A group with no answers at all is shown (as empty): it tells
 * nothing about anyone.
 */

/** Smallest minimum group the rules accept; the wave settings allow no less. */
export const MIN_GROUP_FLOOR = 3;

/** One column of a breakdown: its key and how many in it answered the question. */
export interface TGroupSize {
  key: string;
  n: number;
}

export interface TSuppressGroupsInput {
  minGroup: number;
  groups: readonly TGroupSize[];
  /** Answers from people who skipped the background question: no column, but total − shown. */
  unassigned?: number;
}

/** Whether a group of n may be shown on its own: empty, or at least minGroup. */
export function canShowGroup(n: number, minGroup: number): boolean {
  assertMinGroup(minGroup);
  assertCount(n, 'n');
  return n === 0 || n >= minGroup;
}

/**
 * The keys of the groups a breakdown must hide. First every group of 1…minGroup−1 answers
 * (primary). Then, since the total is shown, the hidden part (those groups plus the unassigned)
 * is known as total − shown columns; while that hidden part holds fewer than minGroup answers,
 * the smallest shown non-empty group is hidden too (ties by key), so that whatever is hidden
 * is either nothing, or at least minGroup answers. A single hidden part of that size (only the
 * unassigned) may be recovered: it is as large as a group that could be shown anyway.
 * If even hiding every group is not enough, the question's total is below minGroup and the
 * whole question must be withheld (see canShowGroup).
 */
export function suppressGroups({ minGroup, groups, unassigned = 0 }: TSuppressGroupsInput): ReadonlySet<string> {
  assertMinGroup(minGroup);
  assertCount(unassigned, 'unassigned');
  const keys = new Set<string>();
  for (const group of groups) {
    assertCount(group.n, `n of group "${group.key}"`);
    if (keys.has(group.key)) throw new RangeError(`Duplicate group key "${group.key}"`);
    keys.add(group.key);
  }
  const suppressed = new Set(groups.filter((g) => g.n > 0 && g.n < minGroup).map((g) => g.key));
  let hidden = unassigned + groups.reduce((sum, g) => (suppressed.has(g.key) ? sum + g.n : sum), 0);
  const candidates = groups
    .filter((g) => g.n > 0 && !suppressed.has(g.key))
    .sort((a, b) => a.n - b.n || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const group of candidates) {
    if (hidden === 0 || hidden >= minGroup) break;
    suppressed.add(group.key);
    hidden += group.n;
  }
  return suppressed;
}

export interface TCanShowFilterInput {
  /** Answers in the filtered group ("only group X"). */
  n: number;
  /** Answers overall, which are shown unfiltered elsewhere. */
  total: number;
  minGroup: number;
}

/**
 * Whether a filtered result may be shown: the group itself and the rest (total − n, which the
 * unfiltered result minus this one would reveal) must each be empty or at least minGroup.
 */
export function canShowFilter({ n, total, minGroup }: TCanShowFilterInput): boolean {
  if (n > total) throw new RangeError(`n (${n}) exceeds total (${total})`);
  return canShowGroup(n, minGroup) && canShowGroup(total - n, minGroup);
}

export interface TCanShowCommentsInput {
  /** People who wrote an answer to this free-text question in the group or wave shown. */
  writers: number;
  /** For a group's comments: writers in the whole wave, so the rest cannot be singled out either. */
  allWriters?: number;
  freeTextMinGroup: number;
}

/** Whether free-text answers may be listed: at least freeTextMinGroup writers (and as many in the rest). */
export function canShowComments({ writers, allWriters, freeTextMinGroup }: TCanShowCommentsInput): boolean {
  assertMinGroup(freeTextMinGroup);
  assertCount(writers, 'writers');
  if (writers < freeTextMinGroup) return false;
  if (allWriters === undefined) return true;
  if (allWriters < writers) throw new RangeError(`allWriters (${allWriters}) is below writers (${writers})`);
  return canShowGroup(allWriters - writers, freeTextMinGroup);
}

function assertMinGroup(minGroup: number): void {
  if (!Number.isSafeInteger(minGroup) || minGroup < MIN_GROUP_FLOOR) {
    throw new RangeError(`A minimum group must be a whole number ≥ ${MIN_GROUP_FLOOR}, got ${minGroup}`);
  }
}
