import {
  ZAdministrator,
  ZAdministratorIdParams,
  ZCreateAdministratorRequest,
  ZListAdministratorsResponse,
  ZSetupLinkResponse,
  ZUpdateAdministratorRequest,
} from '@enkat/survey-schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createAdministrator,
  issueSetupLink,
  listAdministrators,
  type TSetupLink,
  updateAdministrator,
} from '../admins/administrators.js';
import { adminOf, ROLES } from '../plugins/app/access.js';
import { ADMIN_PROBLEMS } from './problem-responses.js';

function setupLinkBody(link: TSetupLink) {
  return {
    administrator: link.administrator,
    setupPath: `/admin/setup#${link.token}`,
    expiresAt: link.expiresAt.toISOString(),
  };
}

/** Owners manage administrators: invite, rename, change role, disable, re-enable, new setup link. */
const administratorRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/admin/administrators',
    {
      schema: {
        tags: ['administrators'],
        summary: 'List administrators',
        response: { 200: ZListAdministratorsResponse, ...ADMIN_PROBLEMS },
      },
      config: { access: { roles: ROLES.owner } },
    },
    async () => ({ administrators: await listAdministrators(app.db) }),
  );

  app.post(
    '/api/v1/admin/administrators',
    {
      schema: {
        tags: ['administrators'],
        summary: 'Invite an administrator; answers the one-time setup link',
        body: ZCreateAdministratorRequest,
        response: { 201: ZSetupLinkResponse, ...ADMIN_PROBLEMS },
      },
      config: { access: { roles: ROLES.owner } },
    },
    async (request, reply) => {
      const link = await createAdministrator(app.db, request.body, adminOf(request));
      return reply.status(201).send(setupLinkBody(link));
    },
  );

  app.patch(
    '/api/v1/admin/administrators/:id',
    {
      schema: {
        tags: ['administrators'],
        summary: 'Rename, change role, disable or re-enable an administrator',
        params: ZAdministratorIdParams,
        body: ZUpdateAdministratorRequest,
        response: { 200: ZAdministrator, ...ADMIN_PROBLEMS },
      },
      config: { access: { roles: ROLES.owner } },
    },
    async (request) => updateAdministrator(app.db, request.params.id, request.body, adminOf(request)),
  );

  app.post(
    '/api/v1/admin/administrators/:id/setup-link',
    {
      schema: {
        tags: ['administrators'],
        summary: 'Make a new one-time setup link (to reset a password)',
        params: ZAdministratorIdParams,
        response: { 201: ZSetupLinkResponse, ...ADMIN_PROBLEMS },
      },
      config: { access: { roles: ROLES.owner } },
    },
    async (request, reply) => {
      const link = await issueSetupLink(app.db, request.params.id, adminOf(request));
      return reply.status(201).send(setupLinkBody(link));
    },
  );
};

export default administratorRoutes;
