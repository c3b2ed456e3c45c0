import { randomInt } from 'node:crypto';
import type { TDb } from '@enkat/db';

/**
 * Breaks the two traces PostgreSQL itself leaves between a used code and the response it
 * admitted, both written by one transaction (anonymity invariant 2):
 * - every row carries the id of the transaction that wrote it (the hidden `xmin` column), so
 *   `code_use` and `response` rows of one submission share it;
 * - rows lie in the table in the order they were written, so the n-th use matches the n-th
 *   response.
 * Rewriting all of the wave's `code_use` rows in one transaction, in a random order, gives
 * them all the same new `xmin` and a meaningless order. Runs after every submission with a
 * code (a few milliseconds for hundreds of codes) and when the wave closes.
 */
export async function unlinkCodeUses(db: TDb, waveId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    // One rewrite per wave at a time: two at once would insert the same rows twice.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`code-use:${waveId}`}))`;
    const used = await tx.$queryRaw<{ codeId: string }[]>`
      DELETE FROM code_use u USING invitation_code c
       WHERE u.code_id = c.id AND c.wave_id = ${waveId}::uuid
      RETURNING u.code_id AS "codeId"`;
    await tx.codeUse.createMany({ data: shuffled(used) });
  });
}

function shuffled<T>(items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}
