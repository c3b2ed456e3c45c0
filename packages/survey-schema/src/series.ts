import { z } from 'zod';
import { ZText } from './text.js';

export const ZSurveySeries = z.object({ id: z.uuid(), name: z.string(), createdAt: z.iso.datetime() });
export type TSurveySeries = z.infer<typeof ZSurveySeries>;

export const ZCreateSurveySeriesRequest = z.strictObject({ name: ZText.trim().min(1).max(200) });
export const ZListSurveySeriesResponse = z.object({ series: z.array(ZSurveySeries) });
