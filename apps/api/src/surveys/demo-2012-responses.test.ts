import { answersSchemaFor, type TAnswers, TEMPLATE_2012 } from '@enkat/survey-schema';
import { describe, expect, it } from 'vitest';
import { demo2012Responses } from './demo-2012-responses.js';

/**
 * Golden data: the report's tables for questions 1–6, typed from the report by option id.
 * q1: ja = Ja, nej = Nej. Agreement: s1 = Instämmer helt, s2 = Instämmer delvis,
 * s3 = Instämmer inte, s4 = Instämmer inte alls. dont-know = Vet ej. total = Totalt.
 */
const PUBLISHED: Record<string, Record<string, number>> = {
  q1: { ja: 131, nej: 31, 'dont-know': 18, total: 180 },
  q2: { s1: 51, s2: 101, s3: 19, s4: 8, 'dont-know': 3, total: 182 },
  q3: { s1: 58, s2: 88, s3: 17, s4: 7, 'dont-know': 10, total: 180 },
  q4: { s1: 47, s2: 86, s3: 14, s4: 7, 'dont-know': 28, total: 182 },
  q5: { s1: 28, s2: 113, s3: 25, s4: 9, 'dont-know': 8, total: 183 },
  q6: { s1: 26, s2: 62, s3: 41, s4: 53, 'dont-know': 1, total: 183 },
};

const REPORT_QUOTES = [
  'Budget verkar gå före klientens behov',
  'Vi får inte göra professionella individuella bedömningar utan måste förhålla oss till hårda riktlinjer som ett tak. Inte bevilja extra där vi ser att det behövs',
  'Bedömningarna anpassas till det ekonomiska läget och utrymme för det individuella perspektivet blir mindre och mindre',
  'Lite mer tid skulle minska risken för felaktiga bedömningar, felaktiga utbetalningar (som i slutändan drabbar klienten som ska återbetala)',
  'Anser att rättsäkerheten sviktar beroende på stadsdelens ekonomiska status',
  'Jag upplever inte att vi gör det i den mån vi ska göra det, eller i den mån vi själva önskar göra det.',
];

function countsOf(responses: TAnswers[], questionId: string): Record<string, number> {
  const counts: Record<string, number> = { total: 0 };
  for (const answers of responses) {
    const value = answers[questionId];
    if (value === undefined) continue;
    const key = String(value);
    counts[key] = (counts[key] ?? 0) + 1;
    counts.total = (counts.total ?? 0) + 1;
  }
  return counts;
}

const texts = (responses: TAnswers[]) =>
  responses.flatMap((answers) => ['q7', 'q8', 'q12'].map((id) => answers[id]).filter((v) => typeof v === 'string'));

describe('demo2012Responses', () => {
  const responses = demo2012Responses();

  it('has one answer set per 2012 respondent', () => {
    expect(responses).toHaveLength(185);
  });

  it.each(Object.entries(PUBLISHED))('reproduces the published table for %s', (questionId, expected) => {
    expect(countsOf(responses, questionId)).toEqual(expected);
  });

  it('gives answer sets that the 2012 answer schema accepts unchanged', () => {
    const schema = answersSchemaFor(TEMPLATE_2012);
    for (const answers of responses) expect(schema.parse(answers)).toEqual(answers);
  });

  it('is the same on every call', () => {
    expect(demo2012Responses()).toEqual(responses);
  });

  it('does not line answers up by position', () => {
    // A mere concatenation of the table would give the first 131 respondents "ja".
    expect(responses.slice(0, 131).every((answers) => answers.q1 === 'ja')).toBe(false);
  });

  it('contains every free-text quote from the report verbatim, among a few dozen comments', () => {
    const all = texts(responses);
    for (const quote of REPORT_QUOTES) expect(all).toContain(quote);
    expect(all.length).toBeGreaterThanOrEqual(30);
    expect(all.length).toBeLessThanOrEqual(40);
  });

  it('has comments with something that looks like personal data, for the highlighter', () => {
    const all = texts(responses);
    expect(all.some((text) => /\b0\d{1,3}-\d{2,3} \d{2} \d{2}\b/.test(text))).toBe(true);
    expect(all.some((text) => /\S+@\S+\.\w+/.test(text))).toBe(true);
  });

  it('has background groups both under the minimum reporting group and large, and some skips', () => {
    const sizes = ['q9', 'q10', 'q11'].flatMap((id) => {
      const { total, ...groups } = countsOf(responses, id);
      expect(total).toBeLessThan(185);
      return Object.values(groups);
    });
    expect(sizes.some((size) => size >= 1 && size <= 4)).toBe(true);
    expect(sizes.some((size) => size >= 50)).toBe(true);
  });
});
