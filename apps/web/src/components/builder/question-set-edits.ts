import {
  agreementOptions,
  type TOption,
  type TQuestion,
  type TQuestionSet,
  type TQuestionType,
  type TSection,
} from '@enkat/survey-schema';

/** Pure edits of a draft question set; the editor keeps the result in state until saved. */

function nextId(used: Iterable<string>, prefix: string): string {
  let max = 0;
  for (const id of used) {
    const match = new RegExp(`^${prefix}(\\d+)$`).exec(id);
    if (match) max = Math.max(max, Number(match[1]));
  }
  return `${prefix}${max + 1}`;
}

const allQuestionIds = (set: TQuestionSet) => set.sections.flatMap((s) => s.questions.map((q) => q.id));

export function newQuestion(set: TQuestionSet, type: TQuestionType): TQuestion {
  const id = nextId(allQuestionIds(set), 'q');
  // No wording yet: a new question cannot be saved (and reach respondents) until it has one.
  const base = { id, text: '', required: false };
  const choices: TOption[] = [
    { id: 'o1', label: 'Alternativ 1', role: 'choice' },
    { id: 'o2', label: 'Alternativ 2', role: 'choice' },
  ];
  switch (type) {
    case 'agreement':
      return { ...base, type, options: agreementOptions(set.language === 'en' ? 'en-4' : 'sv-4') };
    case 'free_text':
      return { ...base, type, maxLength: 2000 };
    case 'single_choice':
    case 'multiple_choice':
    case 'background':
      return { ...base, type, options: choices };
  }
}

export function updateQuestion(
  set: TQuestionSet,
  s: number,
  q: number,
  change: (question: TQuestion) => TQuestion,
): TQuestionSet {
  return {
    ...set,
    sections: set.sections.map((section, si) =>
      si !== s
        ? section
        : { ...section, questions: section.questions.map((question, qi) => (qi === q ? change(question) : question)) },
    ),
  };
}

/** Moves a question up or down; at the edge of a section it moves into the neighbouring one. */
export function moveQuestion(set: TQuestionSet, s: number, q: number, delta: -1 | 1): TQuestionSet {
  const sections = set.sections.map((section) => ({ ...section, questions: [...section.questions] }));
  const section = sections[s];
  const question = section?.questions[q];
  if (!section || !question) return set;
  const target = q + delta;
  if (target >= 0 && target < section.questions.length) {
    section.questions.splice(q, 1);
    section.questions.splice(target, 0, question);
    return { ...set, sections };
  }
  const neighbour = sections[s + delta];
  if (!neighbour || section.questions.length === 1) return set;
  section.questions.splice(q, 1);
  if (delta < 0) neighbour.questions.push(question);
  else neighbour.questions.unshift(question);
  return { ...set, sections };
}

export function duplicateQuestion(set: TQuestionSet, s: number, q: number): TQuestionSet {
  const original = set.sections[s]?.questions[q];
  if (!original) return set;
  const copy = { ...structuredClone(original), id: nextId(allQuestionIds(set), 'q') };
  return {
    ...set,
    sections: set.sections.map((section, si) =>
      si !== s ? section : { ...section, questions: section.questions.toSpliced(q + 1, 0, copy) },
    ),
  };
}

export function deleteQuestion(set: TQuestionSet, s: number, q: number): TQuestionSet {
  return {
    ...set,
    sections: set.sections.map((section, si) =>
      si !== s ? section : { ...section, questions: section.questions.toSpliced(q, 1) },
    ),
  };
}

export function addQuestion(set: TQuestionSet, s: number, type: TQuestionType): TQuestionSet {
  const question = newQuestion(set, type);
  return {
    ...set,
    sections: set.sections.map((section, si) =>
      si !== s ? section : { ...section, questions: [...section.questions, question] },
    ),
  };
}

export function addSection(set: TQuestionSet): TQuestionSet {
  const id = nextId(
    set.sections.map((section) => section.id),
    'del-',
  );
  return { ...set, sections: [...set.sections, { id, title: '', questions: [newQuestion(set, 'agreement')] }] };
}

/** A question turned into another type keeps its id and wording; its options follow the new type. */
export function changeType(set: TQuestionSet, question: TQuestion, type: TQuestionType): TQuestion {
  const fresh = newQuestion(set, type);
  return {
    ...fresh,
    id: question.id,
    text: question.text,
    required: question.required,
    ...(question.help ? { help: question.help } : {}),
  } as TQuestion;
}

export function addOption(question: TQuestion): TQuestion {
  if (question.type === 'free_text') return question;
  const id = nextId(
    question.options.map((o) => o.id),
    'o',
  );
  const option: TOption =
    question.type === 'agreement'
      ? {
          id,
          label: 'Nytt steg',
          role: 'scale',
          position: question.options.filter((o) => o.role === 'scale').length + 1,
        }
      : { id, label: 'Nytt alternativ', role: 'choice' };
  const substantive = question.options.filter((o) => o.role === 'scale' || o.role === 'choice');
  const others = question.options.filter((o) => o.role !== 'scale' && o.role !== 'choice');
  return { ...question, options: [...substantive, option, ...others] } as TQuestion;
}

export function removeOption(question: TQuestion, index: number): TQuestion {
  if (question.type === 'free_text') return question;
  let position = 0;
  const options = question.options
    .toSpliced(index, 1)
    .map((o) => (o.role === 'scale' ? { ...o, position: ++position } : o));
  return { ...question, options } as TQuestion;
}

/** Puts a deleted question back where it was (undo). */
export function restoreQuestion(set: TQuestionSet, s: number, q: number, question: TQuestion): TQuestionSet {
  const target = Math.min(s, set.sections.length - 1);
  return {
    ...set,
    sections: set.sections.map((section, si) =>
      si !== target
        ? section
        : { ...section, questions: section.questions.toSpliced(Math.min(q, section.questions.length), 0, question) },
    ),
  };
}

export function deleteSection(set: TQuestionSet, s: number): TQuestionSet {
  if (set.sections.length <= 1) return set;
  return { ...set, sections: set.sections.toSpliced(s, 1) };
}

/** Puts a deleted section back where it was (undo). */
export function restoreSection(set: TQuestionSet, s: number, section: TSection): TQuestionSet {
  return { ...set, sections: set.sections.toSpliced(Math.min(s, set.sections.length), 0, section) };
}

export function moveSection(set: TQuestionSet, s: number, delta: -1 | 1): TQuestionSet {
  const target = s + delta;
  const section = set.sections[s];
  if (!section || target < 0 || target >= set.sections.length) return set;
  return { ...set, sections: set.sections.toSpliced(s, 1).toSpliced(target, 0, section) };
}
