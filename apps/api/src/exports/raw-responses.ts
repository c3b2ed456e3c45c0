import type { TDb } from '@enkat/db';
import { canShowComments, classKey, kAnonymize } from '@enkat/results';
import { questionsOf, type TLanguage, type TQuestion, type TWave } from '@enkat/survey-schema';
import { AppError } from '../errors/app-error.js';
import { disclosureOf } from '../results/disclosure.js';
import { assertReleased } from '../results/release.js';
import { countResponses, countWriters } from '../results/result-counts.js';
import { loadWave } from '../surveys/wave-view.js';
import type { TRawCell, TRawResponses } from './export-model.js';

/** Rows fetched per query: small enough to keep memory flat, large enough to be quick. */
export const RAW_PAGE_SIZE = 1000;

const CODE_WORD = { sv: 'kod', en: 'code' } as const satisfies Record<TLanguage, string>;
const COMMENT_COLUMNS = { sv: ['Fråga', 'Kommentar'], en: ['Question', 'Comment'] } as const;
const FIRST_ID = '00000000-0000-0000-0000-000000000000';

type TPageRow = { id: string; choices: Record<string, string[]> };

/** The responses (no free text), and the comments apart, each in an order of its own. */
export type TRawExport = { wave: TWave; responses: TRawResponses; comments: TRawResponses };

/**
 * The anonymized responses of a closed wave (anonymity invariant 5), one row per response:
 * per choice question the option labels (several joined by "; ") and codes; no id, no time,
 * no free text. Background answers are blanked, like skipped ones, where the wave's tables
 * hide them and where a combination of background answers would otherwise be shown by fewer
 * than the minimum group of rows (see kAnonymize). Free text comes apart (`comments`), one
 * comment per row with its question only, for the questions at least the free-text minimum
 * group wrote in, as redacted by the editors (a redaction overwrites the stored text).
 *
 * One pass, linear in the wave: the background combinations are counted once by PostgreSQL,
 * then the rows are read in pages keyed by their random id (never re-sorting the wave), so
 * the order is random and unrelated to when anyone answered, and only one page is in memory.
 * The comments come in the order of their own random handles, unrelated to the responses'.
 * Refused (409) while the wave is open (two downloads would show who answered in between),
 * while results are not released, and with fewer responses than the minimum group.
 */
export async function rawResponses(
  db: TDb,
  waveId: string,
  options: { lang?: TLanguage | undefined } = {},
): Promise<TRawExport> {
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
  if (wave.state !== 'closed') {
    throw new AppError('conflict', 'The responses of a wave are exported once it has closed.', {
      reason: 'results_raw_after_close',
    });
  }
  const questions = questionsOf(wave.questionSet);
  const choice = questions.filter((q) => q.type !== 'free_text');
  const language = options.lang ?? wave.questionSet.language;
  const released = await releasedCombinations(db, wave, responses);
  const texts = await commentQuestions(db, wave);
  return {
    wave,
    responses: {
      columns: choice.flatMap((q) => [`${q.id} ${q.text}`, `${q.id} ${CODE_WORD[language]}`]),
      rows: rowsOf(db, waveId, choice, released),
    },
    comments: { columns: [...COMMENT_COLUMNS[language]], rows: commentsOf(db, waveId, texts) },
  };
}

type TReleased = { background: string[]; map: Map<string, (string | null)[]> };

/** Every combination of background answers and what the file shows of it (kAnonymize). */
async function releasedCombinations(db: TDb, wave: TWave, responses: number): Promise<TReleased> {
  const background = questionsOf(wave.questionSet).filter((q) => q.type === 'background');
  const ids = background.map((q) => q.id);
  if (ids.length === 0) return { background: [], map: new Map() };
  const decision = await disclosureOf(db, wave, { responses });
  const rows = await db.$queryRaw<{ combination: string; count: number }[]>`
    SELECT combination, count(*)::int AS count FROM (
      SELECT coalesce(string_agg(c.question_id || '=' || c.option_id, '&' ORDER BY c.question_id), '') AS combination
        FROM response r
        LEFT JOIN response_choice c ON c.response_id = r.id AND c.question_id = ANY(${ids}::text[])
       WHERE r.wave_id = ${wave.id}::uuid
       GROUP BY r.id) per_response
     GROUP BY combination`;
  const classes = rows.map(({ combination, count }) => ({ answers: answersOf(combination, ids), count }));
  const blank = background.map(
    (q) => new Set(q.options.map((o) => o.id).filter((o) => decision.withheld(q.id) || decision.own(q.id, o) !== null)),
  );
  return { background: ids, map: kAnonymize({ k: wave.settings.minGroupSize, classes, blank }) };
}

function answersOf(combination: string, ids: string[]): (string | null)[] {
  const given = new Map(
    combination
      .split('&')
      .filter(Boolean)
      .map((pair) => pair.split('=') as [string, string]),
  );
  return ids.map((id) => given.get(id) ?? null);
}

/** The free-text questions whose comments may be listed: the free-text minimum wrote in them. */
async function commentQuestions(db: TDb, wave: TWave): Promise<TQuestion[]> {
  const freeText = questionsOf(wave.questionSet).filter((q) => q.type === 'free_text');
  if (freeText.length === 0) return [];
  const writers = await countWriters(db, wave.id);
  return freeText.filter((q) =>
    canShowComments({ writers: writers.get(q.id) ?? 0, freeTextMinGroup: wave.settings.freeTextMinGroup }),
  );
}

async function* rowsOf(
  db: TDb,
  waveId: string,
  questions: TQuestion[],
  released: TReleased,
): AsyncGenerator<TRawCell[]> {
  const position = new Map(
    questions.flatMap((q) => (q.type === 'free_text' ? [] : q.options.map((o, i) => [`${q.id}\u0000${o.id}`, i]))),
  );
  let after = FIRST_ID;
  for (;;) {
    const page = await db.$queryRaw<TPageRow[]>`
      WITH page AS (
        SELECT r.id FROM response r
         WHERE r.wave_id = ${waveId}::uuid AND r.id > ${after}::uuid
         ORDER BY r.id
         LIMIT ${RAW_PAGE_SIZE}
      )
      SELECT p.id::text AS id,
             COALESCE((SELECT json_object_agg(x.question_id, x.options)
                         FROM (SELECT c.question_id, json_agg(c.option_id) AS options
                                 FROM response_choice c
                                WHERE c.response_id = p.id
                                GROUP BY c.question_id) x), '{}'::json) AS choices
        FROM page p
       ORDER BY p.id`;
    for (const row of page) yield cellsOf(row, questions, position, released);
    const last = page.at(-1);
    if (!last || page.length < RAW_PAGE_SIZE) return;
    after = last.id;
  }
}

function cellsOf(
  row: TPageRow,
  questions: TQuestion[],
  position: Map<string, number>,
  { background, map }: TReleased,
): TRawCell[] {
  const answers = background.map((id) => row.choices[id]?.[0] ?? null);
  const shown = map.get(classKey(answers)) ?? background.map(() => null);
  return questions.flatMap((question): TRawCell[] => {
    const at = background.indexOf(question.id);
    if (at >= 0 && shown[at] === null) return [null, null];
    if (question.type === 'free_text') return [];
    const chosen = (row.choices[question.id] ?? [])
      .map((id) => ({ id, at: position.get(`${question.id}\u0000${id}`) ?? Number.MAX_SAFE_INTEGER }))
      .sort((a, b) => a.at - b.at);
    if (chosen.length === 0) return [null, null];
    const labels = chosen.map(({ id }) => question.options.find((o) => o.id === id)?.label ?? id);
    return [labels.join('; '), chosen.map(({ id }) => id).join('; ')];
  });
}

/** The comments of each listed question, in the order of their random handles, a page at a time. */
async function* commentsOf(db: TDb, waveId: string, questions: TQuestion[]): AsyncGenerator<TRawCell[]> {
  for (const question of questions) {
    let after = FIRST_ID;
    for (;;) {
      const page = await db.$queryRaw<{ id: string; text: string }[]>`
        SELECT id::text AS id, text FROM response_text
         WHERE wave_id = ${waveId}::uuid AND question_id = ${question.id} AND id > ${after}::uuid
         ORDER BY id
         LIMIT ${RAW_PAGE_SIZE}`;
      for (const row of page) yield [`${question.id} ${question.text}`, row.text];
      const last = page.at(-1);
      if (!last || page.length < RAW_PAGE_SIZE) break;
      after = last.id;
    }
  }
}
