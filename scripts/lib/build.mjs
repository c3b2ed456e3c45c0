// Builds what is stale: the Prisma client, the TypeScript packages (tsc -b is incremental) and the
// Next.js app (rebuilt when its sources or the packages it imports change).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT, run } from './util.mjs';

/** Environment for offline Prisma CLI runs: no engine download, no update check. */
export const PRISMA_ENV = {
  ...process.env,
  // `prisma generate` needs no schema engine, but the CLI looks for one: any existing file will do.
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
  CHECKPOINT_DISABLE: '1',
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
};

const NEXT_INPUTS = [
  'apps/web/src',
  'apps/web/public',
  'apps/web/next.config.ts',
  'apps/web/package.json',
  'packages/survey-schema/dist',
  'packages/results/dist',
];

/**
 * @param {{ web?: boolean, log?: (message: string) => void }} [options]
 */
export async function build({
  web = true,
  log = (/** @type {string} */ m) => process.stdout.write(`enkat: ${m}\n`),
} = {}) {
  const schemaHash = hashOf(['prisma/schema.prisma']);
  const generatedMarker = join(ROOT, 'packages/db/src/generated/.schema-hash');
  if (!existsSync(generatedMarker) || readFileSync(generatedMarker, 'utf8') !== schemaHash) {
    log('generating the Prisma client');
    run(process.execPath, ['node_modules/prisma/build/index.js', 'generate'], { env: PRISMA_ENV });
    writeFileSync(generatedMarker, schemaHash);
  }

  log('compiling packages and the API');
  run(process.execPath, ['node_modules/typescript/bin/tsc', '-b']);

  if (!web) return;
  const webHash = hashOf(NEXT_INPUTS);
  const webMarker = join(ROOT, 'apps/web/.next/.source-hash');
  if (!existsSync(webMarker) || readFileSync(webMarker, 'utf8') !== webHash) {
    log('building the web app (takes a minute the first time)');
    run(process.execPath, [join(ROOT, 'node_modules/next/dist/bin/next'), 'build'], {
      cwd: join(ROOT, 'apps/web'),
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    });
    writeFileSync(webMarker, webHash);
  }
}

/** @param {string[]} paths */
function hashOf(paths) {
  const hash = createHash('sha256');
  for (const path of paths.flatMap((p) => filesUnder(join(ROOT, p))).sort()) {
    hash.update(relative(ROOT, path)).update(readFileSync(path));
  }
  return hash.digest('hex');
}

/**
 * @param {string} path
 * @returns {string[]}
 */
function filesUnder(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((name) => (name.endsWith('.map') ? [] : filesUnder(join(path, name))));
}
