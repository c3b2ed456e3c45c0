import type { TDb } from '@enkat/db';
import type { TCodeSummary, TIssuedCodes } from '@enkat/survey-schema';
import { recordAudit } from '../admins/audit.js';
import { AppError } from '../errors/app-error.js';
import type { TDeploymentKeys } from '../keys/deployment-keys.js';
import { codeUsePseudonym } from '../keys/pseudonyms.js';
import { generateCode, hashCode, parseCode } from './invitation-codes.js';

type TActor = { id: string; email: string };

async function codeWave(db: TDb, waveId: string) {
  const wave = await db.wave.findUnique({
    where: { id: waveId },
    select: { state: true, accessMode: true, slug: true },
  });
  if (!wave) throw new AppError('not_found', 'No such wave.');
  return wave;
}

/**
 * Codes stored per step when issuing. Each step is one statement that inserts its codes and
 * counts them into the batch's `written`, so no transaction stays open for a large batch and
 * the codes page can show the progress between steps.
 */
export const ISSUE_STEP = 5_000;

/**
 * Issues `count` new codes for a wave and returns them: the only time they exist outside the
 * respondents' hands. Only their hashes are stored. The batch and its audit line are written
 * first, then the codes step by step; should a step fail, the codes already stored are revoked
 * (nobody has seen them) and the batch closed at what it holds. A null actor is the platform
 * itself (the demo data).
 */
export async function issueCodes(db: TDb, waveId: string, count: number, actor: TActor | null): Promise<TIssuedCodes> {
  const wave = await codeWave(db, waveId);
  if (wave.accessMode !== 'codes') {
    throw new AppError('conflict', 'This wave is answered through an open link: it takes no codes.');
  }
  if (wave.state === 'closed') throw new AppError('conflict', 'This wave is closed: it takes no more answers.');
  const codes = Array.from({ length: count }, generateCode);
  const batchId = await db.$transaction(async (tx) => {
    const batch = await tx.codeBatch.create({ data: { waveId, count, written: 0 }, select: { id: true } });
    await recordAudit(tx, {
      actor,
      action: 'codes_issued',
      object: { type: 'wave', id: waveId },
      details: { batchId: batch.id, count },
    });
    return batch.id;
  });
  try {
    for (let start = 0; start < codes.length; start += ISSUE_STEP) {
      const hashes = codes.slice(start, start + ISSUE_STEP).map((code) => hashCode(code.replaceAll('-', '')));
      await db.$executeRaw`
        WITH stored AS (
          INSERT INTO invitation_code (id, batch_id, wave_id, code_hash)
          SELECT gen_random_uuid(), ${batchId}::uuid, ${waveId}::uuid, h FROM unnest(${hashes}::text[]) AS h
          RETURNING 1)
        UPDATE code_batch SET written = written + (SELECT count(*) FROM stored)::int WHERE id = ${batchId}::uuid`;
    }
  } catch (error) {
    await abandonBatch(db, batchId).catch(() => {});
    throw error;
  }
  return { batchId, codes, respondentPath: wave.slug ? `/s/${wave.slug}` : '/s/' };
}

/** A batch whose issuing broke off: what it stored is revoked, and it counts only that. */
async function abandonBatch(db: TDb, batchId: string) {
  await db.$transaction([
    db.invitationCode.updateMany({ where: { batchId }, data: { revoked: true } }),
    db.$executeRaw`UPDATE code_batch SET count = written WHERE id = ${batchId}::uuid`,
  ]);
}

/**
 * How many codes a wave has, how many are used (in total only: which batch's codes were used
 * would single out a batch of one), and how many revoked, by batch.
 */
export async function codeSummary(db: TDb, waveId: string): Promise<TCodeSummary> {
  await codeWave(db, waveId);
  const batches = await db.$queryRaw<
    { id: string; createdAt: Date; count: number; written: number; revoked: number }[]
  >`
    SELECT b.id, b.created_at AS "createdAt", b.count, b.written,
           (SELECT count(*) FROM invitation_code c WHERE c.batch_id = b.id AND c.revoked)::int AS revoked
      FROM code_batch b
     WHERE b.wave_id = ${waveId}::uuid
     ORDER BY b.created_at`;
  const used = await db.codeUse.count({ where: { waveId } });
  const sum = (key: 'written' | 'revoked') => batches.reduce((total, batch) => total + batch[key], 0);
  return {
    issued: sum('written') - sum('revoked'),
    used,
    revoked: sum('revoked'),
    batches: batches.map((batch) => ({ ...batch, createdAt: batch.createdAt.toISOString() })),
  };
}

/**
 * Revokes the unused codes of a batch, or one unused code by its printed value. Whether a code
 * is used is known only through its pseudonym, so the pseudonyms of the candidates are computed
 * here with the deployment's key and compared with the wave's code uses.
 */
export async function revokeCodes(
  db: TDb,
  keys: TDeploymentKeys,
  waveId: string,
  target: { batchId: string } | { code: string },
  actor: TActor,
): Promise<number> {
  await codeWave(db, waveId);
  let where: { waveId: string; batchId?: string; codeHash?: string };
  if ('batchId' in target) {
    const batch = await db.codeBatch.findFirst({
      where: { id: target.batchId, waveId },
      select: { count: true, written: true },
    });
    if (batch && batch.written < batch.count) {
      throw new AppError('conflict', 'This batch is still being issued: revoke its codes once it is complete.');
    }
    where = { waveId, batchId: target.batchId };
  } else {
    const parsed = parseCode(target.code);
    if (!parsed.ok) {
      throw new AppError('validation_failed', 'That is not a code of this platform (check for typos).', {
        fields: [{ path: 'body.code', message: parsed.reason === 'typo' ? 'Check character mismatch' : 'Malformed' }],
      });
    }
    where = { waveId, codeHash: hashCode(parsed.normalized) };
  }
  return db.$transaction(
    async (tx) => {
      const candidates = await tx.invitationCode.findMany({
        where,
        select: { id: true, codeHash: true, revoked: true },
      });
      if (candidates.length === 0) {
        throw new AppError(
          'not_found',
          'batchId' in target ? 'No such batch in this wave.' : 'No such code in this wave.',
        );
      }
      const open = candidates
        .filter((code) => !code.revoked)
        .map((code) => ({ id: code.id, pseudonym: codeUsePseudonym(keys, code.codeHash) }));
      const used = new Set(
        (
          await tx.$queryRaw<{ pseudonym: Uint8Array }[]>`
            SELECT pseudonym FROM code_use WHERE pseudonym = ANY(${open.map((code) => code.pseudonym)}::bytea[])`
        ).map((use) => Buffer.from(use.pseudonym).toString('base64')),
      );
      const unused = open.filter((code) => !used.has(code.pseudonym.toString('base64')));
      const { count } = await tx.invitationCode.updateMany({
        where: { id: { in: unused.map((code) => code.id) } },
        data: { revoked: true },
      });
      await recordAudit(tx, {
        actor,
        action: 'codes_revoked',
        object: { type: 'wave', id: waveId },
        details: 'batchId' in target ? { batchId: target.batchId, count } : { count },
      });
      return count;
    },
    { maxWait: 5_000, timeout: 60_000 },
  );
}
