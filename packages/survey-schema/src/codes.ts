import { z } from 'zod';
import { ZText } from './text.js';

/** Codes issued at once; one batch per printing or mailing, e.g. 640 (a whole municipality fits). */
export const MAX_CODES_PER_BATCH = 100_000;

export const ZIssueCodesRequest = z.strictObject({ count: z.number().int().min(1).max(MAX_CODES_PER_BATCH) });

/** The only time codes are ever shown: the answer to issuing them. */
export const ZIssuedCodes = z.object({
  batchId: z.uuid(),
  codes: z.array(z.string()),
  /** Where respondents go to type their code. */
  respondentPath: z.string(),
});
export type TIssuedCodes = z.infer<typeof ZIssuedCodes>;

export const ZCodeBatchSummary = z.object({
  id: z.uuid(),
  createdAt: z.iso.datetime(),
  count: z.number().int(),
  /** Codes stored so far: below count while the batch is being issued (or if issuing broke off). */
  written: z.number().int(),
  revoked: z.number().int(),
});

export const ZCodeSummary = z.object({
  /** Codes that can admit or have admitted a response: all issued but the revoked unused ones. */
  issued: z.number().int(),
  /** In total only, never by batch: a batch of one code would be one person. */
  used: z.number().int(),
  revoked: z.number().int(),
  batches: z.array(ZCodeBatchSummary),
});
export type TCodeSummary = z.infer<typeof ZCodeSummary>;

/** Revoke the unused codes of a batch, or one code by its printed value. */
export const ZRevokeCodesRequest = z.union([
  z.strictObject({ batchId: z.uuid() }),
  z.strictObject({ code: ZText.trim().min(1).max(40) }),
]);
export const ZRevokeCodesResult = z.object({ revoked: z.number().int() });
