// `npm run db:migrate`: applies pending migrations (prisma/migrations) to DATABASE_URL, or to the
// embedded database of `npm start`. Same engine and bookkeeping as `prisma migrate deploy`.
import { build } from './lib/build.mjs';
import { openScriptDatabase } from './lib/database-url.mjs';
import { fail, ROOT } from './lib/util.mjs';

await build({ web: false });
const { migrateDatabase } = await import('@enkat/db');
const db = await openScriptDatabase().catch((error) => fail(error.message));
try {
  const applied = await migrateDatabase({ databaseUrl: db.url, rootDir: ROOT });
  process.stdout.write(
    applied.length
      ? `Applied ${applied.length} migration(s):\n${applied.map((n) => `  ${n}\n`).join('')}`
      : 'No pending migrations.\n',
  );
} catch (error) {
  fail(`migration failed: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await db.stop();
}
