import {
  answersSchemaFor,
  type TAnswerProblem,
  type TProblem,
  type TQuestionSet,
  type TRespondentWave,
} from '@enkat/survey-schema';
import { webEnv } from '../env';
import type { TServerResult } from '../lib/server-api';
import { formatStockholm } from '../lib/stockholm-time';
import { readFormState, type TFormState } from './form-state';
import type { SafeHtml } from './html';
import { respondentLabels, type TLabels } from './labels';
import { messagePage, reviewPage, sectionPage, startPage, type TErrors, thanksPage } from './pages';
import { checkCode, fetchRespondentWave, submitAnswers } from './respondent-api';

/** What a respondent request answers: an HTML page and its status. */
export type TPage = { status: number; title: string; language: string; body: SafeHtml; fragmentScript?: boolean };

type TOpenWave = TRespondentWave & { questionSet: TQuestionSet };

const FALLBACK = respondentLabels('sv');

const CODE_REQUIRED: TProblem = {
  type: 'urn:enkat:problem:validation_failed',
  title: 'The request has invalid fields',
  status: 422,
  code: 'validation_failed',
  reason: 'code_required',
};

/** The wave, or the page that says why there is nothing to answer. */
async function loadWave(slug: string, browser: Headers): Promise<{ wave: TOpenWave } | { page: TPage }> {
  const result = await fetchRespondentWave(slug, browser);
  if (!result.ok) {
    const notFound = result.problem?.status === 404 || result.problem?.status === 422;
    return {
      page: {
        status: notFound ? 404 : 503,
        title: 'Enkät',
        language: 'sv',
        body: messagePage('Enkät', notFound ? FALLBACK.notFound : FALLBACK.unavailable),
      },
    };
  }
  const wave = result.value;
  const labels = respondentLabels(wave.language);
  const page = (message: string): { page: TPage } => ({
    page: { status: 409, title: wave.title, language: wave.language, body: messagePage(wave.title, message) },
  });
  if (wave.status === 'not_yet_open') return page(labels.opens(formatStockholm(wave.opensAt, wave.language)));
  if (wave.status === 'closed' || !wave.questionSet) return page(labels.closed);
  return { wave: { ...wave, questionSet: wave.questionSet } };
}

/** Whether the browser says this form was posted from another site (Fetch Metadata, else Origin). */
function fromAnotherSite(browser: Headers): boolean {
  const site = browser.get('sec-fetch-site');
  if (site) return site !== 'same-origin';
  const origin = browser.get('origin');
  return origin !== null && origin !== new URL(webEnv().PUBLIC_ORIGIN).origin;
}

/** The first page of a survey. */
export async function respondentGet(slug: string, browser: Headers): Promise<TPage> {
  const loaded = await loadWave(slug, browser);
  if ('page' in loaded) return loaded.page;
  const { wave } = loaded;
  const labels = respondentLabels(wave.language);
  return {
    status: 200,
    title: wave.title,
    language: wave.language,
    body: startPage(wave, labels),
    fragmentScript: true,
  };
}

/** Errors of the answers so far, by question id, in the survey's language; only `only` if given. */
function answerErrors(wave: TOpenWave, state: TFormState, labels: TLabels, only?: ReadonlySet<string>): TErrors {
  const parsed = answersSchemaFor(wave.questionSet).safeParse(state.answers);
  const errors: TErrors = {};
  if (parsed.success) return errors;
  for (const issue of parsed.error.issues) {
    const id = String(issue.path[0] ?? '');
    if (only && !only.has(id)) continue;
    const params = (issue as { params?: { problem?: TAnswerProblem; limit?: number } }).params;
    errors[id] ??= params?.problem ? labels.answerProblems[params.problem](params.limit) : issue.message;
  }
  return errors;
}

const problemMessage = (result: TServerResult<unknown>, labels: TLabels) =>
  !result.ok && result.problem?.reason && result.problem.reason in labels.problems
    ? labels.problems[result.problem.reason as keyof TLabels['problems']]
    : labels.unavailable;

/**
 * A respondent pressed a button: "Börja", "Nästa", "Föregående", "Ändra", or "Skicka". The
 * state comes in with the form and goes out with the next page; the server keeps none of it.
 */
export async function respondentPost(slug: string, browser: Headers, form: URLSearchParams): Promise<TPage> {
  const loaded = await loadWave(slug, browser);
  if ('page' in loaded) return loaded.page;
  const { wave } = loaded;
  const labels = respondentLabels(wave.language);
  const sections = wave.questionSet.sections.length;
  if (fromAnotherSite(browser)) {
    // A form on another site (an invitation e-mail's button) may bring the code: show it on
    // the first page, where the respondent's own "Börja" sends it from this site.
    const code = (form.get('code') ?? '').trim().slice(0, 40);
    return { status: 200, title: wave.title, language: wave.language, body: startPage(wave, labels, undefined, code) };
  }
  const state = readFormState(form, wave.questionSet);
  const show = (status: number, body: SafeHtml, fragmentScript = false): TPage => ({
    status,
    title: status === 422 ? `${labels.errorTitle}: ${wave.title}` : wave.title,
    language: wave.language,
    body,
    fragmentScript,
  });
  const section = (page: number, errors?: TErrors) =>
    show(errors && Object.keys(errors).length ? 422 : 200, sectionPage(wave, state, page, labels, errors));

  if (state.nav === 'start' || state.page < 0) {
    if (wave.accessMode === 'codes') {
      const code = (form.get('code') ?? '').trim();
      const checked: TServerResult<null> = code
        ? await checkCode(slug, browser, code)
        : { ok: false, problem: CODE_REQUIRED };
      if (!checked.ok) {
        const busy = !checked.problem || checked.problem.status >= 500;
        return show(
          busy ? 503 : (checked.problem?.status ?? 503),
          startPage(wave, labels, busy ? labels.unavailable : problemMessage(checked, labels), code),
          true,
        );
      }
      state.code = code;
    }
    return section(0);
  }
  if (state.nav === 'prev') return section(Math.max(0, Math.min(state.page, sections) - 1));
  const goto = /^goto:(\d+)$/.exec(state.nav);
  if (goto) return section(Math.min(Number(goto[1]), sections - 1));
  if (state.nav === 'next' && state.page < sections) {
    const current = new Set(wave.questionSet.sections[state.page]?.questions.map((q) => q.id));
    const errors = answerErrors(wave, state, labels, current);
    if (Object.keys(errors).length) return section(state.page, errors);
    return state.page + 1 < sections ? section(state.page + 1) : show(200, reviewPage(wave, state, labels));
  }
  if (state.nav === 'submit') {
    const errors = answerErrors(wave, state, labels);
    const first = wave.questionSet.sections.findIndex((s) => s.questions.some((q) => errors[q.id]));
    if (first >= 0) return section(first, errors);
    const result = await submitAnswers(slug, browser, {
      idempotencyKey: state.key,
      ...(wave.accessMode === 'codes' ? { code: state.code } : {}),
      answers: state.answers,
    });
    if (result.ok) return show(200, thanksPage(wave, wave.questionSet.closing, labels));
    // Not reached, or busy (503): the answers stay in the form, to send again in a moment.
    if (!result.problem || result.problem.status >= 500) {
      return show(503, reviewPage(wave, state, labels, labels.unavailable));
    }
    return show(result.problem.status, messagePage(wave.title, problemMessage(result, labels)));
  }
  return show(200, reviewPage(wave, state, labels));
}
