import { questionsOf, type TAnswers, type TQuestionSet } from '@enkat/survey-schema';
import { html, type SafeHtml } from './html';
import { answerField } from './question-html';

/**
 * Everything a respondent has done so far travels with the form, in hidden fields: there is
 * no server-side record of a half-answered survey, no cookie and no session.
 */
export type TFormState = {
  /** Made when the respondent starts; a retried "Skicka" with the same key is stored once. */
  key: string;
  code: string;
  /** The page just shown: 0..sections-1, or `sections` for the review. */
  page: number;
  nav: string;
  answers: TAnswers;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function readFormState(form: URLSearchParams, questionSet: TQuestionSet | null): TFormState {
  const key = form.get('_key') ?? '';
  const page = Number.parseInt(form.get('_page') ?? '', 10);
  const answers: TAnswers = {};
  for (const question of questionSet ? questionsOf(questionSet) : []) {
    const values = form.getAll(answerField(question.id)).filter((v) => v !== '');
    if (values.length === 0) continue;
    answers[question.id] = question.type === 'multiple_choice' || values.length > 1 ? values : (values[0] ?? '');
  }
  return {
    key: UUID.test(key) ? key : crypto.randomUUID(),
    code: (form.get('_code') ?? form.get('code') ?? '').slice(0, 40),
    page: Number.isInteger(page) && page >= 0 ? page : -1,
    nav: form.get('_nav') ?? '',
    answers,
  };
}

/** Hidden fields carrying the state, leaving out the questions shown as fields on this page. */
export function hiddenState(state: TFormState, page: number, shownQuestionIds: ReadonlySet<string>): SafeHtml {
  const answers = Object.entries(state.answers)
    .filter(([id]) => !shownQuestionIds.has(id))
    .flatMap(([id, value]) =>
      [value].flat().map((v) => html`<input type="hidden" name="${answerField(id)}" value="${v}">`),
    );
  return html`<input type="hidden" name="_key" value="${state.key}">
<input type="hidden" name="_code" value="${state.code}">
<input type="hidden" name="_page" value="${page}">
${answers}`;
}
