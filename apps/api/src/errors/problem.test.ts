import { ZProblem } from '@enkat/survey-schema';
import { describe, expect, it } from 'vitest';
import { AppError } from './app-error.js';
import { problemBody } from './problem.js';

describe('problem bodies', () => {
  it('follow RFC 9457 and the shared schema', () => {
    const body = problemBody('validation_failed', 'Check the fields', [
      { path: 'body.email', message: 'Invalid email' },
    ]);
    expect(ZProblem.parse(body)).toEqual({
      type: 'urn:enkat:problem:validation_failed',
      title: 'The request has invalid fields',
      status: 422,
      code: 'validation_failed',
      detail: 'Check the fields',
      errors: [{ path: 'body.email', message: 'Invalid email' }],
    });
  });

  it('leave out empty detail and errors', () => {
    expect(problemBody('not_found')).toEqual({
      type: 'urn:enkat:problem:not_found',
      title: 'Not found',
      status: 404,
      code: 'not_found',
    });
  });

  it('take their status from the error code', () => {
    expect(new AppError('conflict').status).toBe(409);
    expect(new AppError('too_many_requests').status).toBe(429);
    expect(new AppError('unauthenticated').status).toBe(401);
  });
});
