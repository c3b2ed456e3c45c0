import type { TDb } from '@enkat/db';
import type { TCodeSummary, TIssuedCodes } from '@enkat/survey-schema';
import { recordAudit } from '../admins/audit.js';
import { AppError } from '../errors/app-error.js';
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
 * Issues `count` new codes for a wave and returns them: the only time they exist outside the
 * respondents' hands. Only their hashes are stored. A null actor is the platform itself (the
 * demo data).
 */
export async function issueCodes(db: TDb, waveId: string, count: number, actor: TActor | null): Promise<TIssuedCodes> {
  const wave = await codeWave(db, waveId);
  if (wave.accessMode !== 'codes') {
    throw new AppError('conflict', 'This wave is answered through an open link: it takes no codes.');
  }
  if (wave.state === 'closed') throw new AppError('conflict', 'This wave is closed: it takes no more answers.');
  const codes = Array.from({ length: count }, generateCode);
  const batchId = await db.$transaction(async (tx) => {
    const batch = await tx.codeBatch.create({ data: { waveId, count }, select: { id: true } });
    await tx.invitationCode.createMany({
      data: codes.map((code) => ({ batchId: batch.id, waveId, codeHash: hashCode(code.replaceAll('-', '')) })),
    });
    await recordAudit(tx, {
      actor,
      action: 'codes_issued',
      object: { type: 'wave', id: waveId },
      details: { batchId: batch.id, count },
    });
    return batch.id;
  });
  return { batchId, codes, respondentPath: wave.slug ? `/s/${wave.slug}` : '/s/' };
}

/** How many codes a wave has, how many are used and revoked, by batch. */
export async function codeSummary(db: TDb, waveId: string): Promise<TCodeSummary> {
  await codeWave(db, waveId);
  const batches = await db.$queryRaw<{ id: string; createdAt: Date; count: number; used: number; revoked: number }[]>`
    SELECT b.id, b.created_at AS "createdAt", b.count,
           count(u.code_id)::int AS used,
           count(*) FILTER (WHERE c.revoked)::int AS revoked
      FROM code_batch b
      JOIN invitation_code c ON c.batch_id = b.id
      LEFT JOIN code_use u ON u.code_id = c.id
     WHERE b.wave_id = ${waveId}::uuid
     GROUP BY b.id
     ORDER BY b.created_at`;
  const sum = (key: 'count' | 'used' | 'revoked') => batches.reduce((total, batch) => total + batch[key], 0);
  return {
    issued: sum('count') - sum('revoked'),
    used: sum('used'),
    revoked: sum('revoked'),
    batches: batches.map((batch) => ({ ...batch, createdAt: batch.createdAt.toISOString() })),
  };
}

/** Revokes the unused codes of a batch, or one unused code by its printed value. */
export async function revokeCodes(
  db: TDb,
  waveId: string,
  target: { batchId: string } | { code: string },
  actor: TActor,
): Promise<number> {
  await codeWave(db, waveId);
  return db.$transaction(async (tx) => {
    let where: { waveId: string; batchId?: string; codeHash?: string };
    if ('batchId' in target) {
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
    const { count } = await tx.invitationCode.updateMany({
      where: { ...where, revoked: false, use: { is: null } },
      data: { revoked: true },
    });
    if (count === 0 && (await tx.invitationCode.count({ where })) === 0) {
      throw new AppError(
        'not_found',
        'batchId' in target ? 'No such batch in this wave.' : 'No such code in this wave.',
      );
    }
    await recordAudit(tx, {
      actor,
      action: 'codes_revoked',
      object: { type: 'wave', id: waveId },
      details: 'batchId' in target ? { batchId: target.batchId, count } : { count },
    });
    return count;
  });
}
