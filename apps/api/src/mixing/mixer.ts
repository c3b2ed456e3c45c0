import type { TDb } from '@enkat/db';
import type { TDeploymentKeys } from '../keys/deployment-keys.js';
import { closeWave } from '../surveys/wave-lifecycle.js';
import { submissionsToMix } from './mix-policy.js';
import { mixWave } from './mix-wave.js';
import { mixingLock } from './mixing-lock.js';

/** A batch can be large after a rush; mixing 10,000 answers takes a few seconds. */
const MIX_TRANSACTION_MS = 120_000;

/**
 * One round of this process's mixer: mixes every open wave that has a batch ready, and closes
 * the waves whose closing time has passed (closing mixes what is left). Any number of API
 * processes may run it at once: a wave's mixing lock lets one of them at a time mix it, and a
 * batch is deleted from the pending table in the transaction that writes it, so a crash
 * anywhere mixes nothing twice and loses nothing. Returns how many answers were mixed.
 */
export async function mixRound(db: TDb, keys: TDeploymentKeys): Promise<number> {
  const due = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM wave WHERE state = 'open' AND closes_at <= now()`;
  for (const { id } of due) {
    await closeWave(db, keys, id, null).catch((error: unknown) => {
      // Another process closed it first.
      if ((error as { code?: string }).code !== 'conflict') throw error;
    });
  }
  // Which waves have a batch ready is mix-policy.ts's rule alone; mixWave checks it again
  // under the lock, with the count of that moment.
  const pending = await db.$queryRaw<{ waveId: string; pending: number; minGroup: number }[]>`
    SELECT p.wave_id AS "waveId", count(*)::int AS pending, w.min_group_size AS "minGroup"
      FROM pending_submission p JOIN wave w ON w.id = p.wave_id
     WHERE w.state = 'open'
     GROUP BY p.wave_id, w.min_group_size`;
  const ready = pending.filter((wave) => submissionsToMix({ ...wave, closing: false }) > 0);
  let mixed = 0;
  for (const { waveId } of ready) {
    mixed += await db.$transaction(
      async (tx) => {
        const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`
          SELECT pg_try_advisory_xact_lock(${mixingLock(waveId)}::bigint) AS locked`;
        if (!lock?.locked) return 0;
        return mixWave(tx, keys, { waveId, closing: false });
      },
      { maxWait: 5_000, timeout: MIX_TRANSACTION_MS },
    );
  }
  return mixed;
}
