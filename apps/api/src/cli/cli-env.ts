import { z } from 'zod';

const ZCliEnv = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
  PUBLIC_ORIGIN: z.url().default('http://localhost:3000'),
  FIRST_ADMIN_EMAIL: z.email().default('admin@example.org'),
  SEED_DEMO_DATA: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
});
export type TCliEnv = z.infer<typeof ZCliEnv>;

/** The environment of the one-shot commands; one line naming the bad variable otherwise. */
export function loadCliEnv(command: string): TCliEnv {
  const parsed = ZCliEnv.safeParse(process.env);
  if (parsed.success) return parsed.data;
  process.stderr.write(
    `${command}: invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}\n`,
  );
  process.exit(1);
}
