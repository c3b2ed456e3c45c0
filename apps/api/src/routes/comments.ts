import {
  ZComment,
  ZCommentParams,
  ZListCommentsQuery,
  ZListCommentsResponse,
  ZRedactCommentRequest,
  ZRedactionNames,
  ZSaveRedactionNamesRequest,
  ZWaveIdParams,
} from '@enkat/survey-schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { adminOf, ROLES } from '../plugins/app/access.js';
import { listComments } from '../results/comments.js';
import { redactComment, redactionNames, saveRedactionNames } from '../results/redaction.js';
import { ADMIN_PROBLEMS } from './problem-responses.js';

/**
 * Free-text answers: every administrator reads them (in random order, above the free-text
 * minimum group); editors keep the list of names to flag and redact personal data.
 */
const commentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/waves/:id/comments/:questionId',
    {
      schema: {
        tags: ['results'],
        summary:
          'A free-text question’s answers in random order, without metadata; flag=1 marks possible personal data',
        params: ZCommentParams,
        querystring: ZListCommentsQuery,
        response: { 200: ZListCommentsResponse, ...ADMIN_PROBLEMS },
      },
      config: { access: { roles: ROLES.everyone } },
    },
    async (request, reply) => {
      const { id, questionId } = request.params;
      const comments = await listComments(app.db, id, questionId, { flag: request.query.flag === '1' });
      return reply.header('cache-control', 'no-store').send(comments);
    },
  );

  app.post(
    '/api/v1/waves/:id/comments/:questionId/redact',
    {
      schema: {
        tags: ['results'],
        summary: 'Replace a comment, or a stretch of it, by “[borttaget]”; recorded in the audit log',
        params: ZCommentParams,
        body: ZRedactCommentRequest,
        response: { 200: ZComment, ...ADMIN_PROBLEMS },
      },
      config: { access: { roles: ROLES.editors } },
    },
    async (request) =>
      redactComment(
        app.db,
        { waveId: request.params.id, questionId: request.params.questionId, ...request.body },
        adminOf(request),
      ),
  );

  app.get(
    '/api/v1/waves/:id/redaction-names',
    {
      schema: {
        tags: ['results'],
        summary: 'The names flagged as possible personal data in this wave’s comments',
        params: ZWaveIdParams,
        response: { 200: ZRedactionNames, ...ADMIN_PROBLEMS },
      },
      config: { access: { roles: ROLES.editors } },
    },
    async (request) => redactionNames(app.db, request.params.id),
  );

  app.put(
    '/api/v1/waves/:id/redaction-names',
    {
      schema: {
        tags: ['results'],
        summary: 'Replace the list of names to flag in this wave’s comments',
        params: ZWaveIdParams,
        body: ZSaveRedactionNamesRequest,
        response: { 200: ZRedactionNames, ...ADMIN_PROBLEMS },
      },
      config: { access: { roles: ROLES.editors } },
    },
    async (request) => saveRedactionNames(app.db, request.params.id, request.body.names, adminOf(request)),
  );
};

export default commentRoutes;
