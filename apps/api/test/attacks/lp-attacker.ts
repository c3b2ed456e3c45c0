import { NO_ANSWER_GROUP_KEY } from '@enkat/survey-schema';
import highs from 'highs';
import { BACKGROUND_IDS, choiceQuestion } from './generated-waves.js';

/**
 * The LP attacker. Unknowns: the wave's full cross-classification, that is, how many people
 * gave each combination of the three background answers (each option or "skipped"), and for
 * every other question how many of each such combination chose each option (or skipped it).
 * Every number the attacker can read becomes a linear equation over these unknowns; every
 * reason a hidden cell gives ("färre än 5 svar") becomes a bound. Then, for every hidden cell,
 * two linear programs give the smallest and largest value it can have: its feasible interval.
 * This is stronger than linking the published tables by their shared margins, because it also
 * knows that the tables come from one set of people (the three-way structure).
 */

type THighs = { solve(lp: string): { Status: string; ObjectiveValue: number } };
// The package's types describe an ES module's default export; loaded as CommonJS it may sit on `default`.
const loadHighs = (
  typeof highs === 'function' ? highs : (highs as { default: unknown }).default
) as () => Promise<THighs>;

const SKIP = '∅';
type TJson = Record<string, unknown>;
/** One unknown with its coefficient 1: a variable name. A linear sum is a list of them. */
type TSum = string[];

export type TTarget = {
  label: string;
  sum: TSum;
  /** The true value, counted from the generated answer sets. */
  truth: number;
  /** `group`: how many gave one background answer (its question's own table); `answers`: any other count. */
  kind: 'group' | 'answers';
  reason: string | null;
};

/**
 * `pinnedAnyway`: the tables without a breakdown, which every wave prints whatever any
 * breakdown hides, already pin the count (everyone answered q1, and two skipped the role
 * question: so both of them answered q1). No hiding in a breakdown could protect it.
 */
export type TInterval = TTarget & { lo: number; hi: number; pinnedAnyway: boolean };

type TCombo = Record<string, string>;

export class LpAttacker {
  readonly combos: TCombo[];
  private readonly facts = new Map<string, { sum: TSum; value: number; plain: boolean }>();
  private readonly bounds: { sum: TSum; min?: number; max?: number; plain: boolean }[] = [];
  /** Whether what is being read is the results without a breakdown. */
  private plain = false;
  readonly targets = new Map<string, TTarget>();
  /** Printed counts of a group of 1 to minGroup − 1 people: shown outright. */
  readonly smallShown: string[] = [];

  constructor(
    private readonly questions: string[],
    private readonly answers: Record<string, string>[],
    private readonly minGroup: number,
  ) {
    let combos: TCombo[] = [{}];
    for (const id of BACKGROUND_IDS) {
      const levels = [...choiceQuestion(id).options.map((o) => o.id), SKIP];
      combos = combos.flatMap((combo) => levels.map((level) => ({ ...combo, [id]: level })));
    }
    this.combos = combos;
  }

  private levelsOf(question: string): string[] {
    return [...choiceQuestion(question).options.map((o) => o.id), SKIP];
  }

  /** The unknowns counting people who gave `option` to `question` (SKIP: skipped it) within `where`. */
  sumOf(question: string, option: string | 'answered', where: TCombo = {}): TSum {
    const background = (BACKGROUND_IDS as readonly string[]).includes(question);
    const options = option === 'answered' ? this.levelsOf(question).filter((l) => l !== SKIP) : [option];
    const sum: TSum = [];
    this.combos.forEach((combo, i) => {
      if (!Object.entries(where).every(([q, level]) => combo[q] === level)) return;
      if (background) {
        if (options.includes(combo[question] ?? '')) sum.push(`y${i}`);
        return;
      }
      for (const o of options) sum.push(`x_${question}_${this.levelsOf(question).indexOf(o)}_${i}`);
    });
    return sum;
  }

  /** The true value of a sum, from the answer sets. */
  truthOf(question: string, option: string | 'answered', where: TCombo = {}): number {
    return this.answers.filter((a) => {
      if (!Object.entries(where).every(([q, level]) => (a[q] ?? SKIP) === level)) return false;
      const given = a[question] ?? SKIP;
      return option === 'answered' ? given !== SKIP : given === option;
    }).length;
  }

  fact(sum: TSum, value: number, group?: string): void {
    const key = [...sum].sort().join('+');
    this.facts.set(key, { sum, value, plain: this.plain || (this.facts.get(key)?.plain ?? false) });
    if (group && value > 0 && value < this.minGroup) this.smallShown.push(`${group} = ${value}`);
  }

  /**
   * Reads one results answer (parsed loosely, so it reads this version's and earlier shapes):
   * every count printed is a fact, every count missing or hidden a target with its reason.
   */
  read(results: TJson, breakdown: string | null): void {
    this.plain = breakdown === null;
    this.fact(
      this.combos.map((_, i) => `y${i}`),
      results.responses as number,
    );
    for (const q of results.questions as TJson[]) {
      const id = q.questionId as string;
      if (q.type === 'free_text') continue;
      if (!this.questions.includes(id) && !(BACKGROUND_IDS as readonly string[]).includes(id)) continue;
      const table = q.table as TJson | null;
      if (!table) {
        this.target(`${id} answered (withheld)`, id, 'answered', {}, 'answers', 'too_few_answers');
        continue;
      }
      if (typeof table.total === 'number') this.fact(this.sumOf(id, 'answered'), table.total);
      const background = (BACKGROUND_IDS as readonly string[]).includes(id);
      for (const row of table.rows as TJson[]) {
        const option = row.optionId as string;
        if (typeof row.count === 'number' && !row.hidden) {
          this.fact(this.sumOf(id, option), row.count, background ? `${id}=${option}` : undefined);
        } else this.target(`${id}=${option}`, id, option, {}, 'group', (row.hidden as string) ?? null);
      }
      if (!breakdown || !q.breakdown) continue;
      const columns = q.breakdown as TJson[];
      // Those who skipped the breakdown question: their column ("Ej svar"), or, where none is
      // printed, what they answered as the attacker can work it out from the rest.
      if (!columns.some((column) => column.key === NO_ANSWER_GROUP_KEY)) {
        const where = { [breakdown]: SKIP };
        const at = `${id} | ${breakdown} skipped (no column)`;
        this.target(`${at}: n`, id, 'answered', where, 'answers', null);
        for (const option of this.levelsOf(id).filter((l) => l !== SKIP)) {
          this.target(`${at}: ${option}`, id, option, where, 'answers', null);
        }
      }
      for (const column of columns) {
        const key = column.key === NO_ANSWER_GROUP_KEY ? SKIP : (column.key as string);
        const where = { [breakdown]: key };
        const at = `${id} | ${breakdown}=${key}`;
        if (column.suppressed) {
          const reason = (column.reason as string) ?? null;
          this.target(`${at}: n`, id, 'answered', where, 'answers', reason);
          for (const option of this.levelsOf(id).filter((l) => l !== SKIP)) {
            this.target(`${at}: ${option}`, id, option, where, 'answers', reason);
          }
          continue;
        }
        this.fact(this.sumOf(id, 'answered', where), column.n as number, `${at}: n`);
        for (const row of column.rows as TJson[]) {
          const option = row.optionId as string;
          if (typeof row.count === 'number' && !row.hidden) {
            this.fact(this.sumOf(id, option, where), row.count, background ? `${at}: ${option}` : undefined);
          } else this.target(`${at}: ${option}`, id, option, where, 'answers', (row.hidden as string) ?? null);
        }
      }
    }
  }

  private target(
    label: string,
    question: string,
    option: string | 'answered',
    where: TCombo,
    kind: TTarget['kind'],
    reason: string | null,
  ): void {
    const sum = this.sumOf(question, option, where);
    const key = [...sum].sort().join('+');
    const truth = this.truthOf(question, option, where);
    if (!this.targets.has(key)) this.targets.set(key, { label, sum, truth, kind, reason });
    // What a reason says about the hidden count, as the rule's README states it.
    const plain = this.plain;
    if (reason === 'small_group') this.bounds.push({ sum, max: this.minGroup - 1, plain });
    if (reason === 'small_group' && kind === 'group') this.bounds.push({ sum, min: 1, plain });
    if (reason === 'protects_small_group' && kind === 'group') {
      this.bounds.push({ sum, min: this.minGroup, plain });
    }
  }

  /** The consistency of the unknowns: each question's options of a combination add up to its people. */
  private structure(): string[] {
    const lines: string[] = [];
    for (const question of this.questions) {
      const levels = this.levelsOf(question);
      this.combos.forEach((_, i) => {
        const terms = levels.map((_, l) => `x_${question}_${l}_${i}`);
        lines.push(`${terms.join(' + ')} - y${i} = 0`);
      });
    }
    return lines;
  }

  /** The feasible interval of every target, and whether the tables without a breakdown pin it already. */
  async intervals(): Promise<TInterval[]> {
    const solver = await loadHighs();
    const all = this.solver(solver, () => true);
    const plain = this.solver(solver, (item) => item.plain);
    return [...this.targets.values()].map((target) => {
      const lo = all('Minimize', target.sum);
      const hi = all('Maximize', target.sum);
      const pinnedAnyway = lo === hi && plain('Minimize', target.sum) === plain('Maximize', target.sum);
      return { ...target, lo, hi, pinnedAnyway };
    });
  }

  /** The optimum of a sum under the structure and the facts and bounds `use` keeps. */
  private solver(solver: THighs, use: (item: { plain: boolean }) => boolean) {
    const constraints = [
      ...this.structure(),
      ...[...this.facts.values()]
        .filter(use)
        .map(({ sum, value }) => `${sum.length ? sum.join(' + ') : '0 y0'} = ${value}`),
      ...this.bounds
        .filter(use)
        .flatMap(({ sum, min, max }) => [
          ...(min === undefined ? [] : [`${sum.join(' + ')} >= ${min}`]),
          ...(max === undefined ? [] : [`${sum.join(' + ')} <= ${max}`]),
        ]),
    ].map((line, i) => ` c${i}: ${line}`);
    const body = `Subject To\n${constraints.join('\n')}\nEnd`;
    return (direction: 'Minimize' | 'Maximize', sum: TSum): number => {
      if (sum.length === 0) return 0;
      const solution = solver.solve(`${direction}\n obj: ${sum.join(' + ')}\n${body}`);
      if (solution.Status !== 'Optimal') throw new Error(`LP ${direction}: ${solution.Status}`);
      return Math.round(solution.ObjectiveValue * 1e6) / 1e6;
    };
  }
}
