import {
  ZGetSeriesTrendResponse,
  ZGetWaveResultsResponse,
  ZResultsQuery,
  ZTrendQuery,
  ZWaveIdParams,
} from '@enkat/survey-schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ROLES } from '../plugins/app/access.js';
import { buildResults } from '../results/build-results.js';
import { buildTrend } from '../results/trend.js';
import { ADMIN_PROBLEMS } from './problem-responses.js';

/** Results tables of a wave (optionally broken down) and a series' trend: every administrator reads them. */
const resultRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/waves/:id/results',
    {
      schema: {
        tags: ['results'],
        summary: 'A wave’s results: every table, combined figures and margins, small groups suppressed',
        params: ZWaveIdParams,
        querystring: ZResultsQuery,
        response: { 200: ZGetWaveResultsResponse, ...ADMIN_PROBLEMS },
      },
      config: { access: { roles: ROLES.everyone } },
    },
    async (request) => buildResults(app.db, request.params.id, request.query),
  );

  app.get(
    '/api/v1/series/:id/trend',
    {
      schema: {
        tags: ['results'],
        summary: 'Each question across the series’ waves: figures side by side and the changes between them',
        params: ZWaveIdParams,
        querystring: ZTrendQuery,
        response: { 200: ZGetSeriesTrendResponse, ...ADMIN_PROBLEMS },
      },
      config: { access: { roles: ROLES.everyone } },
    },
    async (request) => buildTrend(app.db, request.params.id, request.query),
  );
};

export default resultRoutes;
