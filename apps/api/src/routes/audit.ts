import { ZListAuditEventsQuery, ZListAuditEventsResponse, ZProblem } from '@enkat/survey-schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ROLES } from '../plugins/app/access.js';

/** Owners read the audit log, newest first, filtered by action, actor and date. */
const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/admin/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Read the audit log',
        querystring: ZListAuditEventsQuery,
        response: { 200: ZListAuditEventsResponse, 400: ZProblem, 401: ZProblem, 403: ZProblem, 422: ZProblem },
      },
      config: { access: { roles: ROLES.owner } },
    },
    async (request) => {
      const { action, actor, from, to, limit } = request.query;
      const rows = await app.db.auditEvent.findMany({
        where: {
          ...(action ? { action } : {}),
          ...(actor ? { actorEmail: { contains: actor.toLowerCase() } } : {}),
          ...(from || to
            ? {
                at: {
                  ...(from ? { gte: new Date(`${from}T00:00:00Z`) } : {}),
                  ...(to ? { lt: new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000) } : {}),
                },
              }
            : {}),
        },
        orderBy: { at: 'desc' },
        take: limit,
        select: { id: true, at: true, actorEmail: true, action: true, objectType: true, objectId: true, details: true },
      });
      return {
        events: rows.map((row) => ({
          ...row,
          at: row.at.toISOString(),
          details: row.details as Record<string, unknown> | null,
        })),
      };
    },
  );
};

export default auditRoutes;
