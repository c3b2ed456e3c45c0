import { questionsOf, type TQuestionSet } from './question-set.js';

/** Questions (by stable id) present in both sets whose wording differs: "wording changed since 2012". */
export function wordingChanges(before: TQuestionSet, after: TQuestionSet): string[] {
  const earlier = new Map(questionsOf(before).map((question) => [question.id, question.text]));
  return questionsOf(after)
    .filter((question) => earlier.has(question.id) && earlier.get(question.id) !== question.text)
    .map((question) => question.id);
}
