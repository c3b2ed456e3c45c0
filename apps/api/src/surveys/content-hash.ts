import { createHash } from 'node:crypto';
import { exportQuestionSet, type TQuestionSet } from '@enkat/survey-schema';

/** SHA-256 of the question set's canonical JSON (the export document's key order). */
export function contentHash(questionSet: TQuestionSet): string {
  return createHash('sha256')
    .update(JSON.stringify(exportQuestionSet(questionSet).questionSet))
    .digest('hex');
}
