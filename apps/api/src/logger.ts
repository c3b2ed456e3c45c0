import type { FastifyInstance, FastifyServerOptions } from 'fastify';

/**
 * Request logs never carry an IP address, a query string, a body, a cookie or a concrete URL:
 * respondent URLs may hold a survey code. Each request is logged once, on completion, by its
 * route pattern ("/api/v1/waves/:waveId"), never by the path that was actually requested.
 */
export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: {
      paths: ['password', '*.password', 'token', '*.token'],
      censor: '[redacted]',
    },
    serializers: {
      req: () => ({}),
      res: () => ({}),
    },
  };
}

export function registerRequestLogging(app: FastifyInstance) {
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? '(no route)',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
  });
}
