// `npm run db:migration:create -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql
// for what schema.prisma adds to the existing migrations (replayed on a temporary database).
// Applies nothing: review the SQL, then `npm run db:migrate`.
import { build } from './lib/build.mjs';
import { openScriptDatabase } from './lib/database-url.mjs';
import { fail, ROOT } from './lib/util.mjs';

const name = process.argv[2] ?? fail('usage: npm run db:migration:create -- <name>');
await build({ web: false });
const { createMigration } = await import('@enkat/db');
const db = await openScriptDatabase().catch((error) => fail(error.message));
try {
  const dir = await createMigration({ databaseUrl: db.url, rootDir: ROOT, name });
  process.stdout.write(
    dir ? `Created ${dir}/migration.sql\n` : 'No changes: the migrations already match schema.prisma.\n',
  );
} finally {
  await db.stop();
}
