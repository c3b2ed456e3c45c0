import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { MIN_SECRET_BYTES } from './keys/deployment-keys.js';

/**
 * The deployment's secret, base64 of at least 32 random bytes (`openssl rand -base64 32`). It
 * keys the pseudonyms of used codes and seals answers waiting to be mixed; it never goes into
 * the database.
 */
export const ZDeploymentSecret = z
  .string({
    error: (issue) =>
      issue.input === undefined
        ? 'required: base64 of 32 random bytes (npm start makes one; see .env.example)'
        : 'must be a string',
  })
  .trim()
  .regex(/^[A-Za-z0-9+/_-]+=*$/, 'must be base64')
  .transform((value) => Buffer.from(value, value.includes('-') || value.includes('_') ? 'base64url' : 'base64'))
  .refine((bytes) => bytes.length >= MIN_SECRET_BYTES, `must hold at least ${MIN_SECRET_BYTES} bytes`);

/** A variable that may be unset or empty (docker-compose passes unset ones as ""). */
const optionalText = z.preprocess((value) => (value === '' ? undefined : value), z.string().trim().min(1).optional());

/** The API's whole configuration. This is the only file of the API that reads process.env. */
export const ZApiEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
  API_HOST: z.string().min(1).default('127.0.0.1'),
  API_PORT: z.coerce.number().int().min(1).max(65535).default(3001),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** The origin the browser sees (the web app), used for cookies and the CSRF origin check. */
  PUBLIC_ORIGIN: z.url().default('http://localhost:3000'),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  /** Failed administrator logins allowed per client address in 15 minutes (over all accounts). */
  LOGIN_CLIENT_LIMIT: z.coerce.number().int().min(1).max(10_000).default(50),
  /**
   * Failed logins for one account from all clients in 24 hours after which each client gets one
   * wrong guess per 15 minutes for it instead of ten (a backstop against distributed guessing).
   */
  LOGIN_ACCOUNT_LIMIT: z.coerce.number().int().min(1).max(100_000).default(100),
  /**
   * Shared with the web app, which sends it with the browser's address on every request it
   * forwards: only a request carrying it may say whose address it comes from. Unset: every
   * request counts as coming from the address of its connection.
   */
  PROXY_SECRET: z.string().min(32, 'At least 32 characters').optional(),
  /**
   * Single sign-on with OpenID Connect: the provider's issuer URL, and this platform's client
   * there, whose redirect URI is PUBLIC_ORIGIN + /api/v1/auth/sso/callback. Unset: no SSO.
   */
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** Shown on the button: "Logga in med <name>". */
  OIDC_ORGANISATION_NAME: z.string().min(1).max(100).default('organisationens konto'),
  /** E-mail domains whose people become analysts at their first sign-in (comma-separated). */
  OIDC_ALLOWED_DOMAINS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((domain) => domain.trim().toLowerCase())
        .filter(Boolean),
    ),
  /**
   * Only an ID token whose email_verified is true signs anyone in. Set to false only for a
   * provider that vouches for its e-mail addresses without the claim (see the README on Entra ID).
   */
  OIDC_REQUIRE_VERIFIED_EMAIL: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
  /** The deployment's secret (or ENKAT_SECRET_FILE, a file holding it: a docker-compose secret). */
  ENKAT_SECRET: ZDeploymentSecret,
  ENKAT_SECRET_FILE: z.string().min(1).optional(),
  /** How often this process's mixer looks for answers to mix (milliseconds); 0 turns it off. */
  MIXER_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(1000),
  /** Connections of this process to PostgreSQL. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(200).default(16),
  /** The SMTP server for invitations and reminders; unset: sending is off (codes by hand). */
  SMTP_HOST: optionalText,
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  /** true: TLS from the start (port 465); false: STARTTLS when the server offers it. */
  SMTP_SECURE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  SMTP_USER: optionalText,
  SMTP_PASSWORD: optionalText,
  /** The sender of every mail, e.g. "Enkät <enkat@example.org>". */
  MAIL_FROM: z.string().trim().min(3).default('Enkät <enkat@localhost>'),
  /** Mails per second from each API process. */
  MAIL_RATE_PER_SECOND: z.coerce.number().min(0.1).max(1000).default(5),
  /** First pause after a temporary SMTP failure (seconds); doubled at each of up to 8 tries. */
  MAIL_RETRY_SECONDS: z.coerce.number().min(0.1).max(3600).default(30),
});
export type TApiEnv = z.infer<typeof ZApiEnv>;

/** The SSO settings, when all three of issuer, client id and secret are set. */
export type TOidcSettings = {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  organisationName: string;
  allowedDomains: string[];
  requireVerifiedEmail: boolean;
};

/** The variables that configure single sign-on. */
export type TOidcEnv = Pick<
  TApiEnv,
  | 'OIDC_ISSUER'
  | 'OIDC_CLIENT_ID'
  | 'OIDC_CLIENT_SECRET'
  | 'OIDC_ORGANISATION_NAME'
  | 'OIDC_ALLOWED_DOMAINS'
  | 'OIDC_REQUIRE_VERIFIED_EMAIL'
>;

export function oidcSettings(env: TOidcEnv): TOidcSettings | null {
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET) return null;
  return {
    issuer: new URL(env.OIDC_ISSUER),
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    organisationName: env.OIDC_ORGANISATION_NAME,
    allowedDomains: env.OIDC_ALLOWED_DOMAINS,
    requireVerifiedEmail: env.OIDC_REQUIRE_VERIFIED_EMAIL,
  };
}

/** Parses the environment; on failure prints one line naming each bad variable and exits. */
export function loadApiEnv(source: NodeJS.ProcessEnv = process.env): TApiEnv {
  const parsed = ZApiEnv.safeParse(withSecretFile(source));
  if (parsed.success) {
    const { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: id, OIDC_CLIENT_SECRET: secret } = parsed.data;
    if ([issuer, id, secret].some(Boolean) && ![issuer, id, secret].every(Boolean)) {
      process.stderr.write(
        'api: invalid configuration: set all of OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET, or none\n',
      );
      process.exit(1);
    }
    return parsed.data;
  }
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  process.stderr.write(`api: invalid configuration: ${problems.join('; ')}\n`);
  process.exit(1);
}

/** ENKAT_SECRET_FILE names a file holding the secret; ENKAT_SECRET, when set, wins. */
export function withSecretFile(source: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const file = source.ENKAT_SECRET_FILE;
  if (source.ENKAT_SECRET || !file) return source;
  try {
    return { ...source, ENKAT_SECRET: readFileSync(file, 'utf8') };
  } catch (error) {
    process.stderr.write(`api: cannot read ENKAT_SECRET_FILE ${file}: ${(error as Error).message}\n`);
    process.exit(1);
  }
}
