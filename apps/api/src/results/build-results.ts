import type { TDb } from '@enkat/db';
import { canShowComments, marginOfError, responseRate } from '@enkat/results';
import {
  NO_ANSWER_GROUP_KEY,
  NO_ANSWER_GROUP_LABELS,
  questionsOf,
  type TChoiceQuestion,
  type TLanguage,
  type TQuestionResult,
  type TWave,
  type TWaveResults,
} from '@enkat/survey-schema';
import { AppError } from '../errors/app-error.js';
import { lateCodesOf } from '../surveys/code-padding.js';
import { loadWave } from '../surveys/wave-view.js';
import { choiceResult, type TQuestionCounts } from './choice-result.js';
import { disclosureOf } from './disclosure.js';
import { assertReleased } from './release.js';
import {
  countAnswered,
  countAnsweredByGroup,
  countIssuedCodes,
  countOptions,
  countOptionsByGroup,
  countResponses,
  countWriters,
  sumOfCounts,
  type TGroupOptionCounts,
  type TOptionCounts,
} from './result-counts.js';

export type TBuildResultsOptions = {
  /** A background question to break every table down by. */
  breakdown?: string | undefined;
  /** The language of the labels the server adds; default the survey's. */
  lang?: TLanguage | undefined;
};

/**
 * A wave's results, counted in PostgreSQL and already rounded and suppressed: the one source of
 * the results page, the JSON API and every export, so they all show the same numbers.
 * Throws 404 for an unknown wave, 409 while results are not released (see release.ts) and for a
 * breakdown of a wave that is still open, and 422 for a breakdown that is not a background
 * question of the wave.
 */
export async function buildResults(db: TDb, waveId: string, options: TBuildResultsOptions = {}): Promise<TWaveResults> {
  const wave = await loadWave(db, waveId);
  const background = options.breakdown ? backgroundQuestion(wave, options.breakdown) : null;
  if (background && wave.state !== 'closed') {
    // Anonymity invariant 6: two looks at a breakdown of an open wave would show who came in between.
    throw new AppError('conflict', 'Results are broken down only once the wave has closed.', {
      reason: 'results_breakdown_after_close',
    });
  }
  const [responses, codesIssued, lateCodes] = await Promise.all([
    countResponses(db, waveId),
    wave.settings.accessMode === 'codes' ? countIssuedCodes(db, waveId) : null,
    lateCodesOf(db, wave),
  ]);
  const release = assertReleased(wave, responses);

  const invited = wave.settings.invitedCount;
  const size = codesIssued ? codesIssued : invited;
  // A population smaller than the responses (an underestimated number invited) is no population.
  const population = size !== null && size >= responses ? size : null;
  const language = options.lang ?? wave.questionSet.language;
  const shown =
    release === 'shown' ? await questionResults(db, wave, { background, population, language, responses }) : null;
  return {
    wave: {
      id: wave.id,
      name: wave.name,
      state: wave.state,
      series: wave.series,
      title: wave.questionSet.title,
      language: wave.questionSet.language,
      opensAt: wave.settings.opensAt,
      closesAt: wave.settings.closesAt,
      publishedAt: wave.publishedAt,
      closedAt: wave.closedAt,
    },
    language,
    responses,
    population: { invited, codesIssued, size },
    responseRate: size ? responseRate(responses, size) : null,
    marginOfError: responses === 0 ? null : marginOfError({ p: 0.5, n: responses, population }),
    minGroupSize: wave.settings.minGroupSize,
    freeTextMinGroup: wave.settings.freeTextMinGroup,
    lateCodes,
    withheld: release === 'shown' ? null : release,
    breakdown: background && {
      questionId: background.id,
      text: background.text,
      groups: [
        ...background.options.map((option) => ({ key: option.id, label: option.label })),
        ...(shown?.skipped ? [{ key: NO_ANSWER_GROUP_KEY, label: NO_ANSWER_GROUP_LABELS[language] }] : []),
      ],
    },
    questions: shown?.questions ?? [],
  };
}

/** The breakdown question, which must be a background question of this wave. */
function backgroundQuestion(wave: TWave, id: string): TChoiceQuestion {
  const question = questionsOf(wave.questionSet).find((q) => q.id === id);
  if (question?.type === 'background') return question;
  throw new AppError(
    'validation_failed',
    question
      ? `“${id}” is not a background question: only those can break results down.`
      : `No question “${id}” in this wave.`,
    { fields: [{ path: 'querystring.breakdown', message: 'Not a background question of this wave' }] },
  );
}

async function questionResults(
  db: TDb,
  wave: TWave,
  context: { background: TChoiceQuestion | null; population: number | null; language: TLanguage; responses: number },
): Promise<{ questions: TQuestionResult[]; skipped: number }> {
  const { background, population, language, responses } = context;
  const multiple = questionsOf(wave.questionSet)
    .filter((q) => q.type === 'multiple_choice')
    .map((q) => q.id);
  // Counted once: the disclosure decision, when it is not made yet, needs the same counts.
  const counting = countOptions(db, wave.id);
  const answering = countAnswered(db, wave.id, multiple);
  const [options, answered, writers, groupOptions, groupAnswered, decision] = await Promise.all([
    counting,
    answering,
    countWriters(db, wave.id),
    background ? countOptionsByGroup(db, wave.id, background.id) : (new Map() as TGroupOptionCounts),
    background ? countAnsweredByGroup(db, wave.id, background.id, multiple) : (new Map() as TOptionCounts),
    disclosureOf(db, wave, { responses, options: counting, answered: answering }),
  ]);
  const { minGroupSize: minGroup, freeTextMinGroup } = wave.settings;
  const changed = wave.wordingChanged;
  const skipped = background ? responses - sumOfCounts(options.get(background.id)) : 0;

  const questions = wave.questionSet.sections.flatMap((section) =>
    section.questions.map((question): TQuestionResult => {
      const base = {
        questionId: question.id,
        text: question.text,
        sectionId: section.id,
        sectionTitle: section.title ?? null,
        wordingChangedSince: changed?.questionIds.includes(question.id) ? changed.since : null,
      };
      if (question.type === 'free_text') {
        const count = writers.get(question.id) ?? 0;
        return {
          ...base,
          type: 'free_text',
          writers: count,
          // Comments of an open wave wait for its close (invariant 6).
          commentsShown: wave.state === 'closed' && canShowComments({ writers: count, freeTextMinGroup }),
        };
      }
      const groups = new Map<string, TQuestionCounts>();
      for (const [key, counts] of groupOptions.get(question.id) ?? []) {
        groups.set(key, countsOf(counts, groupAnswered.get(question.id)?.get(key)));
      }
      return {
        ...base,
        ...choiceResult({
          question,
          counts: countsOf(options.get(question.id) ?? new Map(), answered.get(question.id)),
          minGroup,
          population,
          language,
          breakdown: background ? { question: background, groups, skipped } : null,
          decision,
        }),
      };
    }),
  );
  return { questions, skipped };
}

/** A question's counts; who answered is the sum of its options unless counted apart (multiple choice). */
function countsOf(counts: ReadonlyMap<string, number>, answered: number | undefined): TQuestionCounts {
  return { counts, answered: answered ?? sumOfCounts(counts) };
}
