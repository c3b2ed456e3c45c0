import { join } from 'node:path';
import { ROOT } from './util.mjs';

/**
 * The database the db:* scripts work on: DATABASE_URL, or the embedded PostgreSQL of `npm start`
 * (started for the duration of the script). Returns { url, stop }.
 */
export async function openScriptDatabase() {
  const { ensureDatabase, startEmbeddedPostgres } = await import('@enkat/db');
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => {} };
  const server = await startEmbeddedPostgres({ dataDir: join(ROOT, '.data/postgres') });
  await ensureDatabase(server.adminUrl, 'enkat');
  return { url: server.urlFor('enkat'), stop: () => server.stop() };
}
