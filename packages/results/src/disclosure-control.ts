import { NO_ANSWER_GROUP_KEY } from '@enkat/survey-schema';
import { protect, type THiddenReason, type TQuantity } from './protection.js';

/**
 * One disclosure-control decision per wave (anonymity invariant 4): which counts of every
 * published table are shown, taken once from all of the wave's counts, so that every table,
 * breakdown (both directions), agreement figure, trend and export shows the same cells. The
 * protection rule itself is in protection.ts. The decision is made in three steps, each
 * knowing what the earlier ones hide (as an attacker would):
 *
 * 1. each background question's own table: how many gave each answer;
 * 2. each pair of background questions, one two-way table read in both directions: its cells
 *    and the n of each column (those of a group who answered the other question); a hidden
 *    column hides its cells, and a group hidden in step 1 hides its column and row;
 * 3. each other choice question broken down by each background question: whole columns (how
 *    many of the group answered, and their answers), a group hidden in step 1 hidden here too.
 *
 * Those who skipped a background question are a group like its answers' groups: the "Ej svar"
 * column of every breakdown by it, decided in every step under the option NO_ANSWER_GROUP_KEY
 * (own, column, cell). Their number is responses − Totalt, both printed, so in step 1 it is
 * hidden when small but cannot be protected by hiding other lines; the attacker of steps 2
 * and 3 knows it exactly, and what is protected there is what those people answered. Those who
 * skipped another question are counted by the attacker as well: an unknown the linear
 * programs include, treated as shown where it can be worked out.
 */

/** The group of those who skipped a background question, as an option id. */
const SKIP = NO_ANSWER_GROUP_KEY;

export interface TBackgroundCounts {
  id: string;
  /** Option ids in order. */
  options: readonly string[];
  /** How many gave each option. */
  counts: ReadonlyMap<string, number>;
}

export interface TDisclosureInput {
  minGroup: number;
  responses: number;
  background: readonly TBackgroundCounts[];
  /** How many gave option `a` to background question `A` and `b` to `B`: key `A/a/B/b` (either way round). */
  pairs: ReadonlyMap<string, number>;
  /** Every other choice question: how many answered it, and how many of each background group did. */
  questions: readonly {
    id: string;
    answered: number;
    /** Key `B/b`: of those who gave b to background question B, how many answered this question. */
    byGroup: ReadonlyMap<string, number>;
  }[];
}

export type TDisclosureReason = THiddenReason;

/** The decision: null where a count is shown, else why it is hidden. */
export interface TDisclosureDecision {
  /** A background question whose own table cannot be protected cell by cell: withheld whole. */
  withheld(backgroundId: string): boolean;
  /** A background answer's count in its question's own table (NO_ANSWER_GROUP_KEY: those who skipped it). */
  own(backgroundId: string, option: string): TDisclosureReason | null;
  /** A whole column (group `option` of `backgroundId`) of question `questionId` broken down by it. */
  column(questionId: string, backgroundId: string, option: string): TDisclosureReason | null;
  /** One cell of a background question broken down by another (either direction): `questionId` = `answer`. */
  cell(questionId: string, answer: string, backgroundId: string, option: string): TDisclosureReason | null;
}

export const pairKey = (a: string, optionA: string, b: string, optionB: string) => `${a}/${optionA}/${b}/${optionB}`;

export function decideDisclosure(input: TDisclosureInput): TDisclosureDecision {
  const { minGroup, responses, background } = input;
  const own = new Map<string, TDisclosureReason>();
  const withheld = new Set<string>();
  for (const question of background) {
    const { hidden, kept } = ownTable(question, minGroup, responses);
    if (!kept) withheld.add(question.id);
    // A withheld table's groups are hidden in every breakdown by it with the reason that bounds
    // nothing: "fewer than 5" on every column, those who skipped it among them, would add up.
    for (const [option, reason] of hidden) own.set(`${question.id}/${option}`, kept ? reason : 'protects_small_group');
  }
  // What the attacker knows of a background answer's own count (SKIP: those who skipped the
  // question): shown (undefined), or hidden with what its reason, printed on every breakdown by
  // the question, says. Of a withheld table nothing is printed, not even Totalt.
  const known = (id: string, option: string): Pick<TQuantity, 'hidden' | 'known' | 'group'> | undefined => {
    const reason = own.get(`${id}/${option}`);
    if (withheld.has(id)) return { hidden: 'protects_small_group' };
    if (!reason) return undefined;
    // Printed as responses − Totalt.
    if (option === SKIP) return undefined;
    // A small group's size stays promised 1 to minGroup − 1 here too: group, checked again.
    if (reason === 'small_group') return { hidden: reason, known: { min: 1, max: minGroup - 1 }, group: true };
    return { hidden: reason, known: { min: minGroup } };
  };
  /** A group hidden in its question's own table: its column in every breakdown by it is hidden too. */
  const hiddenGroup = (id: string, option: string) => {
    const reason = own.get(`${id}/${option}`);
    return reason ? { hidden: reason } : {};
  };
  const steps = { known, hiddenGroup, withheld: (id: string) => withheld.has(id) };

  const columns = new Map<string, TDisclosureReason>();
  const cells = new Map<string, TDisclosureReason>();
  for (const [id, reason] of pairTables(input, steps)) {
    const [kind, a, x, b, y] = id.split('\u0000');
    // line ‹question› ‹by› ‹group›: column ‹group› of ‹question› broken down by ‹by›.
    if (kind === 'line') columns.set(`${a}|${x}/${b}`, reason);
    if (kind === 'cell') {
      cells.set(`${a}/${x}|${b}/${y}`, reason);
      cells.set(`${b}/${y}|${a}/${x}`, reason);
    }
  }
  for (const question of input.questions) {
    for (const b of background) {
      for (const [option, reason] of columnsOf({ question, b, minGroup, responses, steps })) {
        columns.set(`${question.id}|${b.id}/${option}`, reason);
      }
    }
  }
  return {
    withheld: (id) => withheld.has(id),
    own: (id, option) => own.get(`${id}/${option}`) ?? null,
    column: (questionId, id, option) => columns.get(`${questionId}|${id}/${option}`) ?? null,
    cell: (questionId, answer, id, option) => cells.get(`${questionId}/${answer}|${id}/${option}`) ?? null,
  };
}

type TSteps = {
  known: (id: string, option: string) => Pick<TQuantity, 'hidden' | 'known' | 'group'> | undefined;
  hiddenGroup: (id: string, option: string) => Pick<TQuantity, 'hidden'>;
  withheld: (id: string) => boolean;
};

/**
 * Step 1: a background question's own table. Those who skipped it are the remainder that
 * responses − Totalt prints: hidden as small when 1 to minGroup − 1 (the "Ej svar" group of
 * every breakdown by it), never a complement, and no reason to withhold the table.
 */
function ownTable(question: TBackgroundCounts, minGroup: number, responses: number) {
  const atoms = question.options.map((o) => `g\u0000${o}`);
  const answered = question.options.reduce((sum, o) => sum + (question.counts.get(o) ?? 0), 0);
  const quantities: TQuantity[] = [
    ...question.options.map((o, i) => ({
      id: o,
      atoms: [atoms[i] ?? ''],
      value: question.counts.get(o) ?? 0,
      decide: true,
      atLeastOne: true,
      group: true,
    })),
    { id: '\u0000answered', atoms, value: answered },
    { id: '\u0000responses', atoms: [...atoms, `g\u0000${SKIP}`], value: responses },
  ];
  // Unprotectable (say, groups of 1 and 5 and nothing else): the whole table is withheld.
  const protection = protect({ minGroup, quantities });
  const skipped = responses - answered;
  if (skipped >= 1 && skipped < minGroup) protection.hidden.set(SKIP, 'small_group');
  return protection;
}

/** Above this many combinations of background answers the pairs are decided one by one. */
const JOINT_LIMIT = 1500;

/**
 * Step 2: every two-way table of background questions a × b, with the skipped rows and
 * columns. The unknowns are, where that stays small, the counts of every combination of all
 * background answers, so the tables are decided together, against an attacker who combines
 * them (three questions' pairwise tables tell more than each alone); else each pair apart.
 */
function pairTables(input: TDisclosureInput, steps: TSteps) {
  const { background } = input;
  const size = background.reduce((n, q) => n * (q.options.length + 1), 1);
  const pairs = background.flatMap((a, i) => background.slice(i + 1).map((b) => [a, b] as const));
  if (size > JOINT_LIMIT) return pairs.flatMap(([a, b]) => [...pairProblem(input, steps, [a, b])]);
  return [...pairProblem(input, steps, background)];
}

function pairProblem(input: TDisclosureInput, steps: TSteps, questions: readonly TBackgroundCounts[]) {
  const { known, hiddenGroup } = steps;
  let combos: string[][] = [[]];
  for (const q of questions) combos = combos.flatMap((c) => [...q.options, SKIP].map((o) => [...c, o]));
  const index = new Map(questions.map((q, i) => [q.id, i]));
  const atomsWhere = (conditions: [string, (o: string) => boolean][]) =>
    combos
      .filter((combo) => conditions.every(([id, test]) => test(combo[index.get(id) ?? 0] ?? SKIP)))
      .map((combo) => `j\u0000${combo.join('\u0000')}`);
  const is = (option: string) => (o: string) => o === option;
  const answered = (o: string) => o !== SKIP;
  const sum = (list: number[]) => list.reduce((s, n) => s + n, 0);
  const byId = new Map(questions.map((q) => [q.id, q]));
  const pair = (a: string, x: string, b: string, y: string) =>
    input.pairs.get(pairKey(a, x, b, y)) ?? input.pairs.get(pairKey(b, y, a, x)) ?? 0;
  // Gave x to a and skipped b: those who gave x, less those of them who answered b.
  const value = (a: string, x: string, b: string, y: string): number => {
    if (x === SKIP && y === SKIP) throw new Error('No cell of two skipped questions is published.');
    if (x === SKIP) return value(b, y, a, x);
    if (y !== SKIP) return pair(a, x, b, y);
    return (byId.get(a)?.counts.get(x) ?? 0) - sum((byId.get(b)?.options ?? []).map((o) => pair(a, x, b, o)));
  };
  const quantities: TQuantity[] = [];
  for (const q of questions) {
    for (const o of [...q.options, SKIP]) {
      quantities.push({
        id: `own\u0000${q.id}\u0000${o}`,
        atoms: atomsWhere([[q.id, is(o)]]),
        value: o === SKIP ? input.responses - sum(q.options.map((x) => q.counts.get(x) ?? 0)) : (q.counts.get(o) ?? 0),
        ...known(q.id, o),
      });
    }
    const total = sum(q.options.map((o) => q.counts.get(o) ?? 0));
    quantities.push({
      id: `answered\u0000${q.id}`,
      atoms: atomsWhere([[q.id, answered]]),
      value: total,
      ...(steps.withheld(q.id) ? { hidden: 'protects_small_group' as const } : {}),
    });
  }
  quantities.push({ id: 'responses', atoms: atomsWhere([]), value: input.responses });
  questions.forEach((a, i) => {
    for (const b of questions.slice(i + 1)) {
      // A line: those who gave x to a (or skipped it) and answered b, the n of column x of
      // "b by a" (and the other way round).
      const line = (p: TBackgroundCounts, x: string, o: TBackgroundCounts) => ({
        id: `line\u0000${o.id}\u0000${p.id}\u0000${x}`,
        atoms: atomsWhere([
          [p.id, is(x)],
          [o.id, answered],
        ]),
        value: sum(o.options.map((y) => value(p.id, x, o.id, y))),
        decide: true,
        ...hiddenGroup(p.id, x),
      });
      for (const x of [...a.options, SKIP]) quantities.push(line(a, x, b));
      for (const y of [...b.options, SKIP]) quantities.push(line(b, y, a));
      // The cells of a "skipped" column: gave x to one question and skipped the other.
      const skippedCell = (p: TBackgroundCounts, x: string, o: TBackgroundCounts): TQuantity => ({
        id: `cell\u0000${p.id}\u0000${x}\u0000${o.id}\u0000${SKIP}`,
        atoms: atomsWhere([
          [p.id, is(x)],
          [o.id, is(SKIP)],
        ]),
        value: value(p.id, x, o.id, SKIP),
        decide: true,
        lines: [`line\u0000${p.id}\u0000${o.id}\u0000${SKIP}`],
      });
      for (const x of a.options) quantities.push(skippedCell(a, x, b));
      for (const y of b.options) quantities.push(skippedCell(b, y, a));
      for (const x of a.options) {
        for (const y of b.options) {
          quantities.push({
            id: `cell\u0000${a.id}\u0000${x}\u0000${b.id}\u0000${y}`,
            atoms: atomsWhere([
              [a.id, is(x)],
              [b.id, is(y)],
            ]),
            value: value(a.id, x, b.id, y),
            decide: true,
            lines: [`line\u0000${b.id}\u0000${a.id}\u0000${x}`, `line\u0000${a.id}\u0000${b.id}\u0000${y}`],
          });
        }
      }
    }
  });
  return protect({ minGroup: input.minGroup, quantities, hideAllWhenStuck: true }).hidden;
}

/**
 * Step 3: a question broken down by background question b, column by column, the column of
 * those who skipped b among them. Unknowns per group: those who answered the question and
 * those who did not; how many skipped b is known (responses − Totalt).
 */
function columnsOf({
  question,
  b,
  minGroup,
  responses,
  steps,
}: {
  question: TDisclosureInput['questions'][number];
  b: TBackgroundCounts;
  minGroup: number;
  responses: number;
  steps: TSteps;
}) {
  const { known, hiddenGroup } = steps;
  const groups = [...b.options, SKIP];
  const answeredIn = (o: string) => question.byGroup.get(`${b.id}/${o}`) ?? 0;
  const assigned = b.options.reduce((s, o) => s + answeredIn(o), 0);
  const skippedB = responses - b.options.reduce((s, o) => s + (b.counts.get(o) ?? 0), 0);
  const quantities: TQuantity[] = b.options.flatMap((o): TQuantity[] => [
    { id: `own\u0000${o}`, atoms: [`m\u0000${o}`, `u\u0000${o}`], value: b.counts.get(o) ?? 0, ...known(b.id, o) },
    {
      id: o,
      atoms: [`m\u0000${o}`],
      value: answeredIn(o),
      decide: true,
      ...hiddenGroup(b.id, o),
    },
  ]);
  quantities.push(
    { id: `own\u0000${SKIP}`, atoms: [`m\u0000${SKIP}`, `u\u0000${SKIP}`], value: skippedB, ...known(b.id, SKIP) },
    {
      id: SKIP,
      atoms: [`m\u0000${SKIP}`],
      value: question.answered - assigned,
      decide: true,
      ...hiddenGroup(b.id, SKIP),
    },
    { id: '\u0000answered', atoms: groups.map((o) => `m\u0000${o}`), value: question.answered },
    { id: '\u0000responses', atoms: groups.flatMap((o) => [`m\u0000${o}`, `u\u0000${o}`]), value: responses },
  );
  const { hidden } = protect({ minGroup, quantities, hideAllWhenStuck: true });
  return [...hidden].filter(([id]) => !id.startsWith('own\u0000') && !id.startsWith('\u0000'));
}
