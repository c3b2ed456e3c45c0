import {
  ZCodeSummary,
  ZIssueCodesRequest,
  ZIssuedCodes,
  ZProblem,
  ZRevokeCodesRequest,
  ZRevokeCodesResult,
  ZWaveIdParams,
} from '@enkat/survey-schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { codeSummary, issueCodes, revokeCodes } from '../answering/code-batches.js';
import { adminOf, ROLES } from '../plugins/app/access.js';

const problems = { 400: ZProblem, 401: ZProblem, 403: ZProblem, 404: ZProblem, 409: ZProblem, 422: ZProblem };

/** A wave's invitation codes: editors issue and revoke them; every administrator sees the counts. */
const codeRoutes: FastifyPluginAsyncZod = async (app) => {
  const params = ZWaveIdParams;

  app.get(
    '/api/v1/waves/:id/codes',
    {
      schema: {
        tags: ['codes'],
        summary: 'How many codes are issued, used and revoked, by batch',
        params,
        response: { 200: ZCodeSummary, ...problems },
      },
      config: { access: { roles: ROLES.everyone } },
    },
    async (request) => codeSummary(app.db, request.params.id),
  );

  app.post(
    '/api/v1/waves/:id/codes',
    {
      schema: {
        tags: ['codes'],
        summary: 'Issue a batch of codes; the answer is the only time they are ever shown',
        params,
        body: ZIssueCodesRequest,
        response: { 201: ZIssuedCodes, ...problems },
      },
      config: { access: { roles: ROLES.editors } },
    },
    async (request, reply) => {
      const issued = await issueCodes(app.db, request.params.id, request.body.count, adminOf(request));
      return reply.status(201).header('cache-control', 'no-store').send(issued);
    },
  );

  app.post(
    '/api/v1/waves/:id/codes/revoke',
    {
      schema: {
        tags: ['codes'],
        summary: 'Revoke the unused codes of a batch, or one code',
        params,
        body: ZRevokeCodesRequest,
        response: { 200: ZRevokeCodesResult, ...problems },
      },
      config: { access: { roles: ROLES.editors } },
    },
    async (request) => ({
      revoked: await revokeCodes(app.db, request.params.id, request.body, adminOf(request)),
    }),
  );
};

export default codeRoutes;
