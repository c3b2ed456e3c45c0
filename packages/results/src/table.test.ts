import { questionsOf, type TChoiceQuestion, TEMPLATE_2012 } from '@enkat/survey-schema';
import { describe, expect, it } from 'vitest';
import { formatPercent } from './format.js';
import { questionTable } from './table.js';

function question2012(id: string): TChoiceQuestion {
  const question = questionsOf(TEMPLATE_2012).find((q) => q.id === id);
  if (!question || question.type === 'free_text') throw new Error(`No choice question ${id}`);
  return question;
}

/** The six tables as printed in the 2012 report: [label, "Procent", count] per row, and Totalt. */
const PUBLISHED: Record<string, { rows: [string, string, number][]; total: number }> = {
  q1: {
    rows: [
      ['Ja', '72,8 %', 131],
      ['Nej', '17,2 %', 31],
      ['Vet ej', '10,0 %', 18],
    ],
    total: 180,
  },
  q2: {
    rows: [
      ['Instämmer helt', '28,0 %', 51],
      ['Instämmer delvis', '55,5 %', 101],
      ['Instämmer inte', '10,4 %', 19],
      ['Instämmer inte alls', '4,4 %', 8],
      ['Vet ej', '1,6 %', 3],
    ],
    total: 182,
  },
  q3: {
    rows: [
      ['Instämmer helt', '32,2 %', 58],
      ['Instämmer delvis', '48,9 %', 88],
      ['Instämmer inte', '9,4 %', 17],
      ['Instämmer inte alls', '3,9 %', 7],
      ['Vet ej', '5,6 %', 10],
    ],
    total: 180,
  },
  q4: {
    rows: [
      ['Instämmer helt', '25,8 %', 47],
      ['Instämmer delvis', '47,3 %', 86],
      ['Instämmer inte', '7,7 %', 14],
      ['Instämmer inte alls', '3,8 %', 7],
      ['Vet ej', '15,4 %', 28],
    ],
    total: 182,
  },
  q5: {
    rows: [
      ['Instämmer helt', '15,3 %', 28],
      ['Instämmer delvis', '61,7 %', 113],
      ['Instämmer inte', '13,7 %', 25],
      ['Instämmer inte alls', '4,9 %', 9],
      ['Vet ej', '4,4 %', 8],
    ],
    total: 183,
  },
  q6: {
    rows: [
      ['Instämmer helt', '14,2 %', 26],
      ['Instämmer delvis', '33,9 %', 62],
      ['Instämmer inte', '22,4 %', 41],
      ['Instämmer inte alls', '29,0 %', 53],
      ['Vet ej', '0,5 %', 1],
    ],
    total: 183,
  },
};

describe('questionTable: the published 2012 tables', () => {
  it.each(Object.entries(PUBLISHED))('reproduces %s exactly', (id, published) => {
    const question = question2012(id);
    // Counts keyed by option id, fed in reverse so the table's order has to come from the question.
    const counts = new Map(
      published.rows.map(([, , count], i): [string, number] => [question.options[i]?.id ?? '', count]).reverse(),
    );
    const table = questionTable({ question, counts, answered: published.total });

    expect(table.total).toBe(published.total);
    expect(table.rows.map((row) => [row.label, formatPercent(row.percent, 'sv'), row.count])).toEqual(
      // The report's "72,8 %" has a space; the platform writes it as a no-break space.
      published.rows.map(([label, text, count]) => [label, text.replace(' ', '\u00A0'), count]),
    );
  });

  it('keeps option ids and roles, and reads a plain record as well as a Map', () => {
    const table = questionTable({
      question: question2012('q1'),
      counts: { nej: 31, ja: 131, 'dont-know': 18 },
      answered: 180,
    });
    expect(table.rows).toEqual([
      { optionId: 'ja', label: 'Ja', role: 'choice', count: 131, percent: 72.8 },
      { optionId: 'nej', label: 'Nej', role: 'choice', count: 31, percent: 17.2 },
      { optionId: 'dont-know', label: 'Vet ej', role: 'dont_know', count: 18, percent: 10 },
    ]);
  });
});

describe('questionTable', () => {
  const many: TChoiceQuestion = {
    id: 'many',
    type: 'multiple_choice',
    text: 'Vad tar tid?',
    required: false,
    options: [
      { id: 'adm', label: 'Administration', role: 'choice' },
      { id: 'dok', label: 'Dokumentation', role: 'choice' },
      { id: 'res', label: 'Resor', role: 'choice' },
    ],
  };

  it('bases multiple choice on those who answered, so it may add up to more than 100 %', () => {
    const table = questionTable({ question: many, counts: { adm: 8, dok: 6 }, answered: 10 });
    expect(table.rows.map((row) => row.percent)).toEqual([80, 60, 0]);
  });

  it('gives no percentages when nobody answered', () => {
    const table = questionTable({ question: many, counts: {}, answered: 0 });
    expect(table.rows.map((row) => [row.count, row.percent])).toEqual([
      [0, null],
      [0, null],
      [0, null],
    ]);
  });

  it('refuses counts that cannot be true', () => {
    const q1 = question2012('q1');
    expect(() => questionTable({ question: q1, counts: { ja: 2, okänd: 1 }, answered: 3 })).toThrow(/no option/);
    expect(() => questionTable({ question: q1, counts: { ja: 2, nej: 2 }, answered: 3 })).toThrow(/add up to 4/);
    expect(() => questionTable({ question: q1, counts: { ja: -1 }, answered: 0 })).toThrow(RangeError);
    expect(() => questionTable({ question: many, counts: { adm: 11 }, answered: 10 })).toThrow(/more than 10/);
  });
});
