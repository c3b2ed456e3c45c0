import { z } from 'zod';
import { ZText } from './text.js';

export const ZSurveySeries = z.object({ id: z.uuid(), name: z.string(), createdAt: z.iso.datetime() });
export type TSurveySeries = z.infer<typeof ZSurveySeries>;

export const ZCreateSurveySeriesRequest = z.strictObject({ name: ZText.trim().min(1).max(200) });
export const ZListSurveySeriesResponse = z.object({ series: z.array(ZSurveySeries) });

/** One wave on the administrators' overview: its state, dates, and how many answered. */
export const ZWaveOverview = z.object({
  id: z.uuid(),
  name: z.string(),
  state: z.enum(['draft', 'open', 'closed']),
  opensAt: z.iso.datetime().nullable(),
  closesAt: z.iso.datetime().nullable(),
  publishedAt: z.iso.datetime().nullable(),
  closedAt: z.iso.datetime().nullable(),
  /**
   * Responses so far. For an open wave, rounded down to a multiple of the minimum reporting
   * group, as every published number of an open wave is (so two looks cannot date one answer).
   */
  responses: z.number().int(),
  /** Codes issued and not revoked, else the number invited from the settings; null when unknown. */
  population: z.number().int().nullable(),
  minGroupSize: z.number().int(),
});
export type TWaveOverview = z.infer<typeof ZWaveOverview>;
export const ZSeriesOverview = ZSurveySeries.extend({ waves: z.array(ZWaveOverview) });
export type TSeriesOverview = z.infer<typeof ZSeriesOverview>;
/** GET /api/v1/overview: every series with all its waves, oldest wave first. */
export const ZOverviewResponse = z.object({ series: z.array(ZSeriesOverview) });
export type TOverviewResponse = z.infer<typeof ZOverviewResponse>;
