import { z } from 'zod';
import { questionsOf, type TQuestion, type TQuestionSet } from './question-set.js';
import { textProblem } from './text.js';

/** One answer: an option id (single choice, scale, background), option ids (multiple), or text. */
export const ZAnswerValue = z.union([z.string(), z.array(z.string())]);
export type TAnswerValue = z.infer<typeof ZAnswerValue>;
export type TAnswers = Record<string, TAnswerValue>;

/** Why an answer was refused, so each page can say it in its own language. */
export type TAnswerProblem =
  | 'unknown_question'
  | 'unknown_option'
  | 'expected_text'
  | 'expected_option'
  | 'expected_options'
  | 'one_only'
  | 'chosen_twice'
  | 'too_long'
  | 'bad_text'
  | 'too_few'
  | 'too_many'
  | 'exclusive'
  | 'required';

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
      if (!questions.has(id)) {
        ctx.addIssue({
          code: 'custom',
          path: [id],
          message: `Unknown question "${id}"`,
          params: { problem: 'unknown_question' },
        });
      }
    }
    for (const [id, question] of questions) {
      const result = checkAnswer(question, input[id]);
      if (result.error) {
        const { problem, message, limit } = result.error;
        ctx.addIssue({ code: 'custom', path: [id], message, params: { problem, limit } });
      } else if (result.value !== undefined) answers[id] = result.value;
      else if (question.required) {
        ctx.addIssue({
          code: 'custom',
          path: [id],
          message: 'This question must be answered',
          params: { problem: 'required' },
        });
      }
    }
    return answers;
  });
}

type TCheck = { value?: TAnswerValue; error?: { problem: TAnswerProblem; message: string; limit?: number } };

const refuse = (problem: TAnswerProblem, message: string, limit?: number): TCheck => ({
  error: { problem, message, ...(limit === undefined ? {} : { limit }) },
});

function checkAnswer(question: TQuestion, raw: unknown): TCheck {
  if (raw === undefined || raw === null || raw === '') return {};
  if (question.type === 'free_text') {
    if (typeof raw !== 'string') return refuse('expected_text', 'Expected text');
    // Tab and line breaks are part of writing; other control characters are not.
    const problem = textProblem(raw, true);
    if (problem) return refuse('bad_text', problem);
    const text = raw.trim();
    if (text.length > question.maxLength)
      return refuse('too_long', `At most ${question.maxLength} characters (got ${text.length})`, question.maxLength);
    return text ? { value: text } : {};
  }
  const known = new Set(question.options.map((option) => option.id));
  if (question.type === 'multiple_choice') {
    const chosen = typeof raw === 'string' ? [raw] : raw;
    if (!Array.isArray(chosen) || chosen.some((id) => typeof id !== 'string'))
      return refuse('expected_options', 'Expected a list of option ids');
    const unknown = chosen.find((id) => !known.has(id));
    if (unknown !== undefined) return refuse('unknown_option', `No option "${unknown}" in this question`);
    if (new Set(chosen).size !== chosen.length) return refuse('chosen_twice', 'An option is chosen twice');
    if (chosen.length === 0) return {};
    const exclusive = question.options.find((o) => o.role === 'choice' && o.exclusive && chosen.includes(o.id));
    if (exclusive && chosen.length > 1)
      return refuse('exclusive', `"${exclusive.label}" cannot be chosen together with other options`);
    if (question.minSelections !== undefined && chosen.length < question.minSelections)
      return refuse('too_few', `Choose at least ${question.minSelections}`, question.minSelections);
    if (question.maxSelections !== undefined && chosen.length > question.maxSelections)
      return refuse('too_many', `Choose at most ${question.maxSelections}`, question.maxSelections);
    // Stored in the question's own option order, whatever order they came in.
    return { value: question.options.map((o) => o.id).filter((id) => chosen.includes(id)) };
  }
  if (Array.isArray(raw)) {
    return raw.length > 1
      ? refuse('one_only', 'Only one answer is allowed')
      : refuse('expected_option', 'Expected one option id');
  }
  if (typeof raw !== 'string') return refuse('expected_option', 'Expected an option id');
  if (!known.has(raw)) return refuse('unknown_option', `No option "${raw}" in this question`);
  return { value: raw };
}
