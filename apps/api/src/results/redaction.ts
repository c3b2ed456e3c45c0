import type { TDb } from '@enkat/db';
import { REDACTION_MARKER, type TComment, type TRedactCommentRequest } from '@enkat/survey-schema';
import { recordAudit } from '../admins/audit.js';
import { AppError } from '../errors/app-error.js';
import { freeTextQuestion, redactionNamesOf } from './comments.js';

type TActor = { id: string; email: string };

/**
 * Replaces a comment, or one stretch of it, by "[borttaget]" ("[removed]" in an English
 * survey), for good: the text is overwritten, not hidden. A stretch must still read what the
 * editor saw, so two editors redacting at once cannot cut the wrong words. The audit log
 * records who redacted in which wave and question, never the text.
 */
export async function redactComment(
  db: TDb,
  target: { waveId: string; questionId: string } & TRedactCommentRequest,
  actor: TActor,
): Promise<TComment> {
  const { waveId, questionId, comment, span } = target;
  const { wave } = await freeTextQuestion(db, waveId, questionId);
  const marker = REDACTION_MARKER[wave.questionSet.language];
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ text: string }[]>`
      SELECT text FROM response_text
       WHERE id = ${comment}::uuid AND wave_id = ${waveId}::uuid AND question_id = ${questionId}
         FOR UPDATE`;
    if (!row) throw new AppError('not_found', 'No such comment in this question.');
    if (span && row.text.slice(span.start, span.end) !== span.text) {
      throw new AppError('conflict', 'The comment no longer reads so at that place (redacted meanwhile?). Reload it.');
    }
    const text = span ? row.text.slice(0, span.start) + marker + row.text.slice(span.end) : marker;
    await tx.$executeRaw`UPDATE response_text SET text = ${text} WHERE id = ${comment}::uuid`;
    await recordAudit(tx, {
      actor,
      action: 'comment_redacted',
      object: { type: 'wave', id: waveId },
      details: { questionId, part: span ? 'span' : 'whole' },
    });
    return { id: comment, text };
  });
}

/** The names an editor wants flagged in this wave's comments. */
export async function redactionNames(db: TDb, waveId: string): Promise<{ names: string[] }> {
  return { names: await redactionNamesOf(db, waveId) };
}

/** Replaces the wave's list of names (duplicates in any case dropped); logs how many, not which. */
export async function saveRedactionNames(
  db: TDb,
  waveId: string,
  names: string[],
  actor: TActor,
): Promise<{ names: string[] }> {
  const byKey = new Map<string, string>();
  for (const name of names) {
    const key = name.toLocaleLowerCase('sv');
    if (!byKey.has(key)) byKey.set(key, name);
  }
  const unique = [...byKey.values()];
  return db.$transaction(async (tx) => {
    const { count } = await tx.wave.updateMany({ where: { id: waveId }, data: { redactionNames: unique } });
    if (count === 0) throw new AppError('not_found', 'No such wave.');
    await recordAudit(tx, {
      actor,
      action: 'redaction_names_saved',
      object: { type: 'wave', id: waveId },
      details: { count: unique.length },
    });
    return { names: unique };
  });
}
