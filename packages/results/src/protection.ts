import { solve } from 'yalps';

/**
 * THE PROTECTION RULE (anonymity invariant 4), as statistics offices state secondary
 * suppression: every hidden count gets a protection interval, and the cells hidden besides the
 * small ones ("secondary suppression") are chosen so that an attacker who holds every published
 * number, every reason shown for a hidden cell, and knows that counts are never negative, can
 * only narrow a hidden count down to that interval (found by linear programming, the attack
 * statistics offices audit against). What is promised, for every hidden count x:
 *
 * 1. it is never pinned to a single value, unless that value is 0 (an empty cell is about nobody),
 *    or, for a count that is not a group's size, the numbers this decision does not decide pin it
 *    already (those who skipped a background question are a printed number, responses −
 *    Totalt: if all of them answered another question, hiding cannot make that unknown); such
 *    a count is still hidden with a complement beside it, since a hidden column stands for its
 *    cells too, and those the shown columns would give away; or a line whose cells are decided
 *    one by one, equal to a shown count it lies in (all of those who skipped the role question
 *    answered the area question: the rest, pinned, is 0, about nobody);
 * 2. if it is the size of a small group of people who gave one background answer
 *    (1 ≤ x < minGroup): its interval reaches down to 1 and up to minGroup − 1, that is, lower
 *    protection level x − 1 and upper protection level minGroup − 1 − x. The published numbers
 *    then tell nothing about the group's size that the reason ("färre än 5 svar") does not
 *    already say.
 *
 * Other hidden counts (a pair of background answers, how many of a group answered a question,
 * how many chose an option) get promise 1 only. They are bounded by the groups they lie in and
 * by the totals every table prints, which no hiding inside the table can widen; and the
 * answers of two shown groups to the same question bound how many people the two share (if
 * all of one group said "ja" and only 2 of the other did, they share at most 2), which the
 * protection of the background tables alone cannot see. The attack tests (apps/api/test/attacks)
 * solve the full problem and check both promises.
 *
 * A problem is a set of unknown non-negative "atoms" (for example the cells of a two-way table,
 * including the row and column of those who skipped a question) and "quantities", the sums of
 * atoms that could be published. Each quantity is shown, hidden as small (primary) or hidden
 * to protect a small one (secondary). What a reason tells an attacker is part of the problem:
 * a primary quantity is at most minGroup − 1 (and at least 1 where `atLeastOne`), a secondary
 * one chosen here is at least minGroup (it is never small: the small ones are all primary).
 */

export type THiddenReason = 'small_group' | 'protects_small_group';

export interface TQuantity {
  id: string;
  atoms: readonly string[];
  value: number;
  /** Hidden already, with this reason, by an earlier decision the attacker also sees. */
  hidden?: THiddenReason | undefined;
  /** A primary quantity is a count of people, never 0 when hidden (a background answer's own count). */
  atLeastOne?: boolean;
  /** The size of a group of people by background answers: promise 2 applies. */
  group?: boolean;
  /** May be hidden here, as small or to protect a small one; otherwise always shown (or already hidden). */
  decide?: boolean;
  /** What the attacker knows of it when hidden by an earlier decision, from that decision's reason. */
  known?: { min?: number; max?: number };
  /** Lines (ids of quantities) this one lies in: hiding a line hides it too, with the line's reason. */
  lines?: readonly string[];
}

export interface TProtectionProblem {
  minGroup: number;
  quantities: readonly TQuantity[];
  /**
   * When no complement is left: hide everything that may be hidden, and (true) give it all the
   * reason "to protect a small group", which bounds nothing, so that the reasons themselves do
   * not pin a count (two small columns adding up to a known 4 with minGroup 3 are 2 and 2).
   * A background question's own table does not do this: there the caller withholds the table.
   */
  hideAllWhenStuck?: boolean;
}

export interface TInterval {
  lo: number;
  hi: number;
}

/** Whether an interval keeps the promise for a hidden count of true value `value` (a group's size or not). */
export function keepsPromise(value: number, { lo, hi }: TInterval, minGroup: number, group = true): boolean {
  if (lo === hi && value !== 0) return false;
  if (group && value >= 1 && value < minGroup && (lo > 1 || hi < minGroup - 1)) return false;
  return true;
}

export interface TProtection {
  /** The reason of every hidden quantity, by id. */
  hidden: Map<string, THiddenReason>;
  /** False when even hiding everything that may be hidden breaks the promise: withhold the whole table. */
  kept: boolean;
}

/**
 * Decides which quantities to hide: the small ones (1 ≤ value < minGroup) among those it may
 * decide, then, while some hidden quantity's interval breaks the promise, a complement of it
 * (see complementOf), hidden "to protect a small group". When no complement is left, every
 * quantity it may decide is hidden and `kept` says whether that is enough.
 */
export function protect(problem: TProtectionProblem): TProtection {
  const { minGroup, quantities } = problem;
  const hidden = new Map<string, THiddenReason>();
  const inherited = new Set<string>();
  const hide = (id: string, reason: THiddenReason) => {
    if (hidden.has(id)) return;
    hidden.set(id, reason);
    for (const q of quantities) {
      if (!q.lines?.includes(id) || hidden.has(q.id)) continue;
      hidden.set(q.id, reason);
      inherited.add(q.id);
    }
  };
  for (const q of quantities) {
    if (q.hidden) hide(q.id, q.hidden);
  }
  for (const q of quantities) {
    if (q.decide && !hidden.has(q.id) && q.value >= 1 && q.value < minGroup) hide(q.id, 'small_group');
  }
  // Hiding one more quantity only takes an equation away (a complement's bound holds of its
  // true value), so an interval never narrows: what kept the promise once keeps it.
  const passed = new Set<string>();
  const excused = (q: TQuantity) =>
    !q.group &&
    ((pinnedAnyway(q, problem) && hasPartner(q, quantities, hidden)) || restIsNobody(q, quantities, hidden));
  const failing = () =>
    quantities.find((q) => {
      if (!hidden.has(q.id) || passed.has(q.id)) return false;
      const kept = keepsPromise(q.value, intervalOf(q, problem, hidden, inherited), minGroup, q.group ?? false);
      if (!kept && !excused(q)) return true;
      passed.add(q.id);
      return false;
    });
  for (let round = 0; round <= quantities.length; round++) {
    const broken = failing();
    if (!broken) return { hidden, kept: true };
    const partner = complementOf(broken, quantities, hidden);
    if (!partner) break;
    hide(partner.id, 'protects_small_group');
  }
  for (const q of quantities) {
    if (!q.decide || q.hidden) continue;
    if (problem.hideAllWhenStuck) {
      hidden.set(q.id, 'protects_small_group');
      inherited.delete(q.id);
    } else if (q.value > 0) hide(q.id, 'protects_small_group');
  }
  passed.clear();
  return { hidden, kept: failing() === undefined };
}

/**
 * Whether what this decision cannot hide (the quantities it may not decide, and what earlier
 * decisions said) pins `target` to one value: then no hiding here protects it, and it is no
 * reason to hide more.
 */
function pinnedAnyway(target: TQuantity, problem: TProtectionProblem): boolean {
  const hidden = new Map<string, THiddenReason>();
  const unbounded = new Set<string>();
  for (const q of problem.quantities) {
    if (q.hidden) hidden.set(q.id, q.hidden);
    else if (q.decide) {
      hidden.set(q.id, 'protects_small_group');
      unbounded.add(q.id);
    }
  }
  const { lo, hi } = intervalOf(target, problem, hidden, unbounded);
  return lo === hi;
}

/** A line (cells lie in it) as large as a shown count that holds it: what it pins is that the rest is 0. */
function restIsNobody(line: TQuantity, quantities: readonly TQuantity[], hidden: ReadonlyMap<string, THiddenReason>) {
  if (!quantities.some((q) => q.lines?.includes(line.id))) return false;
  return quantities.some(
    (q) => !hidden.has(q.id) && q.value === line.value && line.atoms.every((a) => q.atoms.includes(a)),
  );
}

/** Another hidden, non-empty quantity that a shown sum holds together with `target`: its complement. */
function hasPartner(target: TQuantity, quantities: readonly TQuantity[], hidden: ReadonlyMap<string, THiddenReason>) {
  const atoms = new Set(target.atoms);
  const sums = quantities.filter((q) => !hidden.has(q.id) && target.atoms.every((a) => q.atoms.includes(a)));
  return quantities.some(
    (q) =>
      q.id !== target.id &&
      q.decide &&
      hidden.has(q.id) &&
      q.value > 0 &&
      !q.atoms.some((a) => atoms.has(a)) &&
      sums.some((sum) => q.atoms.every((a) => sum.atoms.includes(a))),
  );
}

/**
 * A complement for `failing`: from the narrowest shown sum that holds it, the smallest shown,
 * non-empty quantity in that sum that does not overlap it (what the sum minus the shown rest
 * would otherwise give away).
 */
function complementOf(
  failing: TQuantity,
  quantities: readonly TQuantity[],
  hidden: ReadonlyMap<string, THiddenReason>,
): TQuantity | undefined {
  const atoms = new Set(failing.atoms);
  const sums = quantities
    .filter((q) => !hidden.has(q.id) && failing.atoms.every((a) => q.atoms.includes(a)))
    .sort((a, b) => a.atoms.length - b.atoms.length);
  for (const sum of sums) {
    const inside = new Set(sum.atoms);
    const candidates = quantities.filter(
      (q) =>
        q.decide &&
        !hidden.has(q.id) &&
        q.value > 0 &&
        !q.atoms.some((a) => atoms.has(a)) &&
        q.atoms.every((a) => inside.has(a)),
    );
    const best = candidates.sort((a, b) => a.value - b.value || a.atoms.length - b.atoms.length)[0];
    if (best) return best;
  }
  return undefined;
}

/** The feasible interval of one quantity, given what is shown and what the reasons say. */
export function intervalOf(
  target: TQuantity,
  { minGroup, quantities }: TProtectionProblem,
  hidden: ReadonlyMap<string, THiddenReason>,
  inherited: ReadonlySet<string> = new Set(),
): TInterval {
  const constraints = new Map<string, { equal?: number; min?: number; max?: number }>();
  const members = new Map<string, string[]>();
  for (const q of quantities) {
    const reason = hidden.get(q.id);
    const bound = reason ? (inherited.has(q.id) ? undefined : boundOf(q, reason, minGroup)) : { equal: q.value };
    if (!bound) continue;
    constraints.set(q.id, bound);
    for (const atom of q.atoms) members.set(atom, [...(members.get(atom) ?? []), q.id]);
  }
  const variables = new Map<string, Map<string, number>>();
  for (const atom of new Set(quantities.flatMap((q) => q.atoms))) {
    const coefficients = new Map((members.get(atom) ?? []).map((id) => [id, 1]));
    if (target.atoms.includes(atom)) coefficients.set('objective', 1);
    variables.set(atom, coefficients);
  }
  const optimum = (direction: 'minimize' | 'maximize') => {
    const solution = solve({ direction, objective: 'objective', constraints, variables });
    if (solution.status === 'unbounded') return Number.POSITIVE_INFINITY;
    if (solution.status !== 'optimal') throw new Error(`The protection problem has no solution (${solution.status})`);
    return Math.round(solution.result * 1e6) / 1e6;
  };
  return { lo: optimum('minimize'), hi: optimum('maximize') };
}

function boundOf(q: TQuantity, reason: THiddenReason, minGroup: number) {
  if (q.hidden) return q.known;
  if (reason === 'small_group') return { ...(q.atLeastOne ? { min: 1 } : {}), max: minGroup - 1 };
  // Only where a complement is chosen as such is it known not to be small.
  return q.atLeastOne ? { min: minGroup } : undefined;
}
