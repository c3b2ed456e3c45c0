import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Prints one clear line and exits non-zero.
 * @param {string} message
 * @returns {never}
 */
export function fail(message) {
  process.stderr.write(`enkat: ${message}\n`);
  return process.exit(1);
}

/**
 * Runs a command in the repository root, streaming its output; exits if it fails.
 * @param {string} command
 * @param {string[]} args
 * @param {import('node:child_process').SpawnSyncOptions} [options]
 */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', ...options });
  if (result.status !== 0) fail(`${[command, ...args].join(' ')} failed (exit code ${result.status})`);
}
