import type { TAnswerValue, TQuestion } from '@enkat/survey-schema';
import { html, type SafeHtml } from './html';
import type { TLabels } from './labels';

/** The form field name of a question's answer. */
export const answerField = (questionId: string) => `a.${questionId}`;

/** The id of the element an error message links to: the question's first input. */
export const firstInputId = (question: TQuestion) =>
  question.type === 'free_text' ? `${question.id}-text` : `${question.id}-${question.options[0]?.id ?? ''}`;

type TQuestionHtml = {
  question: TQuestion;
  number: number;
  /** The answer so far: it lives in the form itself, never on the server. */
  value?: TAnswerValue | undefined;
  error?: string | undefined;
  labels: TLabels;
};

/**
 * One question as respondents see it: a fieldset with a legend, native radio buttons or
 * checkboxes with their labels, or a text area; the error (if any) next to it and tied to it
 * with aria-describedby. Plain HTML: works without JavaScript and in any browser.
 */
export function questionHtml({ question, number, value, error, labels }: TQuestionHtml): SafeHtml {
  const name = answerField(question.id);
  const helpId = question.help ? `${question.id}-help` : '';
  const hintId = question.type === 'multiple_choice' ? `${question.id}-hint` : '';
  const errorId = error ? `${question.id}-error` : '';
  const describedBy = [helpId, hintId, errorId].filter(Boolean).join(' ');
  const legend = html`<legend><span class="question-number">${number}.</span> ${question.text}
    <span class="muted">(${question.required ? labels.required : labels.optional})</span></legend>`;
  const help = html`${question.help && html`<p id="${helpId}" class="muted">${question.help}</p>`}${
    hintId && html`<p id="${hintId}" class="muted">${labels.multipleHint}</p>`
  }`;
  const errorText = error && html`<p id="${errorId}" class="field-error">${error}</p>`;

  if (question.type === 'free_text') {
    const limitId = `${question.id}-limit`;
    return html`<fieldset class="question${error ? ' invalid' : ''}" id="q-${question.id}">
  ${legend}${help}${errorText}
  <label for="${question.id}-text" class="visually-hidden">${question.text}</label>
  <textarea id="${question.id}-text" name="${name}" rows="5" maxlength="${question.maxLength}"
    aria-describedby="${[describedBy, limitId].filter(Boolean).join(' ')}"${error ? html` aria-invalid="true"` : ''}>${typeof value === 'string' ? value : ''}</textarea>
  <p id="${limitId}" class="muted">${labels.maxLength(question.maxLength)}</p>
</fieldset>`;
  }

  const multiple = question.type === 'multiple_choice';
  const chosen = new Set(Array.isArray(value) ? value : value ? [value] : []);
  const options = question.options.map((option) => {
    const id = `${question.id}-${option.id}`;
    // "Don't know", "refused" and an exclusive "none of these" stand apart from the choices.
    const substantive =
      (option.role === 'scale' || option.role === 'choice') && !('exclusive' in option && option.exclusive);
    return html`<div class="option${substantive ? '' : ' aside'}">
    <input type="${multiple ? 'checkbox' : 'radio'}" id="${id}" name="${name}" value="${option.id}"${
      chosen.has(option.id) ? html` checked` : ''
    }${question.required && !multiple ? html` required` : ''}${describedBy ? html` aria-describedby="${describedBy}"` : ''}>
    <label for="${id}">${option.label}</label>
  </div>`;
  });
  return html`<fieldset class="question${error ? ' invalid' : ''}" id="q-${question.id}">
  ${legend}${help}${errorText}
  <div class="${question.type === 'agreement' ? 'options scale' : 'options'}">${options}</div>
</fieldset>`;
}
