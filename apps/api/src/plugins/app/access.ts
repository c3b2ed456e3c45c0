import fp from 'fastify-plugin';

/** Who may call a route: anyone, a respondent (anonymous, no session), or these admin roles. */
export type TRouteAccess = 'public' | 'respondent' | { roles: readonly ('owner' | 'editor' | 'analyst')[] };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: TRouteAccess;
  }
}

/**
 * Refuses to start an API with a route that does not say who may call it, so a route added
 * without an access rule fails at start-up (and in every test), not in production.
 */
export default fp(
  async (app) => {
    app.addHook('onRoute', (route) => {
      if (route.url.startsWith('/api/docs')) return;
      const config = route.config as { access?: TRouteAccess } | undefined;
      if (!config?.access) {
        throw new Error(`Route ${route.method} ${route.url} declares no access rule (config.access)`);
      }
    });
  },
  { name: 'access' },
);
