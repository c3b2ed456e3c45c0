import type { Prisma, TDb } from '@enkat/db';
import {
  type TMailing,
  type TMailingMode,
  type TMailKind,
  type TMailSend,
  type TMailTemplates,
  type TUploadRecipientsResponse,
  ZMailTemplates,
} from '@enkat/survey-schema';
import { z } from 'zod';
import { recordAudit } from '../admins/audit.js';
import { AppError } from '../errors/app-error.js';
import type { TDeploymentKeys } from '../keys/deployment-keys.js';
import { answeredCount, clearLedger, noteAnswers, replaceLedger } from './ledger.js';
import { parseRecipients, RecipientListError } from './recipients.js';
import { sealAddressList } from './sealed-list.js';
import { DEFAULT_TEMPLATES, type TMailLanguage, templateProblems } from './templates.js';

type TActor = { id: string; email: string };

export type TSendingStatus = TMailing['sending'];

const ZStoredTemplates = z.object({ sv: ZMailTemplates, en: ZMailTemplates }).partial();

export function templatesOf(stored: Prisma.JsonValue | null, language: TMailLanguage): TMailTemplates {
  const parsed = ZStoredTemplates.safeParse(stored ?? {});
  return (parsed.success ? parsed.data[language] : undefined) ?? DEFAULT_TEMPLATES[language];
}

/** A wave that can have a mailing: published with codes, not closed. */
async function mailableWave(db: TDb, waveId: string) {
  const wave = await db.wave.findUnique({
    where: { id: waveId },
    select: { id: true, state: true, accessMode: true, opensAt: true, closesAt: true, slug: true },
  });
  if (!wave) throw new AppError('not_found', 'No such wave.');
  if (wave.accessMode !== 'codes') {
    throw new AppError('conflict', 'E-mail invitations need a wave answered with codes, not an open link.');
  }
  if (wave.state === 'closed') throw new AppError('conflict', 'This wave is closed.');
  return wave;
}

async function mailingOf(db: TDb, waveId: string) {
  return db.mailing.findUnique({ where: { waveId } });
}

export async function setMailingMode(db: TDb, waveId: string, mode: TMailingMode, actor: TActor): Promise<void> {
  await mailableWave(db, waveId);
  const existing = await mailingOf(db, waveId);
  if (existing?.lockedAt && existing.mode !== mode) {
    throw new AppError('conflict', 'The mode is locked: the first mail has been scheduled.');
  }
  if (existing && existing.recipientCount > 0 && existing.mode !== mode) {
    throw new AppError('conflict', 'Delete the recipient list before changing the mode; then upload it again.');
  }
  await db.$transaction(async (tx) => {
    await tx.mailing.upsert({ where: { waveId }, create: { waveId, mode }, update: { mode } });
    await recordAudit(tx, {
      actor,
      action: 'mailing_mode_set',
      object: { type: 'wave', id: waveId },
      details: { mode },
    });
  });
}

/**
 * Stores a recipient list, replacing the previous one (until the first send). Tracked: in the
 * participation ledger. Blind: sealed, as one item. A list that cannot be read stores nothing.
 */
export async function uploadRecipients(
  db: TDb,
  keys: TDeploymentKeys,
  waveId: string,
  text: string,
  actor: TActor,
): Promise<TUploadRecipientsResponse> {
  await mailableWave(db, waveId);
  const mailing = await mailingOf(db, waveId);
  if (!mailing) throw new AppError('conflict', 'Choose the participation mode (tracked or blind) first.');
  if (mailing.lockedAt) throw new AppError('conflict', 'Mails have been scheduled: the list can no longer change.');
  let parsed: ReturnType<typeof parseRecipients>;
  try {
    parsed = parseRecipients(text);
  } catch (error) {
    if (!(error instanceof RecipientListError)) throw error;
    throw new AppError('validation_failed', error.message, { fields: [{ path: 'body.text', message: error.message }] });
  }
  const { addresses } = parsed;
  await db.$transaction(
    async (tx) => {
      if (mailing.mode === 'tracked') {
        await replaceLedger(tx, waveId, addresses);
        await tx.mailing.update({ where: { waveId }, data: { recipientCount: addresses.length, sealedList: null } });
      } else {
        await tx.mailing.update({
          where: { waveId },
          data: {
            recipientCount: addresses.length,
            sealedList: new Uint8Array(sealAddressList(keys, waveId, addresses)),
          },
        });
      }
      await recordAudit(tx, {
        actor,
        action: 'recipients_uploaded',
        object: { type: 'wave', id: waveId },
        details: { accepted: addresses.length, rejected: parsed.rejected.length, duplicates: parsed.duplicates },
      });
    },
    { maxWait: 5_000, timeout: 120_000 },
  );
  return { accepted: addresses.length, duplicates: parsed.duplicates, rejected: parsed.rejected };
}

export async function deleteRecipients(db: TDb, waveId: string, actor: TActor): Promise<void> {
  const mailing = await mailingOf(db, waveId);
  if (!mailing) throw new AppError('not_found', 'This wave has no recipient list.');
  if (mailing.lockedAt) throw new AppError('conflict', 'Mails have been scheduled: the list can no longer change.');
  await db.$transaction(async (tx) => {
    await clearLedger(tx, waveId);
    await tx.mailing.update({ where: { waveId }, data: { recipientCount: 0, sealedList: null } });
    await recordAudit(tx, { actor, action: 'recipients_deleted', object: { type: 'wave', id: waveId } });
  });
}

export async function saveTemplates(
  db: TDb,
  waveId: string,
  language: TMailLanguage,
  templates: TMailTemplates,
  actor: TActor,
): Promise<void> {
  const mailing = await mailingOf(db, waveId);
  if (!mailing) throw new AppError('conflict', 'Choose the participation mode (tracked or blind) first.');
  const problems = (['invitation', 'reminder'] as const).flatMap((kind) =>
    templateProblems(kind, templates[kind]).map((message) => ({ path: `body.templates.${kind}`, message })),
  );
  if (problems.length > 0) {
    throw new AppError('validation_failed', problems.map((p) => p.message).join('; '), { fields: problems });
  }
  const stored = ZStoredTemplates.parse(mailing.templates ?? {});
  await db.$transaction(async (tx) => {
    await tx.mailing.update({
      where: { waveId },
      data: { language, templates: { ...stored, [language]: templates } },
    });
    await recordAudit(tx, { actor, action: 'mail_templates_saved', object: { type: 'wave', id: waveId } });
  });
}

/** Schedules an invitation (default: at the wave's opening) or a reminder (default: now). */
export async function scheduleSend(
  db: TDb,
  waveId: string,
  kind: TMailKind,
  at: Date | undefined,
  actor: TActor,
): Promise<{ id: string; scheduledAt: Date }> {
  const wave = await mailableWave(db, waveId);
  if (wave.state === 'draft' || !wave.slug) throw new AppError('conflict', 'Publish the wave before mailing it.');
  const mailing = await mailingOf(db, waveId);
  if (!mailing || mailing.recipientCount === 0) throw new AppError('conflict', 'Upload a recipient list first.');
  const hasInvitation = await db.mailSend.count({ where: { waveId, kind: 'invitation', state: { not: 'cancelled' } } });
  if (kind === 'invitation' && hasInvitation > 0) {
    throw new AppError('conflict', 'The invitation is already scheduled or sent: send a reminder instead.');
  }
  if (kind === 'reminder' && hasInvitation === 0) throw new AppError('conflict', 'Schedule the invitation first.');
  const now = new Date();
  const scheduledAt = at ?? (kind === 'invitation' && wave.opensAt && wave.opensAt > now ? wave.opensAt : now);
  if (wave.closesAt && scheduledAt >= wave.closesAt) {
    throw new AppError('validation_failed', 'That time is after the wave closes.', {
      fields: [{ path: 'body.at', message: 'After the closing time' }],
    });
  }
  return db.$transaction(async (tx) => {
    const send = await tx.mailSend.create({ data: { waveId, kind, scheduledAt }, select: { id: true } });
    await tx.mailing.update({ where: { waveId }, data: { lockedAt: mailing.lockedAt ?? now } });
    await recordAudit(tx, {
      actor,
      action: 'mail_scheduled',
      object: { type: 'wave', id: waveId },
      details: { kind, sendId: send.id, scheduledAt: scheduledAt.toISOString() },
    });
    return { id: send.id, scheduledAt };
  });
}

export async function cancelSend(db: TDb, waveId: string, sendId: string, actor: TActor): Promise<void> {
  const { count } = await db.mailSend.updateMany({
    where: { id: sendId, waveId, state: 'scheduled' },
    data: { state: 'cancelled' },
  });
  if (count === 0) throw new AppError('conflict', 'Only a send that has not started can be cancelled.');
  await recordAudit(db, { actor, action: 'mail_cancelled', object: { type: 'wave', id: waveId }, details: { sendId } });
}

async function sendSummaries(db: TDb, waveId: string, mode: TMailingMode): Promise<TMailSend[]> {
  const sends = await db.mailSend.findMany({ where: { waveId }, orderBy: { scheduledAt: 'asc' } });
  const summaries: TMailSend[] = [];
  for (const send of sends) {
    const reasons = await db.$queryRaw<{ reason: string; n: number }[]>`
      SELECT reason, count(*)::int AS n FROM mail_delivery
       WHERE send_id = ${send.id}::uuid AND state = 'failed' GROUP BY reason ORDER BY n DESC`;
    const kept = z.record(z.string(), z.number()).safeParse(send.failures ?? {});
    const failures =
      reasons.length > 0
        ? reasons.map((r) => ({ reason: r.reason, count: r.n }))
        : Object.entries(kept.success ? kept.data : {}).map(([reason, count]) => ({ reason, count }));
    const failedRecipients =
      mode === 'tracked'
        ? await db.$queryRaw<{ address: string; reason: string }[]>`
            SELECT r.address, d.reason FROM mail_delivery d
              JOIN participation.recipient r ON r.wave_id = ${waveId}::uuid AND r.recipient_no = d.recipient_no
             WHERE d.send_id = ${send.id}::uuid AND d.state = 'failed' ORDER BY r.address LIMIT 500`
        : [];
    summaries.push({
      id: send.id,
      kind: send.kind,
      scheduledAt: send.scheduledAt.toISOString(),
      state: send.state,
      total: send.total,
      sent: send.sent,
      failed: send.failed,
      failures,
      failedRecipients,
    });
  }
  return summaries;
}

export async function mailingStatus(db: TDb, waveId: string, sending: TSendingStatus): Promise<TMailing> {
  const wave = await db.wave.findUnique({ where: { id: waveId }, select: { id: true } });
  if (!wave) throw new AppError('not_found', 'No such wave.');
  const mailing = await mailingOf(db, waveId);
  const language: TMailLanguage = mailing?.language === 'en' ? 'en' : 'sv';
  if (mailing?.mode === 'tracked') await noteAnswers(db, waveId);
  return {
    sending,
    mode: mailing?.mode ?? null,
    locked: Boolean(mailing?.lockedAt),
    language,
    templates: templatesOf(mailing?.templates ?? null, language),
    recipients: mailing?.recipientCount ?? 0,
    listDeleted: Boolean(mailing?.listDeletedAt),
    answered: mailing?.mode === 'tracked' ? await answeredCount(db, waveId) : null,
    sends: mailing ? await sendSummaries(db, waveId, mailing.mode) : [],
  };
}
