import { z } from 'zod';

/** The web app's configuration. This is the only file of the web app that reads process.env. */
export const ZWebEnv = z.object({
  /** Where the API listens; the browser never sees it, it only talks to this app's /api/*. */
  API_URL: z.url().default('http://127.0.0.1:3001'),
  /** The origin browsers use; over https the app sends HSTS. */
  PUBLIC_ORIGIN: z.url().default('http://localhost:3000'),
  /** Shared with the API: it believes the browser address this app forwards only with it. */
  PROXY_SECRET: z.string().min(32, 'At least 32 characters').optional(),
  /**
   * How many proxies of your own stand in front of this app (a TLS terminator: 1). The browser's
   * address is then taken from their X-Forwarded-For, that many entries from the right; with 0,
   * X-Forwarded-For is ignored and the connection's address is the browser's.
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
});
export type TWebEnv = z.infer<typeof ZWebEnv>;

let cached: TWebEnv | undefined;

/** Parsed on first use at run time (not at build time), so one build serves any deployment. */
export function webEnv(): TWebEnv {
  if (cached) return cached;
  const parsed = ZWebEnv.safeParse({
    API_URL: process.env.API_URL,
    PUBLIC_ORIGIN: process.env.PUBLIC_ORIGIN,
    PROXY_SECRET: process.env.PROXY_SECRET,
    TRUSTED_PROXY_HOPS: process.env.TRUSTED_PROXY_HOPS,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`web: invalid configuration: ${problems.join('; ')}`);
  }
  cached = parsed.data;
  return cached;
}
