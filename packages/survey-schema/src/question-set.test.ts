import { describe, expect, it } from 'vitest';
import { answersSchemaFor } from './answers.js';
import { wordingChanges } from './compare.js';
import { exportQuestionSet, importQuestionSet } from './document.js';
import { agreementOptions } from './presets.js';
import { questionsOf, type TQuestionSetInput, ZQuestion, ZQuestionSet } from './question-set.js';
import { TEMPLATE_2012 } from './template-2012.js';

const choice = (id: string, label = id) => ({ id, label, role: 'choice' as const });

const SET: TQuestionSetInput = {
  title: 'Test',
  language: 'sv',
  sections: [
    {
      id: 'a',
      questions: [
        { id: 'agree', type: 'agreement', text: 'Jag trivs.', options: agreementOptions('sv-4') },
        {
          id: 'yesno',
          type: 'single_choice',
          text: 'Ja eller nej?',
          required: true,
          options: [choice('ja'), choice('nej'), { id: 'vet-ej', label: 'Vet ej', role: 'dont_know' }],
        },
        {
          id: 'many',
          type: 'multiple_choice',
          text: 'Välj',
          options: [choice('x'), choice('y'), choice('z'), { ...choice('none', 'Inget av dessa'), exclusive: true }],
          minSelections: 1,
          maxSelections: 2,
        },
        { id: 'text', type: 'free_text', text: 'Berätta', maxLength: 10 },
        { id: 'role', type: 'background', text: 'Roll', options: [choice('a'), choice('b')] },
      ],
    },
  ],
};
const set = ZQuestionSet.parse(SET);
const answers = answersSchemaFor(set);

function issuesOf(input: unknown) {
  const result = answers.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('question types', () => {
  it('default free text to 2,000 characters and questions to optional', () => {
    const question = ZQuestion.parse({ id: 'q', type: 'free_text', text: 'Fritext' });
    expect(question).toMatchObject({ maxLength: 2000, required: false });
  });

  it('give agreement scales scale points in order, plus "Vet ej" and "refused" only', () => {
    expect(
      ZQuestion.safeParse({ id: 'q', type: 'agreement', text: 'T', options: agreementOptions('sv-5') }).success,
    ).toBe(true);
    const shuffled = agreementOptions('sv-4').reverse();
    expect(
      ZQuestion.safeParse({ id: 'q', type: 'agreement', text: 'T', options: shuffled }).error?.issues[0]?.message,
    ).toMatch(/positions 1, 2, 3/);
    const withChoice = [...agreementOptions('sv-4'), choice('other')];
    expect(
      ZQuestion.safeParse({ id: 'q', type: 'agreement', text: 'T', options: withChoice }).error?.issues[0]?.message,
    ).toBe('A agreement question cannot have a "choice" option');
  });

  it('allow "Vet ej" and "refused" on single choice and background questions, not on multiple choice', () => {
    const dontKnow = { id: 'vet-ej', label: 'Vet ej', role: 'dont_know' as const };
    expect(
      ZQuestion.safeParse({ id: 'q', type: 'single_choice', text: 'T', options: [choice('a'), choice('b'), dontKnow] })
        .success,
    ).toBe(true);
    expect(
      ZQuestion.safeParse({
        id: 'q',
        type: 'background',
        text: 'T',
        options: [choice('a'), choice('b'), { ...dontKnow, role: 'refused' }],
      }).success,
    ).toBe(true);
    expect(
      ZQuestion.safeParse({
        id: 'q',
        type: 'multiple_choice',
        text: 'T',
        options: [choice('a'), choice('b'), dontKnow],
      }).success,
    ).toBe(false);
  });

  it('check multiple-choice limits and duplicate ids', () => {
    const options = [choice('a'), choice('b')];
    expect(
      ZQuestion.safeParse({ id: 'q', type: 'multiple_choice', text: 'T', options, maxSelections: 3 }).error?.issues[0]
        ?.path,
    ).toEqual(['maxSelections']);
    expect(
      ZQuestion.safeParse({ id: 'q', type: 'multiple_choice', text: 'T', options, minSelections: 2, maxSelections: 1 })
        .success,
    ).toBe(false);
    expect(
      ZQuestion.safeParse({ id: 'q', type: 'single_choice', text: 'T', options: [choice('a'), choice('a')] }).error
        ?.issues[0]?.message,
    ).toBe('Duplicate option id "a"');
    const twice = {
      ...SET,
      sections: [{ id: 'a', questions: [SET.sections[0]?.questions[0], SET.sections[0]?.questions[0]] }],
    };
    expect(ZQuestionSet.safeParse(twice).error?.issues[0]).toMatchObject({
      path: ['sections', 0, 'questions', 1, 'id'],
      message: 'Duplicate id "agree"',
    });
  });

  it('reject unknown fields and unknown types', () => {
    expect(ZQuestion.safeParse({ id: 'q', type: 'free_text', text: 'T', colour: 'red' }).success).toBe(false);
    expect(ZQuestion.safeParse({ id: 'q', type: 'slider', text: 'T' }).success).toBe(false);
  });
});

describe('answers to a question set', () => {
  it('accept a valid submission and keep only what was answered', () => {
    const result = answers.parse({ agree: 's2', yesno: 'vet-ej', many: ['z', 'x'], text: '  kort  ', role: '' });
    expect(result).toEqual({ agree: 's2', yesno: 'vet-ej', many: ['x', 'z'], text: 'kort' });
  });

  it('report each problem precisely', () => {
    expect(issuesOf({ yesno: 'ja', ghost: 'x' })).toEqual(['ghost: Unknown question "ghost"']);
    expect(issuesOf({ yesno: 'kanske' })).toEqual(['yesno: No option "kanske" in this question']);
    expect(issuesOf({ yesno: ['ja', 'nej'] })).toEqual(['yesno: Only one answer is allowed']);
    expect(issuesOf({ yesno: 'ja', text: 'elva tecken' })).toEqual(['text: At most 10 characters (got 11)']);
    expect(issuesOf({ agree: 's1' })).toEqual(['yesno: This question must be answered']);
    expect(issuesOf({ yesno: 'ja', many: ['x', 'y', 'z'] })).toEqual(['many: Choose at most 2']);
    expect(issuesOf({ yesno: 'ja', many: ['x', 'x'] })).toEqual(['many: An option is chosen twice']);
    expect(issuesOf({ yesno: 'ja', agree: 'nej' })).toEqual(['agree: No option "nej" in this question']);
    expect(issuesOf({ yesno: 'ja', role: 7 })).toEqual(['role: Expected an option id']);
    expect(issuesOf({ yesno: 'ja', many: ['x', 'none'] })).toEqual([
      'many: "Inget av dessa" cannot be chosen together with other options',
    ]);
    expect(issuesOf({ yesno: 'ja', many: ['none'] })).toEqual([]);
  });

  it('allow an exclusive option only in a multiple choice question', () => {
    const single = {
      id: 'one',
      type: 'single_choice',
      text: 'En',
      options: [choice('a'), { ...choice('b'), exclusive: true }],
    };
    const result = ZQuestion.safeParse(single);
    expect(result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'))).toEqual([
      'options.1.exclusive',
    ]);
  });
});

describe('import and export', () => {
  it('round-trips: export → import → export gives identical JSON', () => {
    const first = JSON.stringify(exportQuestionSet(TEMPLATE_2012));
    const imported = importQuestionSet(JSON.parse(first));
    expect(imported.ok).toBe(true);
    if (!imported.ok) return;
    expect(JSON.stringify(exportQuestionSet(imported.document.questionSet))).toBe(first);
  });

  it('says exactly why a document cannot be imported', () => {
    const document = JSON.parse(JSON.stringify(exportQuestionSet(TEMPLATE_2012)));
    expect(importQuestionSet([1, 2])).toEqual({ ok: false, reason: 'The file is not a JSON object.' });
    expect(importQuestionSet({ hello: 'world' })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('not a question set'),
    });
    expect(importQuestionSet({ ...document, schemaVersion: 7 })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('made by a newer version'),
    });
    expect(importQuestionSet({ ...document, schemaVersion: 0 })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('older than any version'),
    });
    const broken = { ...document, questionSet: { ...document.questionSet, sections: [] } };
    expect(importQuestionSet(broken)).toMatchObject({ ok: false, reason: 'The question set is not valid.' });
  });
});

describe('the 2012 template', () => {
  it('holds the 12 questions of the report, 1–8 verbatim, 9–12 marked reconstructed', () => {
    const questions = questionsOf(ZQuestionSet.parse(TEMPLATE_2012));
    expect(questions.map((q) => q.id)).toEqual([
      'q1',
      'q2',
      'q3',
      'q4',
      'q5',
      'q6',
      'q7',
      'q8',
      'q9',
      'q10',
      'q11',
      'q12',
    ]);
    expect(questions.map((q) => q.type)).toEqual([
      'single_choice',
      'agreement',
      'agreement',
      'agreement',
      'agreement',
      'agreement',
      'free_text',
      'free_text',
      'background',
      'background',
      'background',
      'free_text',
    ]);
    expect(questions[1]?.text).toBe('De ekonomiska förutsättningarna gör det omöjligt att göra ett bra jobb.');
    expect(questions[1]?.type === 'agreement' && questions[1].options.map((o) => o.label)).toEqual([
      'Instämmer helt',
      'Instämmer delvis',
      'Instämmer inte',
      'Instämmer inte alls',
      'Vet ej',
    ]);
    expect(TEMPLATE_2012.description).toContain('9–12 är rekonstruerade');
  });

  it('tells which questions changed wording between two versions', () => {
    const edited = structuredClone(TEMPLATE_2012);
    const q5 = edited.sections[0]?.questions[4];
    if (q5) q5.text = 'I dag uppfyller vi lagens intentioner fullt ut.';
    expect(wordingChanges(TEMPLATE_2012, edited)).toEqual(['q5']);
  });
});
