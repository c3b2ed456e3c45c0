import {
  BUILT_IN_TEMPLATES,
  MAX_IMPORT_BYTES,
  ZCreateSeriesWithWaveRequest,
  ZListSurveySeriesResponse,
  ZOverviewResponse,
  ZProblem,
  ZRerunRequest,
  ZSeriesDetail,
  ZTemplateList,
  ZWave,
  ZWaveIdParams,
} from '@enkat/survey-schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../errors/app-error.js';
import { adminOf, ROLES } from '../plugins/app/access.js';
import { loadOverview } from '../surveys/overview.js';
import { createSeriesWithWave, startingQuestionSet } from '../surveys/series.js';
import { rerunSeries } from '../surveys/wave-lifecycle.js';
import { loadWave } from '../surveys/wave-view.js';

const problems = {
  400: ZProblem,
  401: ZProblem,
  403: ZProblem,
  404: ZProblem,
  409: ZProblem,
  413: ZProblem,
  422: ZProblem,
};

/** Survey series and their waves: every administrator reads them; owners and editors change them. */
const seriesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/templates',
    {
      schema: {
        tags: ['surveys'],
        summary: 'Built-in question set templates',
        response: { 200: ZTemplateList, ...problems },
      },
      config: { access: { roles: ROLES.editors } },
    },
    async () => ({
      templates: Object.entries(BUILT_IN_TEMPLATES).map(([id, template]) => ({ id, name: template.name })),
    }),
  );

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
    async () => ({
      series: (await app.db.surveySeries.findMany({ orderBy: { name: 'asc' } })).map((row) => ({
        ...row,
        createdAt: row.createdAt.toISOString(),
      })),
    }),
  );

  app.get(
    '/api/v1/overview',
    {
      schema: {
        tags: ['surveys'],
        summary: 'Every survey series with its waves: state, dates, answers and the population for the response rate',
        response: { 200: ZOverviewResponse, ...problems },
      },
      config: { access: { roles: ROLES.everyone } },
    },
    async () => loadOverview(app.db),
  );

  app.post(
    '/api/v1/series',
    {
      schema: {
        tags: ['surveys'],
        summary:
          'Create a survey series with its first draft wave: blank, from a template, or from an imported JSON document',
        body: ZCreateSeriesWithWaveRequest,
        response: { 201: ZWave, ...problems },
      },
      bodyLimit: MAX_IMPORT_BYTES,
      config: { access: { roles: ROLES.editors } },
    },
    async (request, reply) => {
      const { name, waveName, source } = request.body;
      const questionSet = startingQuestionSet(name, source);
      const { waveId } = await createSeriesWithWave(app.db, { name, waveName, questionSet }, adminOf(request));
      return reply.status(201).send(await loadWave(app.db, waveId));
    },
  );

  app.get(
    '/api/v1/series/:id',
    {
      schema: {
        tags: ['surveys'],
        summary: 'A survey series and its waves',
        params: ZWaveIdParams,
        response: { 200: ZSeriesDetail, ...problems },
      },
      config: { access: { roles: ROLES.everyone } },
    },
    async (request) => {
      const series = await app.db.surveySeries.findUnique({
        where: { id: request.params.id },
        select: {
          id: true,
          name: true,
          createdAt: true,
          waves: {
            orderBy: { createdAt: 'asc' },
            select: { id: true, name: true, state: true, publishedAt: true, closedAt: true },
          },
        },
      });
      if (!series) throw new AppError('not_found', 'No such survey series.');
      return {
        ...series,
        createdAt: series.createdAt.toISOString(),
        waves: series.waves.map((w) => ({
          ...w,
          publishedAt: w.publishedAt?.toISOString() ?? null,
          closedAt: w.closedAt?.toISOString() ?? null,
        })),
      };
    },
  );

  app.post(
    '/api/v1/series/:id/waves',
    {
      schema: {
        tags: ['surveys'],
        summary: 'Start the next wave (rerun): a new draft with the latest question set, keeping question ids',
        params: ZWaveIdParams,
        body: ZRerunRequest,
        response: { 201: ZWave, ...problems },
      },
      config: { access: { roles: ROLES.editors } },
    },
    async (request, reply) => {
      const waveId = await rerunSeries(app.db, request.params.id, request.body.name, adminOf(request));
      return reply.status(201).send(await loadWave(app.db, waveId));
    },
  );
};

export default seriesRoutes;
