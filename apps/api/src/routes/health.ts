import { ZHealthResponse } from '@enkat/survey-schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { API_VERSION } from '../version.js';

/** Liveness and database reachability, for the start script, load balancers and compose. */
const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Is the API up, and can it reach its database?',
        response: { 200: ZHealthResponse, 503: ZHealthResponse },
      },
      config: { access: 'public' },
    },
    async (_request, reply) => {
      const database = await app.db.$queryRaw`SELECT 1`.then(
        () => 'up' as const,
        () => 'down' as const,
      );
      const body = { status: database === 'up' ? 'ok' : 'degraded', database, version: API_VERSION } as const;
      return reply.status(database === 'up' ? 200 : 503).send(body);
    },
  );
};

export default healthRoutes;
