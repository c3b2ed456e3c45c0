import type { TProblemCode, TProblemField } from '@enkat/survey-schema';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError } from './app-error.js';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from './database-unavailable.js';
import { problemBody, sendProblem } from './problem.js';

// Fastify's own client errors, by code, and what we call them.
const FASTIFY_CLIENT_ERRORS: Record<string, TProblemCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'bad_request',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'bad_request',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
  FST_ERR_VALIDATION: 'validation_failed',
};

/**
 * The one error handler: every error leaves as problem+json. Details of 5xx errors are logged
 * (without the request body or query) and never sent to the client.
 */
export function registerErrorHandler(app: FastifyInstance) {
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, problemBody('not_found', `No route ${request.method} ${request.url.split('?')[0]}`)),
  );

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return sendProblem(reply, problemBody(error.code, error.message, error.fields, error.reason), error.headers);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = error.validation.flatMap((issue) =>
        fieldsOf(
          [error.validationContext ?? 'body', ...issue.instancePath.split('/').filter(Boolean)],
          issue.keyword,
          issue.message,
          issue.params,
        ),
      );
      return sendProblem(reply, problemBody('validation_failed', undefined, fields));
    }
    const clientCode = error.code ? FASTIFY_CLIENT_ERRORS[error.code] : undefined;
    if (clientCode) return sendProblem(reply, problemBody(clientCode, error.message));
    if (error.statusCode === 429) {
      return sendProblem(reply, problemBody('too_many_requests', error.message));
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendProblem(reply, problemBody('bad_request', error.message));
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn('database unavailable: answered 503');
      return sendProblem(
        reply,
        problemBody('service_unavailable', 'The database cannot be reached right now: try again in a moment.'),
        { 'retry-after': String(RETRY_AFTER_SECONDS) },
      );
    }
    request.log.error(
      { err: isResponseSerializationError(error) ? { message: error.message, issues: error.cause.issues } : error },
      'unhandled error',
    );
    return sendProblem(reply, problemBody('internal_error'));
  });
}

type TIssue = { code?: string; path?: PropertyKey[]; message?: string; errors?: TIssue[][] };

/**
 * The fields a validation issue is about. A value that matches none of a union's shapes is
 * reported through the shape it came closest to (no unknown keys, fewest issues), so the answer
 * names the field that is wrong rather than the whole union.
 */
function fieldsOf(path: string[], code: unknown, message: string | undefined, params: unknown): TProblemField[] {
  const variants = code === 'invalid_union' ? (params as { errors?: TIssue[][] } | undefined)?.errors : undefined;
  const closest = variants
    ?.filter((issues) => issues.length > 0 && !issues.some((issue) => issue.code === 'unrecognized_keys'))
    .sort((a, b) => a.length - b.length)[0];
  if (!closest) return [{ path: path.join('.'), message: message ?? 'is invalid' }];
  return closest.flatMap((issue) =>
    fieldsOf([...path, ...(issue.path ?? []).map(String)], issue.code, issue.message, issue),
  );
}
