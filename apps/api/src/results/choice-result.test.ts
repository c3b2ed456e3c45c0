import { decideDisclosure, type TDisclosureDecision } from '@enkat/results';
import { questionsOf, type TChoiceQuestion, TEMPLATE_2012 } from '@enkat/survey-schema';
import { describe, expect, it } from 'vitest';
import { choiceResult, type TChoiceResultInput } from './choice-result.js';

const choice = (id: string) => questionsOf(TEMPLATE_2012).find((q) => q.id === id) as TChoiceQuestion;
const counts = (record: Record<string, number>) => ({
  counts: new Map(Object.entries(record)),
  answered: Object.values(record).reduce((a, b) => a + b, 0),
});

/** A wave decision that hides nothing. */
const SHOW_ALL: TDisclosureDecision = { withheld: () => false, own: () => null, column: () => null, cell: () => null };

const q2 = (overrides: Partial<TChoiceResultInput> = {}) =>
  choiceResult({
    question: choice('q2'),
    counts: counts({ s1: 51, s2: 101, s3: 19, s4: 8, 'dont-know': 3 }),
    minGroup: 5,
    population: 640,
    language: 'sv',
    breakdown: null,
    decision: SHOW_ALL,
    ...overrides,
  });

/** The wave decision for q2 by role, everyone having answered q2 and all but `skipped` the role. */
function roleDecision(groups: Map<string, { answered: number }>, skipped = 0): TDisclosureDecision {
  const roles = new Map([...groups].map(([key, group]) => [key, group.answered]));
  const total = [...roles.values()].reduce((a, b) => a + b, 0) + skipped;
  return decideDisclosure({
    minGroup: 5,
    responses: total,
    background: [{ id: 'q9', options: choice('q9').options.map((o) => o.id), counts: roles }],
    pairs: new Map(),
    questions: [{ id: 'q2', answered: total, byGroup: new Map([...roles].map(([key, n]) => [`q9/${key}`, n])) }],
  });
}

const ROLE_GROUPS = new Map([
  ['socialsekreterare', counts({ s1: 40, s2: 90, s3: 15, s4: 6, 'dont-know': 3 })],
  ['bistandsbedomare', counts({ s1: 10, s2: 9, s3: 2 })],
  ['annan', counts({ s1: 1, s2: 1, s3: 1 })],
]);

describe('choiceResult', () => {
  it('gives the table in the question’s option order, each percentage with its margin', () => {
    const { table, withheld } = q2();
    expect(withheld).toBeNull();
    expect(table?.total).toBe(182);
    expect(table?.rows.map((r) => [r.optionId, r.count, r.percent])).toEqual([
      ['s1', 51, 28],
      ['s2', 101, 55.5],
      ['s3', 19, 10.4],
      ['s4', 8, 4.4],
      ['dont-know', 3, 1.6],
    ]);
    const margin = table?.rows[1]?.margin ?? 0;
    const uncorrected = q2({ population: null }).table?.rows[1]?.margin ?? 0;
    expect(margin).toBeLessThan(uncorrected); // finite-population correction
    expect(uncorrected).toBeCloseTo(1.96 * Math.sqrt(((101 / 182) * (81 / 182)) / 182) * 100, 10);
  });

  it('combines agreement on both bases, labelled in the asked language', () => {
    const { agreement } = q2({ language: 'en' });
    expect(agreement?.allAnswers).toMatchObject({ total: 182, agree: { count: 152, percent: 83.5 } });
    expect(agreement?.scaleAnswers).toMatchObject({ total: 179, disagree: { count: 27, percent: 15.1 } });
    expect(agreement?.scaleAnswers.label).toBe('Share of those who took a position (without Don’t know)');
    expect(choiceResult({ ...baseOf('q1') }).agreement).toBeNull();
  });

  it('withholds a question fewer than the minimum group answered, but shows one nobody answered', () => {
    expect(q2({ counts: counts({ s1: 3, s2: 1 }) })).toEqual({
      type: 'agreement',
      withheld: 'too_few_answers',
      table: null,
      agreement: null,
      breakdown: null,
    });
    const empty = q2({ counts: counts({}) });
    expect(empty.withheld).toBeNull();
    expect(empty.table?.rows.every((r) => r.percent === null && r.margin === null)).toBe(true);
  });

  it('breaks down by a background question as the wave decides, a hidden group carrying only its name and why', () => {
    const groups = ROLE_GROUPS;
    const decision = roleDecision(groups);
    const { breakdown } = q2({
      counts: counts({ s1: 51, s2: 100, s3: 18, s4: 6, 'dont-know': 3 }),
      breakdown: { question: choice('q9'), groups, skipped: 0 },
      decision,
    });
    const expected = [...groups.keys()].map((key) => [key, decision.column('q2', 'q9', key)]);
    expect(breakdown?.map((c) => [c.key, c.suppressed ? c.reason : null])).toEqual(expected);
    expect(breakdown?.[2]).toEqual({ key: 'annan', label: 'Annan', suppressed: true, reason: 'small_group' });
    const shown = breakdown?.find((c) => !c.suppressed);
    expect(shown).toMatchObject({
      key: 'socialsekreterare',
      n: 154,
      rows: [{ optionId: 's1', count: 40, percent: 26, hidden: null }, {}, {}, {}, {}],
      agreement: { allAnswers: { agree: { count: 130 } } },
    });
  });

  it('adds those who skipped the background question last, as the wave decides: four are hidden', () => {
    // q2's 182 answers less the 178 of the three roles: four answered q2 but skipped the role.
    const decision = roleDecision(ROLE_GROUPS, 4);
    const { breakdown } = q2({ breakdown: { question: choice('q9'), groups: ROLE_GROUPS, skipped: 4 }, decision });
    expect(breakdown?.map((c) => c.key)).toEqual(['socialsekreterare', 'bistandsbedomare', 'annan', '_no_answer']);
    expect(breakdown?.[3]).toEqual({ key: '_no_answer', label: 'Ej svar', suppressed: true, reason: 'small_group' });
    // With ten of them they are a group like the others, counted as the rest of q2's answers.
    const ten = q2({
      counts: counts({ s1: 53, s2: 103, s3: 20, s4: 9, 'dont-know': 3 }),
      breakdown: { question: choice('q9'), groups: ROLE_GROUPS, skipped: 10 },
      decision: SHOW_ALL,
      language: 'en',
    });
    expect(ten.breakdown?.[3]).toMatchObject({
      key: '_no_answer',
      label: 'No answer',
      n: 10,
      rows: [{ optionId: 's1', count: 2 }, { count: 3 }, { count: 2 }, { count: 3 }, { count: 0 }],
    });
  });

  it('does not break the background question down by itself', () => {
    const groups = new Map([['annan', counts({ annan: 3 })]]);
    const q9 = choiceResult({ ...baseOf('q9'), breakdown: { question: choice('q9'), groups, skipped: 0 } });
    expect(q9.breakdown).toBeNull();
  });
});

function baseOf(id: string): TChoiceResultInput {
  const question = choice(id);
  return {
    question,
    counts: counts({ [question.options[0]?.id ?? '']: 5 }),
    minGroup: 5,
    population: null,
    language: 'sv',
    breakdown: null,
    decision: SHOW_ALL,
  };
}
