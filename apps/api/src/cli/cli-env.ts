import { z } from 'zod';
import { withSecretFile, ZDeploymentSecret } from '../env.js';

const ZCliEnv = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
  PUBLIC_ORIGIN: z.url().default('http://localhost:3000'),
  FIRST_ADMIN_EMAIL: z.email().default('admin@example.org'),
  /** Needed by the seed (the demo's answers are sealed and mixed like real ones). */
  ENKAT_SECRET: ZDeploymentSecret.optional(),
  SEED_DEMO_DATA: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
});
export type TCliEnv = z.infer<typeof ZCliEnv>;

/** The environment of the one-shot commands; one line naming the bad variable otherwise. */
export function loadCliEnv(command: string): TCliEnv {
  const parsed = ZCliEnv.safeParse(withSecretFile(process.env));
  if (parsed.success) return parsed.data;
  process.stderr.write(
    `${command}: invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}\n`,
  );
  process.exit(1);
}
