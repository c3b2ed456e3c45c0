import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropDatabase, ensureDatabase, withDatabaseName } from '../admin-queries.js';
import { startEmbeddedPostgres } from '../embedded-postgres.js';
import { migrateDatabase } from '../migrations/migrate.js';

export type TThrowawayDatabase = {
  /** A migrated, empty database of its own. */
  url: string;
  /** The server's maintenance database, for creating more throwaway databases. */
  adminUrl: string;
  stop(): Promise<void>;
};

/**
 * A database for one test run, never the one `npm start` uses: a new database on the server of
 * serverUrl (DATABASE_URL) when given, else a new embedded PostgreSQL in a temporary folder.
 * Migrations are applied the normal way. stop() deletes everything it made.
 */
export async function startThrowawayDatabase(options: {
  rootDir: string;
  serverUrl?: string;
}): Promise<TThrowawayDatabase> {
  const name = `enkat_test_${randomBytes(6).toString('hex')}`;
  if (options.serverUrl) {
    const adminUrl = withDatabaseName(options.serverUrl, 'postgres');
    await ensureDatabase(adminUrl, name);
    const url = withDatabaseName(options.serverUrl, name);
    await migrateDatabase({ databaseUrl: url, rootDir: options.rootDir });
    return { url, adminUrl, stop: () => dropDatabase(adminUrl, name) };
  }
  const folder = await mkdtemp(join(tmpdir(), 'enkat-test-'));
  // PostgreSQL may run as another user (see embedded-postgres.ts): let it into the folder.
  await chmod(folder, 0o755);
  const server = await startEmbeddedPostgres({ dataDir: join(folder, 'data') });
  await ensureDatabase(server.adminUrl, name);
  const url = server.urlFor(name);
  await migrateDatabase({ databaseUrl: url, rootDir: options.rootDir });
  return {
    url,
    adminUrl: server.adminUrl,
    async stop() {
      await server.stop();
      await rm(folder, { recursive: true, force: true });
    },
  };
}
