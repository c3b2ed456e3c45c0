import type { TProblemCode, TProblemField } from '@enkat/survey-schema';

const STATUS: Record<TProblemCode, number> = {
  bad_request: 400,
  validation_failed: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  service_unavailable: 503,
  internal_error: 500,
};

const TITLE: Record<TProblemCode, string> = {
  bad_request: 'Bad request',
  validation_failed: 'The request has invalid fields',
  unauthenticated: 'Log in first',
  forbidden: 'Not allowed',
  not_found: 'Not found',
  conflict: 'Conflict',
  gone: 'No longer valid',
  payload_too_large: 'The request body is too large',
  unsupported_media_type: 'Unsupported content type',
  too_many_requests: 'Too many requests',
  service_unavailable: 'Service unavailable',
  internal_error: 'Internal error',
};

/** The one error type that domain code throws; the error handler turns it into problem+json. */
export class AppError extends Error {
  readonly code: TProblemCode;
  readonly fields: TProblemField[] | undefined;
  readonly headers: Record<string, string>;
  readonly reason: string | undefined;

  constructor(
    code: TProblemCode,
    detail?: string,
    options: { fields?: TProblemField[]; headers?: Record<string, string>; reason?: string } = {},
  ) {
    super(detail ?? TITLE[code]);
    this.name = 'AppError';
    this.code = code;
    this.fields = options.fields;
    this.headers = options.headers ?? {};
    this.reason = options.reason;
  }

  get status(): number {
    return STATUS[this.code];
  }

  get title(): string {
    return TITLE[this.code];
  }
}

export function statusOf(code: TProblemCode): number {
  return STATUS[code];
}

export function titleOf(code: TProblemCode): string {
  return TITLE[code];
}
