import { ensureDatabase, probeDatabase, startEmbeddedPostgres } from '@enkat/db';
import { StartError } from './errors.js';

export type TDatabaseChoice =
  | { url: string }
  | { embeddedDataDir: string; name: string; onLog?: (line: string) => void };

export type TRunningDatabase = { url: string; embedded: boolean; stop(): Promise<void> };

/** Uses the given DATABASE_URL, or starts the embedded PostgreSQL and makes sure the database exists. */
export async function openDatabase(choice: TDatabaseChoice): Promise<TRunningDatabase> {
  if ('url' in choice) {
    const problem = await probeDatabase(choice.url);
    if (problem) throw new StartError(`Cannot use DATABASE_URL (${redactUrl(choice.url)}): ${problem}`);
    return { url: choice.url, embedded: false, stop: async () => {} };
  }
  const server = await startEmbeddedPostgres({
    dataDir: choice.embeddedDataDir,
    ...(choice.onLog ? { onLog: choice.onLog } : {}),
  }).catch((error: unknown) => {
    throw new StartError(error instanceof Error ? error.message : String(error));
  });
  try {
    await ensureDatabase(server.adminUrl, choice.name);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { url: server.urlFor(choice.name), embedded: true, stop: () => server.stop() };
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(not a URL)';
  }
}
