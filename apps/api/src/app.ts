import { MAX_REQUEST_BODY_BYTES } from '@enkat/survey-schema';
import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { sessionCookie } from './auth/session-cookie.js';
import { SsoClient } from './auth/sso.js';
import { oidcSettings, type TApiEnv, type TOidcEnv } from './env.js';
import { registerErrorHandler } from './errors/error-handler.js';
import { loggerOptions, registerRequestLogging } from './logger.js';
import access from './plugins/app/access.js';
import db from './plugins/app/db.js';
import keys from './plugins/app/keys.js';
import mailer from './plugins/app/mailer.js';
import mixer from './plugins/app/mixer.js';
import openapi from './plugins/external/openapi.js';
import securityHeaders from './plugins/external/security-headers.js';
import administratorRoutes from './routes/administrators.js';
import auditRoutes from './routes/audit.js';
import authRoutes from './routes/auth.js';
import codeRoutes from './routes/codes.js';
import commentRoutes from './routes/comments.js';
import exportRoutes from './routes/exports.js';
import healthRoutes from './routes/health.js';
import mailingRoutes from './routes/mailing.js';
import respondRoutes from './routes/respond.js';
import resultRoutes from './routes/results.js';
import secondFactorRoutes from './routes/second-factor.js';
import seriesRoutes from './routes/series.js';
import signInRoutes from './routes/sign-in.js';
import waveRoutes from './routes/waves.js';

export type TAppEnv = Pick<
  TApiEnv,
  | 'DATABASE_URL'
  | 'LOG_LEVEL'
  | 'PUBLIC_ORIGIN'
  | 'NODE_ENV'
  | 'SESSION_IDLE_MINUTES'
  | 'SESSION_MAX_HOURS'
  | 'LOGIN_CLIENT_LIMIT'
  | 'ENKAT_SECRET'
  | 'MIXER_INTERVAL_MS'
  | 'DATABASE_POOL_SIZE'
  | 'LOGIN_ACCOUNT_LIMIT'
  | 'PROXY_SECRET'
  | 'SMTP_HOST'
  | 'SMTP_PORT'
  | 'SMTP_SECURE'
  | 'SMTP_USER'
  | 'SMTP_PASSWORD'
  | 'MAIL_FROM'
  | 'MAIL_RATE_PER_SECOND'
  | 'MAIL_RETRY_SECONDS'
> &
  TOidcEnv;

export type TBuildAppOptions = {
  env: TAppEnv;
  /** Where log lines go (tests capture them); default stdout. */
  logStream?: NodeJS.WritableStream;
};

/** Largest request body accepted anywhere; routes may set a smaller one. */
export const BODY_LIMIT_BYTES = MAX_REQUEST_BODY_BYTES;

/** Builds the API without listening, so tests can `inject` requests into it. */
export async function buildApp({ env, logStream }: TBuildAppOptions): Promise<FastifyInstance> {
  const logger = loggerOptions(env.LOG_LEVEL);
  const https = env.PUBLIC_ORIGIN.startsWith('https:');
  const cookieSettings = sessionCookie(https);
  const app = Fastify({
    logger: logStream && logger && typeof logger === 'object' ? { ...logger, stream: logStream } : logger,
    // Fastify's own request lines carry the URL and client address: ours (logger.ts) do not.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT_BYTES,
    // No X-Forwarded-For is believed: the login throttle, the only reader of a client's address
    // (hashed), takes it from the web app's own header (auth/client-address.ts).
    trustProxy: false,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  registerRequestLogging(app);

  // External plugins, then the app's own, then routes.
  await app.register(securityHeaders, { https });
  await app.register(cookie);
  await app.register(openapi);
  await app.register(db, { databaseUrl: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE });
  await app.register(keys, { secret: env.ENKAT_SECRET });
  await app.register(mixer, { intervalMs: env.MIXER_INTERVAL_MS });
  await app.register(mailer, {
    databaseUrl: env.DATABASE_URL,
    publicOrigin: env.PUBLIC_ORIGIN,
    ratePerSecond: env.MAIL_RATE_PER_SECOND,
    retryBaseMs: env.MAIL_RETRY_SECONDS * 1000,
    smtp: env.SMTP_HOST
      ? {
          host: env.SMTP_HOST,
          port: env.SMTP_PORT,
          secure: env.SMTP_SECURE,
          user: env.SMTP_USER,
          password: env.SMTP_PASSWORD,
          from: env.MAIL_FROM,
        }
      : null,
  });
  await app.register(access, {
    publicOrigin: env.PUBLIC_ORIGIN,
    sessionCookieName: cookieSettings.name,
    sessionPolicy: { idleMinutes: env.SESSION_IDLE_MINUTES, maxHours: env.SESSION_MAX_HOURS },
  });

  await app.register(healthRoutes);
  await app.register(authRoutes, {
    cookie: cookieSettings,
    sessionPolicy: { idleMinutes: env.SESSION_IDLE_MINUTES, maxHours: env.SESSION_MAX_HOURS },
    throttleLimits: { client: env.LOGIN_CLIENT_LIMIT, account: env.LOGIN_ACCOUNT_LIMIT },
    proxySecret: env.PROXY_SECRET,
  });
  await app.register(secondFactorRoutes);
  const oidc = oidcSettings(env);
  await app.register(signInRoutes, {
    sso: oidc ? new SsoClient(oidc, `${env.PUBLIC_ORIGIN}/api/v1/auth/sso/callback`) : null,
    publicOrigin: env.PUBLIC_ORIGIN,
    cookie: cookieSettings,
    sessionPolicy: { idleMinutes: env.SESSION_IDLE_MINUTES, maxHours: env.SESSION_MAX_HOURS },
  });
  await app.register(administratorRoutes);
  await app.register(auditRoutes);
  await app.register(seriesRoutes);
  await app.register(waveRoutes);
  await app.register(codeRoutes);
  await app.register(mailingRoutes, { publicOrigin: env.PUBLIC_ORIGIN });
  await app.register(resultRoutes);
  await app.register(exportRoutes);
  await app.register(commentRoutes);
  await app.register(respondRoutes);
  return app;
}
