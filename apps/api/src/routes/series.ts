import { ZCreateSurveySeriesRequest, ZListSurveySeriesResponse, ZProblem, ZSurveySeries } from '@enkat/survey-schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { recordAudit } from '../admins/audit.js';
import { AppError } from '../errors/app-error.js';
import { adminOf, ROLES } from '../plugins/app/access.js';

const problems = { 400: ZProblem, 401: ZProblem, 403: ZProblem, 409: ZProblem, 422: ZProblem };
const toSeries = (row: { id: string; name: string; createdAt: Date }) => ({
  ...row,
  createdAt: row.createdAt.toISOString(),
});

/** Survey series: every administrator reads them; owners and editors create them. */
const seriesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/series',
    {
      schema: {
        tags: ['surveys'],
        summary: 'List survey series',
        response: { 200: ZListSurveySeriesResponse, ...problems },
      },
      config: { access: { roles: ROLES.everyone } },
    },
    async () => ({ series: (await app.db.surveySeries.findMany({ orderBy: { name: 'asc' } })).map(toSeries) }),
  );

  app.post(
    '/api/v1/series',
    {
      schema: {
        tags: ['surveys'],
        summary: 'Create a survey series',
        body: ZCreateSurveySeriesRequest,
        response: { 201: ZSurveySeries, ...problems },
      },
      config: { access: { roles: ROLES.editors } },
    },
    async (request, reply) => {
      const admin = adminOf(request);
      const series = await app.db.$transaction(async (tx) => {
        if (await tx.surveySeries.findUnique({ where: { name: request.body.name }, select: { id: true } })) {
          throw new AppError('conflict', `A survey series named “${request.body.name}” already exists.`);
        }
        const row = await tx.surveySeries.create({ data: { name: request.body.name } });
        await recordAudit(tx, {
          actor: admin,
          action: 'survey_series_created',
          object: { type: 'survey_series', id: row.id },
          details: { name: row.name },
        });
        return row;
      });
      return reply.status(201).send(toSeries(series));
    },
  );
};

export default seriesRoutes;
