import {
  anonymityStatement,
  questionsOf,
  type TQuestion,
  type TQuestionSet,
  type TRespondentWave,
} from '@enkat/survey-schema';
import { hiddenState, type TFormState } from './form-state';
import { FRAGMENT_CODE_SCRIPT } from './fragment-code';
import { html, SafeHtml } from './html';
import type { TLabels } from './labels';
import { firstInputId, questionHtml } from './question-html';

export type TErrors = Record<string, string>;

/** The whole document around a respondent page: no script unless asked, one stylesheet. */
export function documentHtml(
  { title, language, withFragmentScript = false }: { title: string; language: string; withFragmentScript?: boolean },
  body: SafeHtml,
): string {
  return `<!doctype html>${html`<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<link rel="stylesheet" href="/respondent.css">
</head>
<body>
<main class="respondent">
${body}
</main>
${withFragmentScript && new SafeHtml(`<script>${FRAGMENT_CODE_SCRIPT}</script>`)}
</body>
</html>`}`;
}

type TAnonymitySettings = Pick<
  TRespondentWave,
  'accessMode' | 'minGroupSize' | 'freeTextMinGroup' | 'anonymityNote' | 'language' | 'mailingMode'
>;

/** The wave's anonymity statement, generated from its settings, with the editor's note. */
export function anonymitySection(wave: TAnonymitySettings, labels: TLabels): SafeHtml {
  const lines = anonymityStatement(wave, wave.language);
  return html`<section class="anonymity" aria-labelledby="anonymity-heading">
<h2 id="anonymity-heading">${labels.anonymity}</h2>
${lines.map((line) => html`<p>${line}</p>`)}
${wave.anonymityNote && html`<p>${wave.anonymityNote}</p>`}
</section>`;
}

/** The first page: what the survey is, how anonymity works, and (with codes) the code field. */
export function startPage(wave: TRespondentWave, labels: TLabels, codeError?: string, code = ''): SafeHtml {
  const set = wave.questionSet;
  const codeField =
    wave.accessMode === 'codes' &&
    html`<div class="field${codeError ? ' invalid' : ''}">
<label for="code">${labels.codeLabel}</label>
<p id="code-hint" class="muted">${labels.codeHint}</p>
${codeError && html`<p id="code-error" class="field-error" role="alert">${codeError}</p>`}
<input id="code" name="code" type="text" value="${code}" autocomplete="off" autocapitalize="characters" spellcheck="false"
  inputmode="text" maxlength="40" aria-describedby="code-hint${codeError ? ' code-error' : ''}"${
    codeError ? html` aria-invalid="true"` : ''
  }>
</div>`;
  return html`<h1>${wave.title}</h1>
${set?.description && html`<p>${set.description}</p>`}
${anonymitySection(wave, labels)}
${set?.intro && html`<p>${set.intro}</p>`}
<form method="post" action="/s/${wave.slug}">
<input type="hidden" name="_page" value="-1">
${codeField}
<div class="actions"><button type="submit" name="_nav" value="start">${labels.start}</button></div>
</form>`;
}

/** "Question text: message", without a doubled stop ("arbetstid.: …") or a colon after a question mark. */
export function withMessage(text: string, message: string): string {
  const trimmed = text.trim().replace(/[.:;,]+$/, '');
  return /[?!]$/.test(trimmed) ? `${trimmed} ${message}` : `${trimmed}: ${message}`;
}

function errorSummary(errors: TErrors, set: TQuestionSet, labels: TLabels): SafeHtml | false {
  const questions = questionsOf(set).filter((q) => errors[q.id]);
  if (questions.length === 0) return false;
  return html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title">
<h2 id="error-summary-title">${labels.errorSummary}</h2>
<ul>${questions.map((q) => html`<li><a href="#${firstInputId(q)}">${withMessage(q.text, errors[q.id] ?? '')}</a></li>`)}</ul>
</div>`;
}

function progress(page: number, pages: number, labels: TLabels): SafeHtml {
  return html`<p class="progress"><span>${labels.page(page + 1, pages)}</span>
<progress value="${page + 1}" max="${pages}" aria-hidden="true"></progress></p>`;
}

const questionNumbers = (set: TQuestionSet) => new Map(questionsOf(set).map((q, i) => [q.id, i + 1]));

/** One section of questions, with the answers so far and the errors next to their questions. */
export function sectionPage(
  wave: TRespondentWave & { questionSet: TQuestionSet },
  state: TFormState,
  page: number,
  labels: TLabels,
  errors: TErrors = {},
): SafeHtml {
  const set = wave.questionSet;
  const section = set.sections[page];
  if (!section) throw new RangeError(`no section ${page}`);
  const numbers = questionNumbers(set);
  const shown = new Set(section.questions.map((q) => q.id));
  const last = page === set.sections.length - 1;
  return html`<h1>${wave.title}</h1>
${progress(page, set.sections.length + 1, labels)}
${errorSummary(errors, set, labels)}
<form method="post" action="/s/${wave.slug}" novalidate>
<h2>${labels.sectionHeading(page + 1, set.sections.length)}${section.title ? `: ${section.title}` : ''}</h2>
${section.questions.map((question: TQuestion) =>
  questionHtml({
    question,
    number: numbers.get(question.id) ?? 0,
    value: state.answers[question.id],
    error: errors[question.id],
    labels,
  }),
)}
${hiddenState(state, page, shown)}
<div class="actions">
<button type="submit" name="_nav" value="next">${last ? labels.review : labels.next}</button>
${page > 0 && html`<button type="submit" name="_nav" value="prev" class="secondary" formnovalidate>${labels.previous}</button>`}
</div>
</form>`;
}

/** All answers at a glance before sending, with a way back to each section. */
export function reviewPage(
  wave: TRespondentWave & { questionSet: TQuestionSet },
  state: TFormState,
  labels: TLabels,
  notice?: string,
): SafeHtml {
  const set = wave.questionSet;
  const numbers = questionNumbers(set);
  const answerText = (question: TQuestion): string => {
    const value = state.answers[question.id];
    if (value === undefined) return labels.noAnswer;
    if (question.type === 'free_text') return String(value);
    const ids = [value].flat();
    return question.options
      .filter((o) => ids.includes(o.id))
      .map((o) => o.label)
      .join(', ');
  };
  const page = set.sections.length;
  return html`<h1>${wave.title}</h1>
${progress(page, page + 1, labels)}
<h2>${labels.reviewHeading}</h2>
${notice && html`<p class="error-summary" role="alert">${notice}</p>`}
<p>${labels.reviewIntro}</p>
<form method="post" action="/s/${wave.slug}">
${set.sections.map(
  (section, index) => html`<section class="review-section" aria-labelledby="review-${section.id}">
<h3 id="review-${section.id}">${labels.sectionHeading(index + 1, set.sections.length)}${section.title ? `: ${section.title}` : ''}</h3>
<dl>${section.questions.map((q) => html`<dt>${numbers.get(q.id)}. ${q.text}</dt><dd>${answerText(q)}</dd>`)}</dl>
<button type="submit" name="_nav" value="goto:${index}" class="secondary" formnovalidate>${labels.change(index + 1)}</button>
</section>`,
)}
${hiddenState(state, page, new Set())}
<div class="actions">
<button type="submit" name="_nav" value="submit">${labels.send}</button>
<button type="submit" name="_nav" value="prev" class="secondary" formnovalidate>${labels.previous}</button>
</div>
</form>`;
}

export function thanksPage(wave: TRespondentWave, closing: string | undefined, labels: TLabels): SafeHtml {
  return html`<h1>${wave.title}</h1>
<h2>${labels.thanksHeading}</h2>
<p>${labels.thanks}</p>
${closing && closing.trim() !== labels.thanksHeading && html`<p>${closing}</p>`}`;
}

export function messagePage(title: string, message: string): SafeHtml {
  return html`<h1>${title}</h1>
<p class="message">${message}</p>`;
}
