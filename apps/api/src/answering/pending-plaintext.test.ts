import { answersSchemaFor, questionsOf, type TAnswers, TEMPLATE_2012 } from '@enkat/survey-schema';
import { describe, expect, it } from 'vitest';
import { canonicalAnswers, plaintextBound } from './pending-plaintext.js';

const parse = (answers: Record<string, unknown>) => answersSchemaFor(TEMPLATE_2012).parse(answers) as TAnswers;

describe('the plaintext of a pending submission', () => {
  it('is the same for the same answers in any order', () => {
    expect(canonicalAnswers({ q2: 's1', q1: 'ja' })).toBe(canonicalAnswers({ q1: 'ja', q2: 's1' }));
  });

  it('never exceeds the bound, even with every question answered at its longest in the widest characters', () => {
    const longest: Record<string, unknown> = {};
    for (const question of questionsOf(TEMPLATE_2012)) {
      if (question.type === 'free_text') {
        // Three-byte characters, to the limit.
        longest[question.id] = '€'.repeat(question.maxLength);
      } else if (question.type === 'multiple_choice') {
        longest[question.id] = question.options.map((option) => option.id);
      } else {
        const widest = [...question.options].sort((a, b) => b.id.length - a.id.length)[0];
        longest[question.id] = widest?.id;
      }
    }
    const text = canonicalAnswers(parse(longest));
    expect(Buffer.byteLength(text)).toBeGreaterThan(plaintextBound(TEMPLATE_2012) * 0.98);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(plaintextBound(TEMPLATE_2012));
  });

  it('refuses the characters that would break the bound', () => {
    for (const bad of ['a\u0000b', 'x\u001by', 'half \ud800 a character', '\udc00']) {
      expect(() => parse({ q7: bad, q1: 'ja' })).toThrow();
    }
    expect(parse({ q7: 'tab\tand\r\nbreaks 😀' }).q7).toBe('tab\tand\r\nbreaks 😀');
  });
});
