import { z } from 'zod';

/** The web app's configuration. This is the only file of the web app that reads process.env. */
export const ZWebEnv = z.object({
  /** Where the API listens; the browser never sees it, it only talks to this app's /api/*. */
  API_URL: z.url().default('http://127.0.0.1:3001'),
  /** The origin browsers use; over https the app sends HSTS. */
  PUBLIC_ORIGIN: z.url().default('http://localhost:3000'),
});
export type TWebEnv = z.infer<typeof ZWebEnv>;

let cached: TWebEnv | undefined;

/** Parsed on first use at run time (not at build time), so one build serves any deployment. */
export function webEnv(): TWebEnv {
  if (cached) return cached;
  const parsed = ZWebEnv.safeParse({ API_URL: process.env.API_URL, PUBLIC_ORIGIN: process.env.PUBLIC_ORIGIN });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`web: invalid configuration: ${problems.join('; ')}`);
  }
  cached = parsed.data;
  return cached;
}
