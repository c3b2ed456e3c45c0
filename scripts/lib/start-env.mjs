import { z } from 'zod';
import { fail } from './util.mjs';

const ZStartEnv = z.object({
  /** Unset: the embedded PostgreSQL in .data/postgres. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  API_PORT: z.coerce.number().int().min(1).max(65535).default(3001),
  /** The deployment's secret, or a file holding it; unset: .secrets/deployment-secret. */
  ENKAT_SECRET: z.string().min(1).optional(),
  ENKAT_SECRET_FILE: z.string().min(1).optional(),
  SEED_DEMO_DATA: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
});

/** The environment of `npm start`, parsed; one line naming the bad variable otherwise. */
export function loadStartEnv(source = process.env) {
  const parsed = ZStartEnv.safeParse({ ...source, DATABASE_URL: source.DATABASE_URL || undefined });
  if (parsed.success) return parsed.data;
  fail(`invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
}
