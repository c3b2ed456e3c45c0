import type { TChoiceQuestion, TQuestionResult, TWaveResults } from '@enkat/survey-schema';
import { describe, expect, it } from 'vitest';
import { choiceResult } from './choice-result.js';
import { trendQuestions } from './trend-questions.js';

const yesNo = (id: string, text = `Fråga ${id}`, extra = false): TChoiceQuestion => ({
  id,
  type: 'single_choice',
  text,
  required: false,
  options: [
    { id: 'ja', label: 'Ja', role: 'choice' },
    { id: 'nej', label: 'Nej', role: 'choice' },
    ...(extra ? [{ id: 'kanske', label: 'Kanske', role: 'choice' as const }] : []),
  ],
});

function result(question: TChoiceQuestion, counts: Record<string, number>): TQuestionResult {
  const answered = Object.values(counts).reduce((a, b) => a + b, 0);
  const figures = choiceResult({
    question,
    counts: { counts: new Map(Object.entries(counts)), answered },
    minGroup: 5,
    population: null,
    language: 'sv',
    decision: { withheld: () => false, own: () => null, column: () => null, cell: () => null },
    breakdown: null,
  });
  const base = { questionId: question.id, text: question.text, sectionId: 's', sectionTitle: null };
  return { ...base, wordingChangedSince: null, ...figures };
}

const wave = (id: string, questions: TQuestionResult[]) => ({
  id,
  results: {
    responses: 100,
    population: { invited: null, codesIssued: null, size: null },
    questions,
  } as unknown as TWaveResults,
});

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';
const D = '00000000-0000-4000-8000-00000000000d';

describe('trendQuestions', () => {
  it('orders questions as the latest wave does, then those only earlier waves had; free text has no trend', () => {
    const free: TQuestionResult = {
      questionId: 'fri',
      type: 'free_text',
      text: 'Övrigt',
      sectionId: 's',
      sectionTitle: null,
      wordingChangedSince: null,
      writers: 12,
      commentsShown: true,
    };
    const trend = trendQuestions([
      wave(A, [result(yesNo('gammal'), { ja: 10 }), result(yesNo('a'), { ja: 10 })]),
      wave(B, [result(yesNo('b'), { ja: 10 }), free, result(yesNo('a'), { ja: 10 })]),
    ]);
    expect(trend.map((q) => q.questionId)).toEqual(['b', 'a', 'gammal']);
    expect(trend[2]?.points.map((p) => p.available)).toEqual([true, false]);
    // Numbered as each one's latest results page numbers it: the free-text question counts there.
    expect(trend.map((q) => q.number)).toEqual([1, 3, 1]);
  });

  it('compares each wave with the previous one that has the question, and says whether the change is real', () => {
    const trend = trendQuestions([
      wave(A, [result(yesNo('a'), { ja: 80, nej: 20 })]),
      wave(B, []),
      { id: C, results: null },
      wave(D, [result(yesNo('a', 'Ny lydelse', true), { ja: 40, nej: 50, kanske: 10 })]),
    ]);
    const [step] = trend[0]?.steps ?? [];
    expect(trend[0]?.steps).toHaveLength(1);
    expect(step).toMatchObject({
      fromWaveId: A,
      toWaveId: D,
      wordingChanged: true,
    });
    const ja = step?.options.find((o) => o.optionId === 'ja')?.change;
    expect(ja?.difference).toBeCloseTo(-40, 10);
    expect(ja?.significant).toBe(true);
    expect(step?.options.find((o) => o.optionId === 'kanske')?.change).toBeNull();
    expect(trend[0]?.options.map((o) => o.label)).toEqual(['Ja', 'Nej', 'Kanske']);
    expect(trend[0]?.text).toBe('Ny lydelse');
  });
});
