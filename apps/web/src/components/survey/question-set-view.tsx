import type { TQuestionSet, TWaveSettings } from '@enkat/survey-schema';
import { previewHtml } from '../../respondent/preview-html';

/** The admin preview: the respondent pages' own HTML (escaped by construction), all sections at once. */
export function QuestionSetView({ questionSet, settings }: { questionSet: TQuestionSet; settings: TWaveSettings }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: built by the escaping html`` template of src/respondent
  return <div data-survey-content dangerouslySetInnerHTML={{ __html: String(previewHtml(questionSet, settings)) }} />;
}
