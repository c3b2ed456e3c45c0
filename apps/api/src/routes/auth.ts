import {
  ZChangePasswordRequest,
  ZCheckSetupTokenRequest,
  ZLoginRequest,
  ZMeResponse,
  ZNoContent,
  ZProblem,
  ZSetupPasswordRequest,
} from '@enkat/survey-schema';
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ADMINISTRATOR_SELECT,
  setPasswordWithSetupToken,
  setupTokenHolder,
  toAdministrator,
} from '../admins/administrators.js';
import { recordAudit } from '../admins/audit.js';
import { clientAddressOf } from '../auth/client-address.js';
import { clearClientFailures, retryAfterSeconds, type TThrottleLimits, throttleKeys } from '../auth/login-throttle.js';
import { checkPasswordSignIn } from '../auth/password-sign-in.js';
import { hashPassword, verifyPassword } from '../auth/passwords.js';
import { createSession, deleteOtherSessions, deleteSession, type TSessionPolicy } from '../auth/sessions.js';
import { signInRules } from '../auth/sign-in-settings.js';
import { AppError } from '../errors/app-error.js';
import { adminOf, ROLES } from '../plugins/app/access.js';

export type TAuthRoutesOptions = {
  cookie: { name: string; options: CookieSerializeOptions };
  sessionPolicy: TSessionPolicy;
  throttleLimits: TThrottleLimits;
  /** See auth/client-address.ts. */
  proxySecret: string | undefined;
};

const problems = {
  400: ZProblem,
  401: ZProblem,
  403: ZProblem,
  404: ZProblem,
  410: ZProblem,
  422: ZProblem,
  429: ZProblem,
};

const authRoutes: FastifyPluginAsyncZod<TAuthRoutesOptions> = async (app, options) => {
  app.post(
    '/api/v1/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Log in as an administrator',
        body: ZLoginRequest,
        response: { 200: ZMeResponse, ...problems },
      },
      config: { access: 'public' },
    },
    async (request, reply) => {
      const keys = throttleKeys(request.body.email, clientAddressOf(request.raw, options.proxySecret));
      const wait = await retryAfterSeconds(app.db, keys, options.throttleLimits);
      if (wait > 0) {
        throw new AppError('too_many_requests', `Too many failed logins: try again in ${Math.ceil(wait / 60)} min.`, {
          headers: { 'retry-after': String(wait) },
        });
      }
      const rules = await signInRules(app.db);
      const row = await checkPasswordSignIn(app.db, request.body, { keys, rules });
      await clearClientFailures(app.db, keys);
      const enrolmentOnly = !row.totpSecret && rules.requireSecondFactor;
      const token = await createSession(app.db, row.id, options.sessionPolicy, { enrolmentOnly });
      await recordAudit(app.db, { actor: row, action: 'login', object: { type: 'administrator', id: row.id } });
      reply.setCookie(options.cookie.name, token, {
        ...options.cookie.options,
        maxAge: options.sessionPolicy.maxHours * 3600,
      });
      return { administrator: toAdministrator(row), mustSetUpSecondFactor: enrolmentOnly };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      schema: { tags: ['auth'], summary: 'End this session', response: { 204: ZNoContent, ...problems } },
      config: { access: { roles: ROLES.everyone }, duringEnrolment: true },
    },
    async (request, reply) => {
      const admin = adminOf(request);
      await deleteSession(app.db, admin.sessionId);
      await recordAudit(app.db, { actor: admin, action: 'logout', object: { type: 'administrator', id: admin.id } });
      reply.clearCookie(options.cookie.name, options.cookie.options);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/auth/me',
    {
      schema: { tags: ['auth'], summary: 'The logged-in administrator', response: { 200: ZMeResponse, ...problems } },
      config: { access: { roles: ROLES.everyone }, duringEnrolment: true },
    },
    async (request) => {
      const admin = adminOf(request);
      const row = await app.db.administrator.findUniqueOrThrow({
        where: { id: admin.id },
        select: ADMINISTRATOR_SELECT,
      });
      return { administrator: toAdministrator(row), mustSetUpSecondFactor: admin.enrolmentOnly };
    },
  );

  app.post(
    '/api/v1/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Change your password (ends your other sessions)',
        body: ZChangePasswordRequest,
        response: { 204: ZNoContent, ...problems },
      },
      config: { access: { roles: ROLES.everyone } },
    },
    async (request, reply) => {
      const admin = adminOf(request);
      const row = await app.db.administrator.findUniqueOrThrow({
        where: { id: admin.id },
        select: { passwordHash: true },
      });
      if (!row.passwordHash || !(await verifyPassword(row.passwordHash, request.body.currentPassword))) {
        throw new AppError('validation_failed', 'The current password is wrong.', {
          fields: [{ path: 'body.currentPassword', message: 'Wrong password' }],
        });
      }
      const passwordHash = await hashPassword(request.body.newPassword);
      await app.db.administrator.update({
        where: { id: admin.id },
        data: { passwordHash, passwordChangedAt: new Date() },
      });
      await deleteOtherSessions(app.db, admin.id, admin.sessionId);
      await recordAudit(app.db, {
        actor: admin,
        action: 'password_changed',
        object: { type: 'administrator', id: admin.id },
      });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/auth/setup',
    {
      schema: {
        tags: ['auth'],
        summary: 'Choose a password through a one-time setup link',
        body: ZSetupPasswordRequest,
        response: { 204: ZNoContent, ...problems },
      },
      config: { access: 'public' },
    },
    async (request, reply) => {
      await setPasswordWithSetupToken(app.db, request.body.token, request.body.password);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/auth/setup/check',
    {
      schema: {
        tags: ['auth'],
        summary: 'Whether a one-time setup link still works (204), without using it; 404 unknown or used, 410 expired',
        body: ZCheckSetupTokenRequest,
        response: { 204: ZNoContent, ...problems },
      },
      config: { access: 'public' },
    },
    async (request, reply) => {
      await setupTokenHolder(app.db, request.body.token);
      return reply.status(204).send(null);
    },
  );
};

export default authRoutes;
