import type { TDb } from '@enkat/db';
import type { TLateCodes, TWave } from '@enkat/survey-schema';
import { recordAudit } from '../admins/audit.js';
import { AppError } from '../errors/app-error.js';

/**
 * Padding: an editor who issues codes to an open wave can answer with them, and so make a
 * group of 1 look like a group of 5 whose 4 invented answers they know. A wave's setting
 * (codesLockedWhenOpen, on for new waves) forbids it; where it is off, every code issued after
 * answering began, and by whom, is shown with the results and in every export's header lines.
 */

/** When answering began: the later of opening and publishing; null while it has not. */
export function answeringBeganAt(
  wave: Pick<TWave, 'state' | 'publishedAt'> & { settings: Pick<TWave['settings'], 'opensAt'> },
  now = new Date(),
) {
  if (wave.state === 'draft' || !wave.publishedAt) return null;
  const opens = wave.settings.opensAt ? new Date(wave.settings.opensAt) : null;
  const began = opens && opens > new Date(wave.publishedAt) ? opens : new Date(wave.publishedAt);
  return began <= now ? began : null;
}

/**
 * Refuses (409, and a line in the audit log) to issue codes to an open wave whose setting
 * forbids it. The codes route calls it before issuing.
 */
export async function assertMayIssueCodes(
  db: TDb,
  waveId: string,
  actor: { id: string; email: string },
): Promise<void> {
  // Only the fields the rule needs; a missing wave is issueCodes's to report.
  const wave = await db.wave.findUnique({
    where: { id: waveId },
    select: { state: true, publishedAt: true, opensAt: true, codesLockedWhenOpen: true },
  });
  if (wave?.state !== 'open' || !wave.codesLockedWhenOpen) return;
  const began = answeringBeganAt({
    state: wave.state,
    publishedAt: wave.publishedAt?.toISOString() ?? null,
    settings: { opensAt: wave.opensAt?.toISOString() ?? null },
  });
  if (!began) return;
  await recordAudit(db, { actor, action: 'codes_refused', object: { type: 'wave', id: waveId } });
  throw new AppError(
    'conflict',
    'This wave is open and its settings forbid issuing more codes: codes issued while people answer could pad a small group.',
    { reason: 'codes_locked_when_open' },
  );
}

/** The codes issued after answering began, per batch, with who issued them (from the audit log). */
export async function lateCodesOf(db: TDb, wave: TWave): Promise<TLateCodes> {
  const began = answeringBeganAt(wave);
  if (!began) return { count: 0, batches: [] };
  const batches = await db.codeBatch.findMany({
    where: { waveId: wave.id, createdAt: { gt: began } },
    select: { id: true, count: true, createdAt: true },
    orderBy: { createdAt: 'asc' },
  });
  if (batches.length === 0) return { count: 0, batches: [] };
  const issued = await db.auditEvent.findMany({
    where: { action: 'codes_issued', objectType: 'wave', objectId: wave.id },
    select: { actorEmail: true, details: true },
  });
  const issuer = new Map(
    issued.map((event) => [(event.details as { batchId?: string } | null)?.batchId ?? '', event.actorEmail]),
  );
  return {
    count: batches.reduce((sum, batch) => sum + batch.count, 0),
    batches: batches.map((batch) => ({
      count: batch.count,
      issuedOn: batch.createdAt.toISOString().slice(0, 10),
      issuedBy: issuer.get(batch.id) ?? null,
    })),
  };
}
