import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { TApiEnv } from './env.js';
import { registerErrorHandler } from './errors/error-handler.js';
import { loggerOptions, registerRequestLogging } from './logger.js';
import access from './plugins/app/access.js';
import db from './plugins/app/db.js';
import openapi from './plugins/external/openapi.js';
import securityHeaders from './plugins/external/security-headers.js';
import healthRoutes from './routes/health.js';

export type TBuildAppOptions = {
  env: Pick<TApiEnv, 'DATABASE_URL' | 'LOG_LEVEL' | 'PUBLIC_ORIGIN' | 'NODE_ENV'>;
  /** Where log lines go (tests capture them); default stdout. */
  logStream?: NodeJS.WritableStream;
};

/** Largest request body accepted anywhere; routes may set a smaller one. */
export const BODY_LIMIT_BYTES = 1_048_576;

/** Builds the API without listening, so tests can `inject` requests into it. */
export async function buildApp({ env, logStream }: TBuildAppOptions): Promise<FastifyInstance> {
  const logger = loggerOptions(env.LOG_LEVEL);
  const app = Fastify({
    logger: logStream && logger && typeof logger === 'object' ? { ...logger, stream: logStream } : logger,
    // Fastify's own request lines carry the URL and client address: ours (logger.ts) do not.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT_BYTES,
    // Behind the web app's proxy; we still never read or log the client address.
    trustProxy: false,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  registerRequestLogging(app);

  // External plugins, then the app's own, then routes.
  await app.register(securityHeaders, { https: env.PUBLIC_ORIGIN.startsWith('https:') });
  await app.register(openapi);
  await app.register(access);
  await app.register(db, { databaseUrl: env.DATABASE_URL });

  await app.register(healthRoutes);
  return app;
}
