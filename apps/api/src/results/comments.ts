import type { TDb } from '@enkat/db';
import { canShowComments } from '@enkat/results';
import { questionsOf, type TListCommentsResponse, type TQuestion, type TWave } from '@enkat/survey-schema';
import { AppError } from '../errors/app-error.js';
import { loadWave } from '../surveys/wave-view.js';
import { findPersonalData } from './personal-data.js';
import { assertReleased } from './release.js';
import { countResponses } from './result-counts.js';

/** A free-text question of a wave, or 404. */
export async function freeTextQuestion(
  db: TDb,
  waveId: string,
  questionId: string,
): Promise<{ wave: TWave; question: Extract<TQuestion, { type: 'free_text' }> }> {
  const wave = await loadWave(db, waveId);
  const question = questionsOf(wave.questionSet).find((q) => q.id === questionId);
  if (question?.type !== 'free_text') throw new AppError('not_found', 'No such free-text question in this wave.');
  return { wave, question };
}

/**
 * A free-text question's answers, in a new random order on every request (shuffled by
 * PostgreSQL), with nothing about who wrote them or when; listed only once the wave has closed
 * and at least the wave's free-text minimum group wrote, and under the same release rule as the tables. `flag` marks
 * what may be personal data, including the names on the wave's list.
 */
export async function listComments(
  db: TDb,
  waveId: string,
  questionId: string,
  { flag }: { flag: boolean },
): Promise<TListCommentsResponse> {
  const { wave, question } = await freeTextQuestion(db, waveId, questionId);
  const [responses, writers] = await Promise.all([
    countResponses(db, waveId),
    db.responseText.count({ where: { waveId, questionId } }),
  ]);
  const release = assertReleased(wave, responses);
  const { freeTextMinGroup } = wave.settings;
  // An open wave lists no comments (invariant 6): a new comment between two looks is one person's.
  const withheld: TListCommentsResponse['withheld'] =
    release === 'too_few_responses'
      ? release
      : wave.state !== 'closed'
        ? 'wave_open'
        : canShowComments({ writers, freeTextMinGroup })
          ? null
          : 'too_few_writers';
  const answer = { questionId, text: question.text, writers, freeTextMinGroup, withheld };
  if (withheld) return { ...answer, comments: [] };

  const [rows, names] = await Promise.all([
    db.$queryRaw<{ id: string; text: string }[]>`
      SELECT id, text FROM response_text
       WHERE wave_id = ${waveId}::uuid AND question_id = ${questionId}
       ORDER BY random()`,
    flag ? redactionNamesOf(db, waveId) : [],
  ]);
  return {
    ...answer,
    comments: rows.map((row) => (flag ? { ...row, flags: findPersonalData(row.text, names) } : row)),
  };
}

export async function redactionNamesOf(db: TDb, waveId: string): Promise<string[]> {
  const wave = await db.wave.findUnique({ where: { id: waveId }, select: { redactionNames: true } });
  if (!wave) throw new AppError('not_found', 'No such wave.');
  return wave.redactionNames;
}
