import { PROBLEM_CONTENT_TYPE, type TProblem, type TProblemCode, type TProblemField } from '@enkat/survey-schema';
import type { FastifyReply } from 'fastify';
import { statusOf, titleOf } from './app-error.js';

export function problemBody(code: TProblemCode, detail?: string, fields?: TProblemField[], reason?: string): TProblem {
  return {
    type: `urn:enkat:problem:${code}`,
    title: titleOf(code),
    status: statusOf(code),
    code,
    ...(detail ? { detail } : {}),
    ...(fields?.length ? { errors: fields } : {}),
    ...(reason ? { reason } : {}),
  };
}

/** Sends an RFC 9457 problem+json response. */
export function sendProblem(reply: FastifyReply, body: TProblem, headers: Record<string, string> = {}) {
  return reply.status(body.status).headers(headers).type(PROBLEM_CONTENT_TYPE).send(body);
}
