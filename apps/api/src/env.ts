import { z } from 'zod';

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
});
export type TApiEnv = z.infer<typeof ZApiEnv>;

/** Parses the environment; on failure prints one line naming each bad variable and exits. */
export function loadApiEnv(source: NodeJS.ProcessEnv = process.env): TApiEnv {
  const parsed = ZApiEnv.safeParse(source);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  process.stderr.write(`api: invalid configuration: ${problems.join('; ')}\n`);
  process.exit(1);
}
