import { z } from 'zod';
import { ZMultilineText, ZText } from './text.js';

/** Recipients a wave may have. */
export const MAX_RECIPIENTS = 100_000;

/**
 * tracked: the platform knows who has taken part (never what they answered), and reminds only
 * those who have not; blind: nobody can learn who took part, and reminders go to everyone.
 */
export const ZMailingMode = z.enum(['tracked', 'blind']);
export type TMailingMode = z.infer<typeof ZMailingMode>;

export const ZMailKind = z.enum(['invitation', 'reminder']);
export type TMailKind = z.infer<typeof ZMailKind>;

export const ZMailLanguage = z.enum(['sv', 'en']);

export const ZMailTemplate = z.strictObject({
  subject: ZText.trim().min(1).max(200),
  body: ZMultilineText.trim().min(1).max(10_000),
});
export type TMailTemplate = z.infer<typeof ZMailTemplate>;

export const ZMailTemplates = z.strictObject({ invitation: ZMailTemplate, reminder: ZMailTemplate });
export type TMailTemplates = z.infer<typeof ZMailTemplates>;

export const ZSetMailingModeRequest = z.strictObject({ mode: ZMailingMode });

/** A list as pasted or read from a file: one address a line, or CSV with an e-mail column. */
export const ZUploadRecipientsRequest = z.strictObject({ text: ZMultilineText.max(16_000_000) });

export const ZRejectedLine = z.object({ line: z.number().int(), text: z.string(), reason: z.string() });
export type TRejectedLine = z.infer<typeof ZRejectedLine>;

export const ZUploadRecipientsResponse = z.object({
  accepted: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.array(ZRejectedLine),
});
export type TUploadRecipientsResponse = z.infer<typeof ZUploadRecipientsResponse>;

export const ZSaveTemplatesRequest = z.strictObject({ language: ZMailLanguage, templates: ZMailTemplates });

export const ZPreviewMailRequest = z.strictObject({ kind: ZMailKind });
export const ZPreviewMailResponse = z.object({ subject: z.string(), body: z.string() });
export type TPreviewMailResponse = z.infer<typeof ZPreviewMailResponse>;

export const ZTestMailResponse = z.object({ to: z.string() });

export const ZScheduleSendRequest = z.strictObject({
  kind: ZMailKind,
  /** When to send (ISO 8601); absent: invitations at the wave's opening, reminders now. */
  at: z.iso.datetime({ offset: true }).optional(),
});

export const ZMailSend = z.object({
  id: z.uuid(),
  kind: ZMailKind,
  scheduledAt: z.iso.datetime(),
  state: z.enum(['scheduled', 'sending', 'done', 'cancelled']),
  total: z.number().int(),
  sent: z.number().int(),
  failed: z.number().int(),
  /** Permanent failures by SMTP reason. */
  failures: z.array(z.object({ reason: z.string(), count: z.number().int() })),
  /** Tracked mode only: who could not be mailed, and why. */
  failedRecipients: z.array(z.object({ address: z.string(), reason: z.string() })),
});
export type TMailSend = z.infer<typeof ZMailSend>;

export const ZMailing = z.object({
  /** False without SMTP configuration: the message says what to set. */
  sending: z.object({ enabled: z.boolean(), message: z.string(), ratePerSecond: z.number() }),
  mode: ZMailingMode.nullable(),
  locked: z.boolean(),
  language: ZMailLanguage,
  templates: ZMailTemplates,
  recipients: z.number().int(),
  /** Blind mode: the sealed list was deleted when the wave closed (only the count is kept). */
  listDeleted: z.boolean(),
  /** Tracked mode only: recipients whose code has been used (counted by day, never timed). */
  answered: z.number().int().nullable(),
  sends: z.array(ZMailSend),
});
export type TMailing = z.infer<typeof ZMailing>;

export const ZSendIdParams = z.strictObject({ id: z.uuid(), sendId: z.uuid() });
