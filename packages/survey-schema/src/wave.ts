import { z } from 'zod';
import { ZQuestionSet } from './question-set.js';
import { ZSurveySeries } from './series.js';
import { ZMultilineText, ZText } from './text.js';

export const ZWaveState = z.enum(['draft', 'open', 'closed']);
export const ZAccessMode = z.enum(['codes', 'open_link']);

export const MIN_GROUP_DEFAULT = 5;

export const ZWaveSettings = z
  .strictObject({
    /** Instants (ISO 8601 with offset); the admin pages enter them in Europe/Stockholm time. */
    opensAt: z.iso.datetime({ offset: true }).nullable(),
    closesAt: z.iso.datetime({ offset: true }).nullable(),
    audience: ZMultilineText.trim().max(1000),
    /** For the response rate when no codes are used. */
    invitedCount: z.number().int().min(1).max(1_000_000).nullable(),
    minGroupSize: z.number().int().min(3).max(50),
    freeTextMinGroup: z.number().int().min(3).max(100),
    accessMode: ZAccessMode,
    /** Text the editor adds around the generated anonymity statement. */
    anonymityNote: ZMultilineText.trim().max(5000),
    resultsBeforeClose: z.boolean(),
    /**
     * No more codes once the wave is open: codes issued after answering began could pad a small
     * group with invented answers (on for new waves). Codes issued late are shown with the results.
     */
    codesLockedWhenOpen: z.boolean().default(true),
  })
  .refine((s) => !s.opensAt || !s.closesAt || Date.parse(s.closesAt) > Date.parse(s.opensAt), {
    path: ['closesAt'],
    message: 'The closing time must come after the opening time',
  })
  // A comment is read whole: it can never be shown on less company than a number.
  .refine((s) => s.freeTextMinGroup >= s.minGroupSize, {
    path: ['freeTextMinGroup'],
    message: 'The free-text minimum group cannot be below the minimum reporting group',
  });
export type TWaveSettings = z.infer<typeof ZWaveSettings>;

export const ZWave = z.object({
  id: z.uuid(),
  series: ZSurveySeries.pick({ id: true, name: true }),
  name: z.string(),
  state: ZWaveState,
  revision: z.number().int(),
  settings: ZWaveSettings,
  questionSet: ZQuestionSet,
  /** Set once published: the frozen version's content hash. */
  contentHash: z.string().nullable(),
  /** Set once published: respondents answer at /s/<slug>. */
  slug: z.string().nullable(),
  publishedAt: z.iso.datetime().nullable(),
  closedAt: z.iso.datetime().nullable(),
  /** Questions whose wording differs from the previous published wave of the series. */
  wordingChanged: z.object({ since: z.string(), questionIds: z.array(z.string()) }).nullable(),
  warnings: z.array(z.string()),
});
export type TWave = z.infer<typeof ZWave>;

export const ZWaveSummary = ZWave.pick({ id: true, name: true, state: true, publishedAt: true, closedAt: true });
export const ZSeriesDetail = ZSurveySeries.extend({ waves: z.array(ZWaveSummary) });
export type TSeriesDetail = z.infer<typeof ZSeriesDetail>;

export const ZWaveIdParams = z.strictObject({ id: z.uuid() });
export const ZSaveQuestionSetRequest = z.strictObject({ revision: z.number().int(), questionSet: ZQuestionSet });
export const ZSaveWaveSettingsRequest = z.strictObject({ revision: z.number().int(), settings: ZWaveSettings });
/**
 * What may still change once a wave is open: when it closes (to extend it) and how many were
 * invited (to correct the response rate). Its questions stay frozen.
 */
export const ZCorrectOpenWaveRequest = z.strictObject({
  revision: z.number().int(),
  closesAt: z.iso.datetime({ offset: true }),
  invitedCount: z.number().int().min(1).max(1_000_000).nullable(),
});
export type TCorrectOpenWaveRequest = z.infer<typeof ZCorrectOpenWaveRequest>;
export const ZRevisionRequest = z.strictObject({ revision: z.number().int() });
export const ZRerunRequest = z.strictObject({ name: ZText.trim().min(1).max(100) });

export const ZSeriesSource = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('blank') }),
  z.strictObject({ kind: z.literal('template'), templateId: ZText.max(100) }),
  z.strictObject({ kind: z.literal('import'), document: z.unknown() }),
]);
export const ZCreateSeriesWithWaveRequest = z.strictObject({
  name: ZText.trim().min(1).max(200),
  waveName: ZText.trim().min(1).max(100).default(String(new Date().getFullYear())),
  source: ZSeriesSource.default({ kind: 'blank' }),
});
export const ZTemplateList = z.object({ templates: z.array(z.object({ id: z.string(), name: z.string() })) });
