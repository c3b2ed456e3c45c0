// `npm start`: builds what is not built yet, then runs the whole platform in production mode
// (database, migrations, demo data, API, web) until Ctrl-C. Configuration: see .env.example.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from './lib/build.mjs';
import { announceRunningDatabase, forgetRunningDatabase } from './lib/database-url.mjs';
import { deploymentSecret } from './lib/deployment-secret.mjs';
import { loadStartEnv } from './lib/start-env.mjs';
import { fail, ROOT } from './lib/util.mjs';

const env = loadStartEnv();
await build();

const { StartError, redactUrl, startPlatform } = await import('@enkat/runner');
const dataDir = join(ROOT, '.data');
mkdirSync(dataDir, { recursive: true });

const log = (/** @type {string} */ message) => process.stdout.write(`enkat: ${message}\n`);
const secret = deploymentSecret(env);
if (secret.made) log(`made the deployment's secret in ${secret.where}: back it up apart from the database`);
const platform = await startPlatform({
  rootDir: ROOT,
  database: env.DATABASE_URL
    ? { url: env.DATABASE_URL }
    : { embeddedDataDir: join(dataDir, 'postgres'), name: 'enkat' },
  webPort: env.PORT,
  apiPort: env.API_PORT,
  seed: env.SEED_DEMO_DATA,
  secret: secret.secret,
  onProgress: log,
}).catch((error) => {
  if (error instanceof StartError) fail(error.message);
  throw error;
});

if (platform.embeddedDatabase) announceRunningDatabase(platform.databaseUrl);
const database = platform.embeddedDatabase
  ? `embedded PostgreSQL, data in ${join(dataDir, 'postgres')}`
  : redactUrl(platform.databaseUrl);
process.stdout.write(`
Enkät is running.
  Web:       ${platform.webUrl}/
  Admin:     ${platform.webUrl}/admin
  API docs:  ${platform.webUrl}/api/docs
  Database:  ${database}
Press Ctrl-C to stop.
`);

let stopping = false;
/** @param {number} exitCode */
async function stop(exitCode) {
  if (stopping) return;
  stopping = true;
  log('stopping');
  forgetRunningDatabase();
  await platform.stop();
  log('stopped');
  process.exit(exitCode);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
platform.crashed.then((reason) => {
  if (stopping) return;
  process.stderr.write(`enkat: ${reason}; stopping everything.\n`);
  void stop(1);
});
