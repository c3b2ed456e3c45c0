import { Prisma, type TDb } from '@enkat/db';
import type { TQuestionSet, TWaveSettings } from '@enkat/survey-schema';
import { recordAudit } from '../admins/audit.js';
import { AppError } from '../errors/app-error.js';
import type { TDeploymentKeys } from '../keys/deployment-keys.js';
import { mixWave } from '../mixing/mix-wave.js';
import { mixingLock } from '../mixing/mixing-lock.js';
import { contentHash } from './content-hash.js';
import { newWaveSlug } from './wave-slug.js';
import { questionSetOf, WAVE_SELECT } from './wave-view.js';

type TActor = { id: string; email: string } | null;
type TTx = Prisma.TransactionClient;

/**
 * Changes a draft wave if, and only if, it is still at the revision the editor saw: two
 * editors saving the same draft get a conflict instead of silently overwriting each other.
 */
async function updateDraft(
  tx: TTx,
  id: string,
  revision: number,
  data: Prisma.WaveUpdateManyMutationInput,
): Promise<void> {
  const { count } = await tx.wave.updateMany({
    where: { id, revision, state: 'draft' },
    data: { ...data, revision: { increment: 1 } },
  });
  if (count === 1) return;
  const wave = await tx.wave.findUnique({ where: { id }, select: { state: true, revision: true } });
  if (!wave) throw new AppError('not_found', 'No such wave.');
  if (wave.state !== 'draft')
    throw new AppError('conflict', 'This wave is published: its questions are frozen and can no longer be edited.');
  throw new AppError(
    'conflict',
    `Someone else saved this wave meanwhile (revision ${wave.revision}, yours ${revision}). Reload to see their changes.`,
  );
}

export async function saveQuestionSet(db: TDb, id: string, revision: number, questionSet: TQuestionSet, actor: TActor) {
  await db.$transaction(async (tx) => {
    await updateDraft(tx, id, revision, { draft: questionSet as Prisma.InputJsonValue });
    await recordAudit(tx, { actor, action: 'wave_questions_saved', object: { type: 'wave', id } });
  });
}

export async function saveSettings(db: TDb, id: string, revision: number, settings: TWaveSettings, actor: TActor) {
  await db.$transaction(async (tx) => {
    const { opensAt, closesAt, ...rest } = settings;
    await updateDraft(tx, id, revision, {
      ...rest,
      opensAt: opensAt ? new Date(opensAt) : null,
      closesAt: closesAt ? new Date(closesAt) : null,
    });
    await recordAudit(tx, { actor, action: 'wave_settings_saved', object: { type: 'wave', id } });
  });
}

/** Freezes the draft into an immutable, content-hashed version and opens the wave. */
export async function publishWave(db: TDb, id: string, revision: number, actor: TActor) {
  await db.$transaction(async (tx) => {
    const wave = await tx.wave.findUnique({ where: { id }, select: { ...WAVE_SELECT, seriesId: true } });
    if (!wave) throw new AppError('not_found', 'No such wave.');
    if (!wave.opensAt || !wave.closesAt) {
      throw new AppError('validation_failed', 'Set the opening and closing times before publishing.', {
        fields: [{ path: 'settings.opensAt', message: 'Required to publish' }],
      });
    }
    const questionSet = questionSetOf(wave);
    const hash = contentHash(questionSet);
    const version = await tx.questionSetVersion.upsert({
      where: { seriesId_contentHash: { seriesId: wave.seriesId, contentHash: hash } },
      create: { seriesId: wave.seriesId, contentHash: hash, content: questionSet as Prisma.InputJsonValue },
      update: {},
      select: { id: true },
    });
    await updateDraft(tx, id, revision, {
      state: 'open',
      publishedAt: new Date(),
      draft: Prisma.DbNull,
      slug: newWaveSlug(),
    });
    await tx.wave.update({ where: { id }, data: { versionId: version.id } });
    await recordAudit(tx, {
      actor,
      action: 'wave_published',
      object: { type: 'wave', id },
      details: { contentHash: hash },
    });
  });
}

/**
 * Closes an open wave and mixes every answer still pending, in one transaction. Its update of
 * the wave waits for submissions under way (each holds the wave's row FOR SHARE), and every
 * later one sees the wave closed, so none is accepted after the close; then it waits for a
 * mixer at work on the wave. Results of a closed wave are final from the moment it closes.
 */
export async function closeWave(db: TDb, keys: TDeploymentKeys, id: string, actor: TActor) {
  await db.$transaction(
    async (tx) => {
      const { count } = await tx.wave.updateMany({
        where: { id, state: 'open' },
        data: { state: 'closed', closedAt: new Date(), revision: { increment: 1 } },
      });
      if (count === 0) {
        const wave = await tx.wave.findUnique({ where: { id }, select: { state: true } });
        if (!wave) throw new AppError('not_found', 'No such wave.');
        throw new AppError(
          'conflict',
          wave.state === 'draft' ? 'A draft cannot be closed; publish it first.' : 'This wave is already closed.',
        );
      }
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${mixingLock(id)}::bigint)`;
      await mixWave(tx, keys, { waveId: id, closing: true });
      await recordAudit(tx, { actor, action: 'wave_closed', object: { type: 'wave', id } });
    },
    { maxWait: 5_000, timeout: 120_000 },
  );
}

/** Starts the next wave of a series: a new draft holding the latest question set, same ids. */
export async function rerunSeries(db: TDb, seriesId: string, name: string, actor: TActor): Promise<string> {
  return db.$transaction(async (tx) => {
    const latest = await tx.wave.findFirst({
      where: { seriesId },
      orderBy: [{ createdAt: 'desc' }],
      select: { draft: true, version: { select: { content: true } } },
    });
    if (!latest) throw new AppError('not_found', 'No such survey series.');
    if (await tx.wave.findUnique({ where: { seriesId_name: { seriesId, name } }, select: { id: true } })) {
      throw new AppError('conflict', `The series already has a wave named “${name}”.`);
    }
    const wave = await tx.wave.create({
      data: { seriesId, name, draft: questionSetOf(latest) as Prisma.InputJsonValue },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor,
      action: 'wave_created',
      object: { type: 'wave', id: wave.id },
      details: { name, rerun: true },
    });
    return wave.id;
  });
}
