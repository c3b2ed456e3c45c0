import type { TDb } from '@enkat/db';
import type { TCorrectOpenWaveRequest } from '@enkat/survey-schema';
import { recordAudit } from '../admins/audit.js';
import { AppError } from '../errors/app-error.js';

type TActor = { id: string; email: string } | null;

/**
 * Corrects an open wave's closing time and number invited, at the revision the editor saw.
 * Nothing else of an open wave changes: its questions are frozen, and its access mode and
 * minimum groups decide what respondents were promised. The audit entry keeps both values.
 */
export async function correctOpenWave(db: TDb, id: string, input: TCorrectOpenWaveRequest, actor: TActor) {
  await db.$transaction(async (tx) => {
    const wave = await tx.wave.findUnique({
      where: { id },
      select: { state: true, revision: true, opensAt: true, closesAt: true, invitedCount: true },
    });
    if (!wave) throw new AppError('not_found', 'No such wave.');
    if (wave.state !== 'open') {
      throw new AppError('conflict', 'Only an open wave is corrected this way: edit a draft’s settings instead.');
    }
    if (wave.revision !== input.revision) {
      throw new AppError(
        'conflict',
        `Someone else saved this wave meanwhile (revision ${wave.revision}, yours ${input.revision}). Reload to see their changes.`,
      );
    }
    const closesAt = new Date(input.closesAt);
    const field = (message: string) =>
      new AppError('validation_failed', message, { fields: [{ path: 'body.closesAt', message }] });
    if (closesAt.getTime() <= Date.now()) throw field('The closing date of an open wave must lie ahead.');
    if (wave.opensAt && closesAt <= wave.opensAt) throw field('The closing time must come after the opening time');

    const changes: Record<string, { from: string | number | null; to: string | number | null }> = {};
    if (wave.closesAt?.getTime() !== closesAt.getTime()) {
      changes.closesAt = { from: wave.closesAt?.toISOString() ?? null, to: closesAt.toISOString() };
    }
    if (wave.invitedCount !== input.invitedCount) {
      changes.invitedCount = { from: wave.invitedCount, to: input.invitedCount };
    }
    if (Object.keys(changes).length === 0) return;
    await tx.wave.update({
      where: { id },
      data: { closesAt, invitedCount: input.invitedCount, revision: { increment: 1 } },
    });
    await recordAudit(tx, { actor, action: 'wave_corrected', object: { type: 'wave', id }, details: changes });
  });
}
