import {
  ZCodeCheckRequest,
  ZNoContent,
  ZProblem,
  ZRespondentWave,
  ZSlugParams,
  ZSubmitResponseRequest,
  ZSubmitResponseResult,
} from '@enkat/survey-schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { findPublishedWave, findWaveForAnswering, respondentView } from '../answering/respondent-wave.js';
import { checkCode, submitResponse } from '../answering/submission.js';

const problems = {
  400: ZProblem,
  403: ZProblem,
  404: ZProblem,
  409: ZProblem,
  413: ZProblem,
  422: ZProblem,
  503: ZProblem,
};

/** A whole answer set is small: 12 questions with 2,000 characters of text each fit many times. */
const SUBMISSION_BODY_LIMIT = 256 * 1024;

/**
 * The respondents' routes. Anonymous: no session, no cookie. The request log records only the
 * route pattern and status (logger.ts), never the address, the code or an answer.
 */
const respondRoutes: FastifyPluginAsyncZod = async (app) => {
  const access = 'respondent' as const;

  app.get(
    '/api/v1/respond/:slug',
    {
      schema: {
        tags: ['answering'],
        summary: 'A published survey as its respondents see it (the questions only while it is open)',
        params: ZSlugParams,
        response: { 200: ZRespondentWave, ...problems },
      },
      config: { access },
    },
    async (request) => respondentView(await findPublishedWave(app.db, request.params.slug)),
  );

  app.post(
    '/api/v1/respond/:slug/code-check',
    {
      schema: {
        tags: ['answering'],
        summary: 'Check an invitation code before answering, without using it',
        params: ZSlugParams,
        body: ZCodeCheckRequest,
        response: { 204: ZNoContent, ...problems },
      },
      config: { access },
    },
    async (request, reply) => {
      await checkCode(app.db, app.keys, await findPublishedWave(app.db, request.params.slug), request.body.code);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/respond/:slug/responses',
    {
      schema: {
        tags: ['answering'],
        summary: 'Submit one complete, anonymous answer set (exactly once per code and per idempotency key)',
        params: ZSlugParams,
        body: ZSubmitResponseRequest,
        response: { 201: ZSubmitResponseResult, ...problems },
      },
      bodyLimit: SUBMISSION_BODY_LIMIT,
      config: { access },
    },
    async (request, reply) => {
      await submitResponse(app.db, app.keys, await findWaveForAnswering(app.db, request.params.slug), request.body);
      return reply.status(201).send({ status: 'accepted' as const });
    },
  );
};

export default respondRoutes;
