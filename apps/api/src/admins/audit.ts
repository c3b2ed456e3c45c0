import type { Prisma, TDb } from '@enkat/db';
import type { TAuditAction } from '@enkat/survey-schema';

export type { TAuditAction };

export type TAuditEntry = {
  actor: { id: string; email: string } | null;
  action: TAuditAction;
  object?: { type: string; id: string };
  details?: Record<string, Prisma.InputJsonValue>;
};

type TAuditWriter = Pick<TDb, 'auditEvent'>;

/** Records who did what to which object. Never called with anything about a respondent. */
export async function recordAudit(db: TAuditWriter, entry: TAuditEntry): Promise<void> {
  await db.auditEvent.create({
    data: {
      actorId: entry.actor?.id ?? null,
      actorEmail: entry.actor?.email ?? null,
      action: entry.action,
      objectType: entry.object?.type ?? null,
      objectId: entry.object?.id ?? null,
      ...(entry.details ? { details: entry.details } : {}),
    },
  });
}
