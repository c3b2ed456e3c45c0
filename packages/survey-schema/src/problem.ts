import { z } from 'zod';

/** One invalid field of a request, located by its path in the parsed input. */
export const ZProblemField = z.object({
  path: z.string().describe('Dotted path of the field, e.g. "body.sections.0.title"'),
  message: z.string(),
});
export type TProblemField = z.infer<typeof ZProblemField>;

/** The codes the API uses in problem+json bodies; the HTTP status follows from the code. */
export const ZProblemCode = z.enum([
  'bad_request',
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'gone',
  'payload_too_large',
  'unsupported_media_type',
  'too_many_requests',
  'service_unavailable',
  'internal_error',
]);
export type TProblemCode = z.infer<typeof ZProblemCode>;

/** An RFC 9457 problem details body, as every API error is answered. */
export const ZProblem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int().min(400).max(599),
  detail: z.string().optional(),
  code: ZProblemCode,
  errors: z.array(ZProblemField).optional(),
  /** A finer reason on respondent routes ("code_used"), for the page to say in its language. */
  reason: z.string().optional(),
});
export type TProblem = z.infer<typeof ZProblem>;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/**
 * The largest request body the API takes on any route (some take less). The web app refuses a
 * larger one itself, with the same problem, rather than buffering it on the way.
 */
export const MAX_REQUEST_BODY_BYTES = 1_048_576;

/** The empty body of a 204 answer. */
export const ZNoContent = z.null().describe('No content');
