import { randomBytes } from 'node:crypto';
import type { TDb } from '@enkat/db';
import { canShowComments } from '@enkat/results';
import { questionsOf, type TLanguage, type TQuestion, type TWave } from '@enkat/survey-schema';
import { AppError } from '../errors/app-error.js';
import { assertReleased } from '../results/release.js';
import { countResponses } from '../results/result-counts.js';
import { loadWave } from '../surveys/wave-view.js';
import { exportHeaderTexts, type TRawCell, type TRawResponses } from './export-model.js';

/** Responses fetched per query: small enough to keep memory flat, large enough to be quick. */
export const RAW_PAGE_SIZE = 1000;

const CODE_WORD = { sv: 'kod', en: 'code' } as const satisfies Record<TLanguage, string>;

type TPageRow = { k: string; choices: Record<string, string[]>; texts: Record<string, string> };

export type TRawExport = { wave: TWave; responses: TRawResponses };

/**
 * The anonymized responses of a wave, one row per response: per choice question the option
 * labels (several joined by "; ") and the option codes, per free-text question the text as
 * written, but only for questions at least the free-text minimum group wrote in; a background
 * answer fewer than the minimum group gave is written as the suppression marker. No id, no
 * time. Refused (409) while the results are not released and when the wave has fewer responses
 * than the minimum reporting group.
 *
 * Order: every export draws a fresh random salt and sorts by md5(salt || response id), read in
 * pages keyed by that sort value. So the order is random and new each time, nothing holds a
 * connection open during the download, and only one page is in memory at a time. Neither the
 * salt nor the key leaves this module.
 */
export async function rawResponses(db: TDb, waveId: string, options: { lang?: TLanguage | undefined } = {}) {
  const wave = await loadWave(db, waveId);
  const responses = await countResponses(db, waveId);
  const release = assertReleased(wave, responses);
  if (release !== 'shown') {
    throw new AppError(
      'conflict',
      `The responses of this wave cannot be exported: it has fewer than ${wave.settings.minGroupSize} responses (the minimum reporting group).`,
      { reason: 'results_too_few_responses' },
    );
  }
  const questions = questionsOf(wave.questionSet);
  const freeText = questions.filter((q) => q.type === 'free_text').map((q) => q.id);
  const writers = await countWritersOf(db, waveId, freeText);
  const included = questions.filter(
    (q) =>
      q.type !== 'free_text' ||
      canShowComments({ writers: writers.get(q.id) ?? 0, freeTextMinGroup: wave.settings.freeTextMinGroup }),
  );
  const language = options.lang ?? wave.questionSet.language;
  const rare = await rareBackgroundAnswers(db, waveId, questions, wave.settings.minGroupSize);
  const marker = exportHeaderTexts(language, wave.settings.minGroupSize).suppressedMarker;
  return {
    wave,
    responses: {
      columns: included.flatMap((q) => columnsOf(q, language)),
      rows: rowsOf(
        db,
        waveId,
        included,
        included.filter((q) => q.type === 'free_text').map((q) => q.id),
        { rare, marker },
      ),
    },
  } satisfies TRawExport;
}

function columnsOf(question: TQuestion, language: TLanguage): string[] {
  const title = `${question.id} ${question.text}`;
  return question.type === 'free_text' ? [title] : [title, `${question.id} ${CODE_WORD[language]}`];
}

async function countWritersOf(db: TDb, waveId: string, questionIds: string[]): Promise<Map<string, number>> {
  if (questionIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ questionId: string; writers: number }[]>`
    SELECT question_id AS "questionId", count(*)::int AS writers
      FROM response_text
     WHERE wave_id = ${waveId}::uuid AND question_id = ANY(${questionIds}::text[])
     GROUP BY question_id`;
  return new Map(rows.map((row) => [row.questionId, row.writers]));
}

/**
 * Background answers given by fewer than the minimum group ("Annan" chosen by 3): in a file of
 * single responses they would single people out, so they are written as the suppression marker.
 */
async function rareBackgroundAnswers(
  db: TDb,
  waveId: string,
  questions: TQuestion[],
  minGroupSize: number,
): Promise<Set<string>> {
  const background = questions.filter((q) => q.type === 'background').map((q) => q.id);
  if (background.length === 0) return new Set();
  const rows = await db.$queryRaw<{ key: string }[]>`
    SELECT question_id || '/' || option_id AS key
      FROM response_choice
     WHERE wave_id = ${waveId}::uuid AND question_id = ANY(${background}::text[])
     GROUP BY question_id, option_id
    HAVING count(*) < ${minGroupSize}`;
  return new Set(rows.map((row) => row.key));
}

type TMasking = { rare: Set<string>; marker: string };

async function* rowsOf(
  db: TDb,
  waveId: string,
  questions: TQuestion[],
  textIds: string[],
  masking: TMasking,
): AsyncGenerator<TRawCell[]> {
  const salt = randomBytes(16).toString('hex');
  const position = new Map(
    questions.flatMap((q) => (q.type === 'free_text' ? [] : q.options.map((o, i) => [`${q.id}\u0000${o.id}`, i]))),
  );
  let after = '';
  for (;;) {
    const page = await db.$queryRaw<TPageRow[]>`
      WITH page AS (
        SELECT r.id, md5(${salt} || r.id::text) AS k
          FROM response r
         WHERE r.wave_id = ${waveId}::uuid AND md5(${salt} || r.id::text) > ${after}
         ORDER BY k
         LIMIT ${RAW_PAGE_SIZE}
      )
      SELECT p.k,
             COALESCE((SELECT json_object_agg(x.question_id, x.options)
                         FROM (SELECT c.question_id, json_agg(c.option_id) AS options
                                 FROM response_choice c
                                WHERE c.response_id = p.id
                                GROUP BY c.question_id) x), '{}'::json) AS choices,
             COALESCE((SELECT json_object_agg(t.question_id, t.text)
                         FROM response_text t
                        WHERE t.response_id = p.id AND t.question_id = ANY(${textIds}::text[])), '{}'::json) AS texts
        FROM page p
       ORDER BY p.k`;
    for (const row of page) yield cellsOf(row, questions, position, masking);
    const last = page.at(-1);
    if (!last || page.length < RAW_PAGE_SIZE) return;
    after = last.k;
  }
}

function cellsOf(
  row: TPageRow,
  questions: TQuestion[],
  position: Map<string, number>,
  { rare, marker }: TMasking,
): TRawCell[] {
  return questions.flatMap((question): TRawCell[] => {
    if (question.type === 'free_text') return [row.texts[question.id] ?? null];
    const chosen = (row.choices[question.id] ?? [])
      .map((id) => ({ id, at: position.get(`${question.id}\u0000${id}`) ?? Number.MAX_SAFE_INTEGER }))
      .sort((a, b) => a.at - b.at);
    if (chosen.length === 0) return [null, null];
    if (chosen.some(({ id }) => rare.has(`${question.id}/${id}`))) return [marker, marker];
    const labels = chosen.map(({ id }) => question.options.find((o) => o.id === id)?.label ?? id);
    return [labels.join('; '), chosen.map(({ id }) => id).join('; ')];
  });
}
