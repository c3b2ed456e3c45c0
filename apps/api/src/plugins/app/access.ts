import type { TAdminRole } from '@enkat/survey-schema';
import fp from 'fastify-plugin';
import { isSameOriginRequest, STATE_CHANGING_METHODS } from '../../auth/csrf.js';
import { findSession, type TAdminPrincipal, type TSessionPolicy } from '../../auth/sessions.js';
import { AppError } from '../../errors/app-error.js';

/** Who may call a route: anyone, a respondent (anonymous, no session), or these admin roles. */
export type TRouteAccess = 'public' | 'respondent' | { roles: readonly TAdminRole[] };

export type TRouteAccessRecord = { method: string; url: string; access: TRouteAccess };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: TRouteAccess;
    /** Open to a session that must first set up a second factor (me, sign-out, the set-up itself). */
    duringEnrolment?: boolean;
  }
  interface FastifyRequest {
    /** The logged-in administrator on administrator routes; null elsewhere. */
    admin: TAdminPrincipal | null;
  }
  interface FastifyInstance {
    /** Every route with its access rule, for the route sweep test and the docs. */
    routeAccess: TRouteAccessRecord[];
    sessionCookieName: string;
  }
}

export type TAccessOptions = { publicOrigin: string; sessionCookieName: string; sessionPolicy: TSessionPolicy };

export const ROLES = {
  owner: ['owner'],
  editors: ['owner', 'editor'],
  everyone: ['owner', 'editor', 'analyst'],
} as const satisfies Record<string, readonly TAdminRole[]>;

/**
 * Access control for every route, decided before the body is even parsed:
 * - a route that declares no access rule makes the API refuse to start;
 * - state-changing requests must come from our own origin (CSRF, see auth/csrf.ts);
 * - administrator routes need a live session (401) whose role the route allows (403).
 */
export default fp<TAccessOptions>(
  async (app, options) => {
    const records: TRouteAccessRecord[] = [];
    app.decorate('routeAccess', records);
    app.decorate('sessionCookieName', options.sessionCookieName);
    app.decorateRequest('admin', null);

    app.addHook('onRoute', (route) => {
      if (route.url.startsWith('/api/docs')) return;
      const access = (route.config as { access?: TRouteAccess } | undefined)?.access;
      if (!access) throw new Error(`Route ${route.method} ${route.url} declares no access rule (config.access)`);
      for (const method of [route.method].flat()) {
        if (method !== 'HEAD') records.push({ method, url: route.url, access });
      }
    });

    app.addHook('onRequest', async (request) => {
      const access = request.routeOptions.config.access;
      if (!access) return;
      if (STATE_CHANGING_METHODS.has(request.method) && !isSameOriginRequest(request.headers, options.publicOrigin)) {
        throw new AppError(
          'forbidden',
          'Refused as a possible cross-site request forgery: this request did not come from the platform’s own ' +
            'pages (its Sec-Fetch-Site or Origin header names another site, or it has neither). Nothing was changed. ' +
            'If you used the platform’s own page, reload it and try again.',
          { reason: 'cross_origin' },
        );
      }
      if (typeof access !== 'object') return;
      const token = request.cookies[options.sessionCookieName];
      const admin = token ? await findSession(app.db, token, options.sessionPolicy) : null;
      if (!admin) throw new AppError('unauthenticated', 'Log in to continue.');
      if (!access.roles.includes(admin.role)) {
        throw new AppError('forbidden', `Your role (${admin.role}) does not allow this.`, { reason: 'role' });
      }
      if (admin.enrolmentOnly && !request.routeOptions.config.duringEnrolment) {
        throw new AppError(
          'forbidden',
          'Set up your second factor first: the owners require one for password sign-in.',
          {
            reason: 'second_factor_setup_required',
          },
        );
      }
      request.admin = admin;
    });
  },
  { name: 'access', dependencies: ['db'] },
);

/** The administrator of a request on an administrator route (the access hook guarantees one). */
export function adminOf(request: { admin: TAdminPrincipal | null }): TAdminPrincipal {
  if (!request.admin) throw new AppError('unauthenticated');
  return request.admin;
}
