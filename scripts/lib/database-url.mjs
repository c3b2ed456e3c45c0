import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './util.mjs';

/** Where `npm start` leaves the address of its embedded database while it runs. */
const RUNNING_URL_FILE = join(ROOT, '.data/running-database-url');

/** @param {string} url */
export function announceRunningDatabase(url) {
  writeFileSync(RUNNING_URL_FILE, url, { mode: 0o600 });
}

export function forgetRunningDatabase() {
  rmSync(RUNNING_URL_FILE, { force: true });
}

/**
 * The database the db:* and admin:* scripts work on: DATABASE_URL; else the embedded database of
 * a running `npm start`; else the embedded database started for the duration of the script.
 * @returns {Promise<{ url: string, stop: () => Promise<void> }>}
 */
export async function openScriptDatabase() {
  const { ensureDatabase, probeDatabase, startEmbeddedPostgres } = await import('@enkat/db');
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => {} };
  if (existsSync(RUNNING_URL_FILE)) {
    const url = readFileSync(RUNNING_URL_FILE, 'utf8').trim();
    if ((await probeDatabase(url)) === null) return { url, stop: async () => {} };
  }
  const server = await startEmbeddedPostgres({ dataDir: join(ROOT, '.data/postgres') });
  await ensureDatabase(server.adminUrl, 'enkat');
  return { url: server.urlFor('enkat'), stop: () => server.stop() };
}
