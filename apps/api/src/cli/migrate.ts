// Applies pending migrations to DATABASE_URL and exits: run before the API in deployments
// (docker-compose). Locally, `npm start` and `npm run db:migrate` do the same.
import { fileURLToPath } from 'node:url';
import { migrateDatabase } from '@enkat/db';
import { z } from 'zod';

const env = z.object({ DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }) }).safeParse(process.env);
if (!env.success) {
  process.stderr.write('migrate: DATABASE_URL must be a postgresql:// URL\n');
  process.exit(1);
}
const rootDir = fileURLToPath(new URL('../../../..', import.meta.url));
try {
  const applied = await migrateDatabase({ databaseUrl: env.data.DATABASE_URL, rootDir });
  process.stdout.write(applied.length ? `migrate: applied ${applied.join(', ')}\n` : 'migrate: up to date\n');
} catch (error) {
  process.stderr.write(`migrate: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
