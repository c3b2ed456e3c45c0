import { questionsOf, type TAnswers, type TQuestionSet } from '@enkat/survey-schema';

/**
 * The plaintext of a pending submission: its checked answers as JSON with the questions in a
 * fixed order, so that the same answers always give the same text (the receipt compares it).
 */
export function canonicalAnswers(answers: TAnswers): string {
  return JSON.stringify(Object.fromEntries(Object.entries(answers).sort(([a], [b]) => (a < b ? -1 : 1))));
}

/** Bytes of a JSON string holding at most `units` UTF-16 code units that the answer schema accepts. */
const jsonStringBytes = (units: number) => 2 + 3 * units;

/**
 * The largest plaintext any accepted answer set to this question set can have: every question
 * answered with its longest possible value. Free text is bounded at three UTF-8 bytes per
 * character because the answer schema refuses control characters and lone surrogates (JSON
 * escapes tab and line breaks in two bytes). Every pending submission of a wave is padded to
 * this size before it is sealed.
 */
export function plaintextBound(set: TQuestionSet): number {
  let bytes = 2;
  for (const question of questionsOf(set)) {
    bytes += jsonStringBytes(question.id.length) + 2;
    if (question.type === 'free_text') {
      bytes += jsonStringBytes(question.maxLength);
    } else if (question.type === 'multiple_choice') {
      bytes += 2 + question.options.reduce((sum, option) => sum + jsonStringBytes(option.id.length) + 1, 0);
    } else {
      bytes += Math.max(...question.options.map((option) => jsonStringBytes(option.id.length)));
    }
  }
  return bytes;
}
