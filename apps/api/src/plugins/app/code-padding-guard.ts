import fp from 'fastify-plugin';
import { assertMayIssueCodes } from '../../surveys/code-padding.js';
import { adminOf } from './access.js';

/** The route that issues codes (routes/codes.ts). */
export const ISSUE_CODES_ROUTE = { method: 'POST', url: '/api/v1/waves/:id/codes' } as const;

/**
 * The padding guard on the route that issues codes: an open wave whose setting forbids more
 * codes gets a 409 (and a line in the audit log) before any code is made. A hook, so the guard
 * holds whatever the route's own code becomes; it runs after the access check and validation.
 */
export default fp(
  async (app) => {
    app.addHook('preHandler', async (request) => {
      if (request.method !== ISSUE_CODES_ROUTE.method || request.routeOptions.url !== ISSUE_CODES_ROUTE.url) return;
      const { id } = request.params as { id: string };
      await assertMayIssueCodes(app.db, id, adminOf(request));
    });
  },
  { name: 'code-padding-guard', dependencies: ['db', 'access'] },
);
