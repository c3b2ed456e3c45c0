import type { TChoiceQuestion } from '@enkat/survey-schema';
import { assertCount } from './percent.js';

/** Answers per option id, as a Map or a plain record; an option that is missing counts 0. */
export type TOptionCounts = ReadonlyMap<string, number> | Readonly<Record<string, number>>;

/**
 * The counts of a question's options, in the question's own option order, after checking they
 * can be true: whole and ≥ 0, no option the question does not have, none above `answered`, and
 * for a one-answer question (everything but multiple choice) summing to exactly `answered`.
 * A mismatch is a bug upstream; better an error than a table that quietly does not add up.
 */
export function countsInOptionOrder(question: TChoiceQuestion, counts: TOptionCounts, answered: number): number[] {
  assertCount(answered, 'answered');
  const byId = new Map<string, number>(counts instanceof Map ? counts : Object.entries(counts));
  const known = new Set(question.options.map((option) => option.id));
  for (const [id, count] of byId) {
    if (!known.has(id)) throw new RangeError(`Question "${question.id}" has no option "${id}"`);
    assertCount(count, `count of "${id}"`);
    if (count > answered) throw new RangeError(`Option "${id}" has ${count} answers, more than ${answered} answered`);
  }
  const ordered = question.options.map((option) => byId.get(option.id) ?? 0);
  const sum = ordered.reduce((a, b) => a + b, 0);
  if (question.type !== 'multiple_choice' && sum !== answered) {
    throw new RangeError(`Question "${question.id}": the options add up to ${sum}, but ${answered} answered`);
  }
  return ordered;
}
