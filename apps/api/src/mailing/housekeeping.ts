import type { TDb } from '@enkat/db';
import { noteAnswers } from './ledger.js';

/**
 * Blind lists of closed waves (closed, or past their closing time): the sealed list and the
 * deliveries (which name positions in it) are deleted, their counts and failure reasons kept
 * on the sends, and sends not yet finished are cancelled. Returns how many lists were deleted.
 */
export async function deleteClosedBlindLists(db: TDb): Promise<number> {
  const due = await db.$queryRaw<{ waveId: string }[]>`
    SELECT m.wave_id AS "waveId" FROM mailing m JOIN wave w ON w.id = m.wave_id
     WHERE m.mode = 'blind' AND m.list_deleted_at IS NULL
       AND (w.state = 'closed' OR w.closes_at <= now())`;
  for (const { waveId } of due) {
    await db.$transaction(async (tx) => {
      await tx.$executeRaw`
        UPDATE mail_send s SET failures = f.failures
          FROM (SELECT send_id, jsonb_object_agg(reason, n) AS failures
                  FROM (SELECT send_id, reason, count(*)::int AS n FROM mail_delivery
                         WHERE state = 'failed'
                           AND send_id IN (SELECT id FROM mail_send WHERE wave_id = ${waveId}::uuid)
                         GROUP BY send_id, reason) r
                 GROUP BY send_id) f
         WHERE s.id = f.send_id AND s.wave_id = ${waveId}::uuid`;
      await tx.$executeRaw`
        DELETE FROM mail_delivery WHERE send_id IN (SELECT id FROM mail_send WHERE wave_id = ${waveId}::uuid)`;
      await tx.$executeRaw`
        UPDATE mail_send SET state = 'cancelled' WHERE wave_id = ${waveId}::uuid AND state IN ('scheduled', 'sending')`;
      await tx.mailing.update({ where: { waveId }, data: { sealedList: null, listDeletedAt: new Date() } });
    });
  }
  return due.length;
}

/** Notes the day of new answers in every open tracked wave's ledger. */
export async function noteTrackedAnswers(db: TDb): Promise<void> {
  const waves = await db.$queryRaw<{ waveId: string }[]>`
    SELECT m.wave_id AS "waveId" FROM mailing m JOIN wave w ON w.id = m.wave_id
     WHERE m.mode = 'tracked' AND w.state = 'open'`;
  for (const { waveId } of waves) await noteAnswers(db, waveId);
}

/** Sends that should be running: started or due. A restart hands them to the queue again. */
export async function sendsToResume(db: TDb): Promise<{ id: string; scheduledAt: Date }[]> {
  return db.mailSend.findMany({
    where: { state: { in: ['scheduled', 'sending'] } },
    select: { id: true, scheduledAt: true },
  });
}
