import helmet from '@fastify/helmet';
import fp from 'fastify-plugin';

/**
 * Security headers on every API response. The API serves JSON (and the docs viewer), so its
 * policy is strict; the web app sets its own for pages.
 */
export default fp<{ https: boolean }>(
  async (app, { https }) => {
    await app.register(helmet, {
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          // The OpenAPI viewer under /api/docs needs its own inline styles; no inline scripts.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          frameAncestors: ["'none'"],
          formAction: ["'self'"],
          upgradeInsecureRequests: https ? [] : null,
        },
      },
      referrerPolicy: { policy: 'no-referrer' },
      hsts: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
      crossOriginEmbedderPolicy: false,
    });
  },
  { name: 'security-headers' },
);
