import { agreementOptions, questionsOf, type TChoiceQuestion, TEMPLATE_2012 } from '@enkat/survey-schema';
import { describe, expect, it } from 'vitest';
import { agreementSummary } from './agreement.js';
import { formatPercent } from './format.js';

type TAgreementQuestion = Extract<TChoiceQuestion, { type: 'agreement' }>;

function agreement2012(id: string): TAgreementQuestion {
  const question = questionsOf(TEMPLATE_2012).find((q) => q.id === id);
  if (question?.type !== 'agreement') throw new Error(`No agreement question ${id}`);
  return question;
}

const counts = (values: number[]) =>
  Object.fromEntries(['s1', 's2', 's3', 's4', 'dont-know'].map((id, i) => [id, values[i] ?? 0]));

describe('agreementSummary: 2012', () => {
  it('gives Q3 agree 81,1 % of all answers and 85,9 % without Vet ej', () => {
    const summary = agreementSummary({
      question: agreement2012('q3'),
      counts: counts([58, 88, 17, 7, 10]),
      answered: 180,
    });
    expect(summary).toEqual({
      questionId: 'q3',
      agreeOptionIds: ['s1', 's2'],
      disagreeOptionIds: ['s3', 's4'],
      excludedOptionIds: ['dont-know'],
      allAnswers: {
        base: 'all_answers',
        total: 180,
        agree: { count: 146, percent: 81.1 },
        disagree: { count: 24, percent: 13.3 },
      },
      scaleAnswers: {
        base: 'scale_answers',
        total: 170,
        agree: { count: 146, percent: 85.9 },
        disagree: { count: 24, percent: 14.1 },
      },
    });
    expect(formatPercent(summary.allAnswers.agree.percent, 'sv')).toBe('81,1\u00A0%');
  });

  it('gives the figures the report rounded by hand: Q2 agree 83,5 % ("84 %"), Q6 disagree 51,4 % ("51 %")', () => {
    const q2 = agreementSummary({ question: agreement2012('q2'), counts: counts([51, 101, 19, 8, 3]), answered: 182 });
    const q6 = agreementSummary({ question: agreement2012('q6'), counts: counts([26, 62, 41, 53, 1]), answered: 183 });
    expect(q2.allAnswers.agree).toEqual({ count: 152, percent: 83.5 });
    expect(q6.allAnswers.disagree).toEqual({ count: 94, percent: 51.4 });
  });
});

describe('agreementSummary', () => {
  const question = (options: TAgreementQuestion['options']): TAgreementQuestion => ({
    id: 'x',
    type: 'agreement',
    text: 'Påstående',
    required: false,
    options,
  });

  it('leaves the middle of a five-point scale out of both sides, and refusals out of the second base', () => {
    const options = [
      ...agreementOptions('sv-5'),
      { id: 'refused', label: 'Vill inte svara', role: 'refused' as const },
    ];
    const summary = agreementSummary({
      question: question(options),
      counts: { s1: 1, s2: 2, s3: 4, s4: 8, s5: 16, 'dont-know': 32, refused: 37 },
      answered: 100,
    });
    expect(summary.agreeOptionIds).toEqual(['s1', 's2']);
    expect(summary.disagreeOptionIds).toEqual(['s4', 's5']);
    expect(summary.allAnswers.agree).toEqual({ count: 3, percent: 3 });
    expect(summary.scaleAnswers.total).toBe(31);
    expect(summary.scaleAnswers.disagree).toEqual({ count: 24, percent: 77.4 });
  });

  it('takes one point per side on a three-point scale, by position', () => {
    const summary = agreementSummary({
      question: question([
        { id: 'ja', label: 'Ja', role: 'scale', position: 1 },
        { id: 'kanske', label: 'Kanske', role: 'scale', position: 2 },
        { id: 'nej', label: 'Nej', role: 'scale', position: 3 },
      ]),
      counts: { ja: 5, kanske: 3, nej: 2 },
      answered: 10,
    });
    expect([summary.agreeOptionIds, summary.disagreeOptionIds]).toEqual([['ja'], ['nej']]);
    expect(summary.scaleAnswers).toMatchObject({ total: 10, agree: { percent: 50 }, disagree: { percent: 20 } });
  });

  it('has no second base when everyone said "Vet ej"', () => {
    const summary = agreementSummary({ question: agreement2012('q2'), counts: { 'dont-know': 4 }, answered: 4 });
    expect(summary.allAnswers.agree).toEqual({ count: 0, percent: 0 });
    expect(summary.scaleAnswers).toMatchObject({ total: 0, agree: { count: 0, percent: null } });
  });
});
