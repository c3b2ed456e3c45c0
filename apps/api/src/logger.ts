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

/** How often respondents' requests are summed up in one log line. */
const RESPONDENT_SUMMARY_MS = 60_000;

/**
 * Administrators' requests are logged one line each. Respondents' requests never are: a line
 * per accepted submission would date each answer. They are counted by route and status and
 * logged as one line of counts per minute (and when the server closes).
 */
export function registerRequestLogging(app: FastifyInstance) {
  const counts = new Map<string, number>();
  const flush = () => {
    if (counts.size === 0) return;
    app.log.info(
      { minutes: RESPONDENT_SUMMARY_MS / 60_000, counts: Object.fromEntries(counts) },
      'respondent requests',
    );
    counts.clear();
  };
  const timer = setInterval(flush, RESPONDENT_SUMMARY_MS);
  timer.unref();
  app.addHook('onClose', async () => {
    clearInterval(timer);
    flush();
  });

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? '(no route)';
    if (request.routeOptions.config.access === 'respondent') {
      const key = `${request.method} ${route} ${reply.statusCode}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      return;
    }
    request.log.info(
      { method: request.method, route, status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      'request',
    );
  });
}
