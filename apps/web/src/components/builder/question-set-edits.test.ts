import { TEMPLATE_2012, ZQuestionSet } from '@enkat/survey-schema';
import { describe, expect, it } from 'vitest';
import {
  addOption,
  addSection,
  changeType,
  deleteQuestion,
  deleteSection,
  duplicateQuestion,
  moveQuestion,
  moveSection,
  removeOption,
  restoreQuestion,
  restoreSection,
} from './question-set-edits';

const ids = (set: typeof TEMPLATE_2012) => set.sections.map((s) => s.questions.map((q) => q.id));

describe('question set edits', () => {
  it('move questions within a section and across its edges, keeping ids', () => {
    const moved = moveQuestion(TEMPLATE_2012, 0, 0, 1);
    expect(ids(moved)[0]?.slice(0, 3)).toEqual(['q2', 'q1', 'q3']);
    const across = moveQuestion(TEMPLATE_2012, 1, 0, -1);
    expect(ids(across)[0]?.at(-1)).toBe('q7');
    expect(ZQuestionSet.safeParse(across).success).toBe(true);
  });

  it('duplicate with a new id, delete, and add sections, staying valid', () => {
    const copy = duplicateQuestion(TEMPLATE_2012, 0, 1);
    expect(ids(copy)[0]?.slice(0, 3)).toEqual(['q1', 'q2', 'q13']);
    expect(ZQuestionSet.safeParse(copy).success).toBe(true);
    expect(ids(deleteQuestion(TEMPLATE_2012, 0, 0))[0]?.[0]).toBe('q2');
    const withSection = addSection(TEMPLATE_2012);
    expect(withSection.sections).toHaveLength(4);
    // The new part's question has no wording yet, so it cannot be saved by accident.
    expect(ZQuestionSet.safeParse(withSection).success).toBe(false);
  });

  it('undo puts a deleted question or part back where it was', () => {
    const question = TEMPLATE_2012.sections[0]?.questions[1];
    const section = TEMPLATE_2012.sections[1];
    if (!question || !section) throw new Error('template changed');
    expect(restoreQuestion(deleteQuestion(TEMPLATE_2012, 0, 1), 0, 1, question)).toEqual(TEMPLATE_2012);
    expect(restoreSection(deleteSection(TEMPLATE_2012, 1), 1, section)).toEqual(TEMPLATE_2012);
    expect(deleteSection({ ...TEMPLATE_2012, sections: [section] }, 0).sections).toHaveLength(1);
  });

  it('move parts up and down, not past the ends', () => {
    const sectionIds = (set: typeof TEMPLATE_2012) => set.sections.map((s) => s.id);
    const [first, second] = sectionIds(TEMPLATE_2012);
    expect(sectionIds(moveSection(TEMPLATE_2012, 1, -1)).slice(0, 2)).toEqual([second, first]);
    expect(moveSection(TEMPLATE_2012, 0, -1)).toBe(TEMPLATE_2012);
  });

  it('change a question’s type and options validly', () => {
    const q2 = TEMPLATE_2012.sections[0]?.questions[1];
    if (!q2) throw new Error('template changed');
    const asChoice = changeType(TEMPLATE_2012, q2, 'multiple_choice');
    expect(asChoice).toMatchObject({ id: 'q2', text: q2.text, type: 'multiple_choice' });
    const longer = addOption(q2);
    expect(longer.type === 'agreement' && longer.options.map((o) => o.id)).toEqual([
      's1',
      's2',
      's3',
      's4',
      'o1',
      'dont-know',
    ]);
    const shorter = removeOption(longer, 0);
    expect(
      shorter.type === 'agreement' &&
        shorter.options.filter((o) => o.role === 'scale').map((o) => o.role === 'scale' && o.position),
    ).toEqual([1, 2, 3, 4]);
  });
});
