import { z } from 'zod';
import { questionsOf, type TQuestion, type TQuestionSet } from './question-set.js';

/** One answer: an option id (single choice, scale, background), option ids (multiple), or text. */
export const ZAnswerValue = z.union([z.string(), z.array(z.string())]);
export type TAnswerValue = z.infer<typeof ZAnswerValue>;
export type TAnswers = Record<string, TAnswerValue>;

/**
 * The schema of a submission to exactly this question set. Each problem is reported at the
 * question's id with a precise message: an unknown question, an option that does not exist,
 * two answers to a single choice, text over the limit, a missing required answer. Empty text
 * and empty selections count as "not answered". The output holds only answered questions.
 */
export function answersSchemaFor(set: TQuestionSet) {
  const questions = new Map(questionsOf(set).map((question) => [question.id, question]));
  return z.record(z.string(), z.unknown()).transform((input, ctx) => {
    const answers: TAnswers = {};
    for (const id of Object.keys(input)) {
      if (!questions.has(id)) ctx.addIssue({ code: 'custom', path: [id], message: `Unknown question "${id}"` });
    }
    for (const [id, question] of questions) {
      const result = checkAnswer(question, input[id]);
      if (result.error) ctx.addIssue({ code: 'custom', path: [id], message: result.error });
      else if (result.value !== undefined) answers[id] = result.value;
      else if (question.required)
        ctx.addIssue({ code: 'custom', path: [id], message: 'This question must be answered' });
    }
    return answers;
  });
}

type TCheck = { value?: TAnswerValue; error?: string };

function checkAnswer(question: TQuestion, raw: unknown): TCheck {
  if (raw === undefined || raw === null || raw === '') return {};
  if (question.type === 'free_text') {
    if (typeof raw !== 'string') return { error: 'Expected text' };
    const text = raw.trim();
    if (text.length > question.maxLength)
      return { error: `At most ${question.maxLength} characters (got ${text.length})` };
    return text ? { value: text } : {};
  }
  const known = new Set(question.options.map((option) => option.id));
  if (question.type === 'multiple_choice') {
    const chosen = typeof raw === 'string' ? [raw] : raw;
    if (!Array.isArray(chosen) || chosen.some((id) => typeof id !== 'string'))
      return { error: 'Expected a list of option ids' };
    const unknown = chosen.find((id) => !known.has(id));
    if (unknown !== undefined) return { error: `No option "${unknown}" in this question` };
    if (new Set(chosen).size !== chosen.length) return { error: 'An option is chosen twice' };
    if (chosen.length === 0) return {};
    if (question.minSelections !== undefined && chosen.length < question.minSelections)
      return { error: `Choose at least ${question.minSelections}` };
    if (question.maxSelections !== undefined && chosen.length > question.maxSelections)
      return { error: `Choose at most ${question.maxSelections}` };
    // Stored in the question's own option order, whatever order they came in.
    return { value: question.options.map((o) => o.id).filter((id) => chosen.includes(id)) };
  }
  if (Array.isArray(raw)) return { error: raw.length > 1 ? 'Only one answer is allowed' : 'Expected one option id' };
  if (typeof raw !== 'string') return { error: 'Expected an option id' };
  if (!known.has(raw)) return { error: `No option "${raw}" in this question` };
  return { value: raw };
}
