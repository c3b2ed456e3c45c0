import {
  ZCodeSummary,
  ZIssueCodesRequest,
  ZIssuedCodes,
  ZRevokeCodesRequest,
  ZRevokeCodesResult,
  ZWaveIdParams,
} from '@enkat/survey-schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { codeSummary, issueCodes, revokeCodes } from '../answering/code-batches.js';
import { adminOf, ROLES } from '../plugins/app/access.js';
import { assertMayIssueCodes } from '../surveys/code-padding.js';
import { ADMIN_PROBLEMS } from './problem-responses.js';

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
        response: { 200: ZCodeSummary, ...ADMIN_PROBLEMS },
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
        response: { 201: ZIssuedCodes, ...ADMIN_PROBLEMS },
      },
      config: { access: { roles: ROLES.editors } },
    },
    async (request, reply) => {
      // Padding: an open wave may forbid more codes (surveys/code-padding.ts).
      await assertMayIssueCodes(app.db, request.params.id, adminOf(request));
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
        response: { 200: ZRevokeCodesResult, ...ADMIN_PROBLEMS },
      },
      config: { access: { roles: ROLES.editors } },
    },
    async (request) => ({
      revoked: await revokeCodes(app.db, app.keys, request.params.id, request.body, adminOf(request)),
    }),
  );
};

export default codeRoutes;
