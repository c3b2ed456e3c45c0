// Loads what a fresh installation needs, idempotently: run by `npm start` after migrating.
import { createDb } from '@enkat/db';
import { z } from 'zod';

const env = z.object({ DATABASE_URL: z.string().min(1) }).safeParse(process.env);
if (!env.success) {
  process.stderr.write('seed: DATABASE_URL is required\n');
  process.exit(1);
}

const db = createDb(env.data.DATABASE_URL, { maxConnections: 2 });
try {
  await db.$queryRaw`SELECT 1`;
} finally {
  await db.$disconnect();
}
