import { ZNoContent, ZProblem, ZSaveSignInSettingsRequest, ZSignInSettings, ZSsoInfo } from '@enkat/survey-schema';
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ADMINISTRATOR_SELECT } from '../admins/administrators.js';
import { recordAudit } from '../admins/audit.js';
import { createSession, type TSessionPolicy } from '../auth/sessions.js';
import { saveSignInRules, signInRules } from '../auth/sign-in-settings.js';
import { decodeChallenge, encodeChallenge, type SsoClient } from '../auth/sso.js';
import { adminOf, ROLES } from '../plugins/app/access.js';
import { ADMIN_PROBLEMS } from './problem-responses.js';

export type TSignInRoutesOptions = {
  sso: SsoClient | null;
  publicOrigin: string;
  cookie: { name: string; options: CookieSerializeOptions };
  sessionPolicy: TSessionPolicy;
};

const CALLBACK_PATH = '/api/v1/auth/sso/callback';
const CHALLENGE_COOKIE = 'enkat_sso';
/** Why a sign-in through the provider was refused, for the login page to say in its language. */
type TSsoRefusal = 'unavailable' | 'failed' | 'expired' | 'unverified' | 'unknown' | 'disabled';

/**
 * Single sign-on (OpenID Connect) and the platform's sign-in rules. The browser leaves for the
 * provider from GET /auth/sso and comes back to the callback; the state, nonce and PKCE verifier
 * wait in a short-lived HttpOnly cookie, never in the database.
 */
const signInRoutes: FastifyPluginAsyncZod<TSignInRoutesOptions> = async (app, options) => {
  const { sso } = options;
  const https = options.publicOrigin.startsWith('https:');
  const challengeCookie: CookieSerializeOptions = {
    httpOnly: true,
    // Lax: the cookie must come along on the provider's top-level redirect back to us.
    sameSite: 'lax',
    secure: https,
    path: CALLBACK_PATH,
  };
  const toLogin = (reply: FastifyReply, refusal: TSsoRefusal) => reply.redirect(`/admin/login?sso=${refusal}`, 303);

  app.get(
    '/api/v1/auth/sso/info',
    {
      schema: {
        tags: ['auth'],
        summary: 'Whether single sign-on is offered, and by whom',
        response: { 200: ZSsoInfo },
      },
      config: { access: 'public' },
    },
    async () => ({
      enabled: sso !== null,
      organisationName: sso?.settings.organisationName ?? null,
      endSessionUrl: (await sso?.endSessionUrl(`${options.publicOrigin}/admin/login`)) ?? null,
    }),
  );

  app.get(
    '/api/v1/auth/sso',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in through the organisation’s provider: redirects there',
        response: { 303: ZNoContent, 404: ZProblem },
      },
      config: { access: 'public' },
    },
    async (_request, reply) => {
      if (!sso) return toLogin(reply, 'unavailable');
      const started = await sso.start().catch(() => null);
      if (!started) return toLogin(reply, 'unavailable');
      reply.setCookie(CHALLENGE_COOKIE, encodeChallenge(started.challenge), { ...challengeCookie, maxAge: 600 });
      return reply.redirect(started.url.href, 303);
    },
  );

  app.get(
    CALLBACK_PATH,
    {
      schema: {
        tags: ['auth'],
        summary: 'Where the provider sends the browser back; signs in and redirects to the admin pages',
        response: { 303: ZNoContent },
      },
      config: { access: 'public' },
    },
    async (request, reply) => {
      const challenge = decodeChallenge(request.cookies[CHALLENGE_COOKIE]);
      reply.clearCookie(CHALLENGE_COOKIE, challengeCookie);
      if (!sso) return toLogin(reply, 'unavailable');
      if (!challenge) return toLogin(reply, 'expired');
      const search = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      const identity = await sso
        .finish(new URL(`${options.publicOrigin}${CALLBACK_PATH}${search}`), challenge)
        .catch((error: Error) => {
          request.log.warn({ reason: error.message }, 'single sign-on refused');
          return null;
        });
      const refuse = async (refusal: TSsoRefusal, email?: string) => {
        await recordAudit(app.db, {
          actor: null,
          action: 'sso_login_refused',
          details: { reason: refusal, ...(email ? { email } : {}) },
        });
        return toLogin(reply, refusal);
      };
      if (!identity) return refuse('failed');
      if (sso.settings.requireVerifiedEmail && !identity.emailVerified) return refuse('unverified', identity.email);

      let row = await app.db.administrator.findUnique({
        where: { email: identity.email },
        select: ADMINISTRATOR_SELECT,
      });
      if (!row) {
        const domain = identity.email.split('@')[1] ?? '';
        if (!sso.settings.allowedDomains.includes(domain)) return refuse('unknown', identity.email);
        row = await app.db.administrator.create({
          data: { email: identity.email, name: identity.email.split('@')[0] ?? identity.email, role: 'analyst' },
          select: ADMINISTRATOR_SELECT,
        });
        await recordAudit(app.db, {
          actor: null,
          action: 'administrator_created',
          object: { type: 'administrator', id: row.id },
          details: { email: row.email, role: 'analyst', via: 'single sign-on' },
        });
      }
      if (row.disabledAt) return refuse('disabled', identity.email);

      const token = await createSession(app.db, row.id, options.sessionPolicy);
      await recordAudit(app.db, { actor: row, action: 'sso_login', object: { type: 'administrator', id: row.id } });
      reply.setCookie(options.cookie.name, token, {
        ...options.cookie.options,
        maxAge: options.sessionPolicy.maxHours * 3600,
      });
      return reply.redirect('/admin', 303);
    },
  );

  app.get(
    '/api/v1/admin/sign-in-settings',
    {
      schema: {
        tags: ['administrators'],
        summary: 'The platform’s sign-in rules',
        response: { 200: ZSignInSettings, ...ADMIN_PROBLEMS },
      },
      config: { access: { roles: ROLES.owner } },
    },
    async () => ({ ...(await signInRules(app.db)), ssoEnabled: sso !== null }),
  );

  app.put(
    '/api/v1/admin/sign-in-settings',
    {
      schema: {
        tags: ['administrators'],
        summary: 'Require a second factor; switch password sign-in off but for a break-glass owner',
        body: ZSaveSignInSettingsRequest,
        response: { 200: ZSignInSettings, ...ADMIN_PROBLEMS },
      },
      config: { access: { roles: ROLES.owner } },
    },
    async (request) => {
      const rules = await saveSignInRules(app.db, request.body, { ssoEnabled: sso !== null });
      await recordAudit(app.db, {
        actor: adminOf(request),
        action: 'sign_in_settings_saved',
        details: { ...rules, breakGlassOwnerId: rules.breakGlassOwnerId ?? '' },
      });
      return { ...rules, ssoEnabled: sso !== null };
    },
  );
};

export default signInRoutes;
