import type { Prisma, TDb } from '@enkat/db';

/** What the audit log calls administrator actions. */
export type TAuditAction =
  | 'login'
  | 'login_failed'
  | 'logout'
  | 'password_changed'
  | 'password_set'
  | 'administrator_created'
  | 'administrator_updated'
  | 'administrator_setup_link'
  | 'survey_series_created'
  | 'wave_created'
  | 'wave_questions_saved'
  | 'wave_settings_saved'
  | 'wave_published'
  | 'wave_closed'
  | 'codes_issued'
  | 'codes_revoked'
  | 'comment_redacted'
  | 'redaction_names_saved'
  | 'results_exported';

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
