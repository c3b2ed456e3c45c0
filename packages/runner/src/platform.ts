import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { isPortFree, migrateDatabase } from '@enkat/db';
import { spawnManaged, type TManagedProcess } from './child-process.js';
import { openDatabase, type TDatabaseChoice, type TRunningDatabase } from './database.js';
import { StartError } from './errors.js';
import { waitForHttpOk } from './wait-for.js';

export type TPlatformOptions = {
  /** The repository root (where apps/ and prisma/ are). */
  rootDir: string;
  database: TDatabaseChoice;
  webPort: number;
  apiPort: number;
  /** Load the demo data (the 2012 survey) after migrating; the first owner is made either way. */
  seed: boolean;
  /** The deployment's secret (base64), given to the API and the seed as ENKAT_SECRET. */
  secret: string;
  /** Folder for api.log and web.log; default: output goes to this terminal. */
  logDir?: string;
  /** Extra environment for the API process (e.g. shorter session timeouts in tests). */
  apiEnv?: Record<string, string>;
  onProgress?: (message: string) => void;
};

export type TRunningPlatform = {
  webUrl: string;
  apiUrl: string;
  databaseUrl: string;
  embeddedDatabase: boolean;
  /** Resolves when the API or web process exits on its own (a crash). */
  crashed: Promise<string>;
  stop(): Promise<void>;
};

const STARTUP_TIMEOUT_MS = 120_000;

/** Starts database, migrations, demo data, API and web app; undoes what it started if a step fails. */
export async function startPlatform(options: TPlatformOptions): Promise<TRunningPlatform> {
  const progress = options.onProgress ?? (() => {});
  for (const [name, port] of [
    ['web', options.webPort],
    ['api', options.apiPort],
  ] as const) {
    if (!(await isPortFree(port))) {
      throw new StartError(
        `Port ${port} (${name}) is already in use: stop what uses it, or choose another port (see .env.example).`,
      );
    }
  }

  const started: { db?: TRunningDatabase; processes: TManagedProcess[] } = { processes: [] };
  const stop = async () => {
    for (const process of started.processes.reverse()) await process.stop();
    await started.db?.stop();
  };
  let reportCrash: (message: string) => void = () => {};
  const crashed = new Promise<string>((resolve) => {
    reportCrash = resolve;
  });

  const apiUrl = `http://127.0.0.1:${options.apiPort}`;
  // Lets the API believe the browser addresses the web app forwards (see apps/web/src/lib/forwarding.ts).
  const proxySecret = process.env.PROXY_SECRET || randomBytes(32).toString('base64url');
  const webUrl = `http://localhost:${options.webPort}`;
  try {
    progress('starting the database');
    const db = await openDatabase(options.database);
    started.db = db;
    progress('applying migrations');
    const applied = await migrateDatabase({ databaseUrl: db.url, rootDir: options.rootDir });
    if (applied.length) progress(`applied ${applied.length} migration(s)`);
    if (options.seed) {
      progress('loading demo data');
      await runToCompletion({
        ...options,
        env: { DATABASE_URL: db.url, PUBLIC_ORIGIN: webUrl, ENKAT_SECRET: options.secret },
        script: 'apps/api/dist/cli/seed.js',
      });
    }

    const logFile = (name: string) => (options.logDir ? { logFile: join(options.logDir, `${name}.log`) } : {});
    progress('starting the API');
    const api = spawnManaged({
      name: 'api',
      command: process.execPath,
      args: ['apps/api/dist/server.js'],
      cwd: options.rootDir,
      env: {
        ...process.env,
        ...options.apiEnv,
        PROXY_SECRET: proxySecret,
        DATABASE_URL: db.url,
        ENKAT_SECRET: options.secret,
        API_PORT: String(options.apiPort),
        PUBLIC_ORIGIN: webUrl,
      },
      ...logFile('api'),
      onExit: (code) => reportCrash(`the API exited (code ${code})`),
    });
    started.processes.push(api);
    if (!(await waitForHttpOk(`${apiUrl}/api/health`, { timeoutMs: STARTUP_TIMEOUT_MS, isAlive: api.isAlive }))) {
      throw new StartError('The API did not come up; see its output above.');
    }

    progress('starting the web app');
    const web = spawnManaged({
      name: 'web',
      command: process.execPath,
      args: ['server.mjs', '--port', String(options.webPort)],
      cwd: join(options.rootDir, 'apps/web'),
      env: { ...process.env, API_URL: apiUrl, PROXY_SECRET: proxySecret, NEXT_TELEMETRY_DISABLED: '1' },
      ...logFile('web'),
      onExit: (code) => reportCrash(`the web app exited (code ${code})`),
    });
    started.processes.push(web);
    if (!(await waitForHttpOk(`${webUrl}/api/health`, { timeoutMs: STARTUP_TIMEOUT_MS, isAlive: web.isAlive }))) {
      throw new StartError('The web app did not come up; see its output above.');
    }
    return { webUrl, apiUrl, databaseUrl: db.url, embeddedDatabase: db.embedded, crashed, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Runs a one-shot command of the API (e.g. the seed) and waits for it to succeed. */
async function runToCompletion(
  options: TPlatformOptions & { env: Record<string, string>; script: string },
): Promise<void> {
  const exitCode = await new Promise<number | null>((resolve) => {
    spawnManaged({
      name: options.script,
      command: process.execPath,
      args: [options.script],
      cwd: options.rootDir,
      env: { ...process.env, ...options.env },
      ...(options.logDir ? { logFile: join(options.logDir, 'seed.log') } : {}),
      onExit: (code) => resolve(code),
    });
  });
  if (exitCode !== 0) throw new StartError(`${options.script} failed (exit code ${exitCode}).`);
}
