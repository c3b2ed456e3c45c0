import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fail, ROOT } from './util.mjs';

/** Where `npm start` keeps the secret it made: beside, never inside, the database's folder. */
export const SECRET_FILE = join(ROOT, '.secrets', 'deployment-secret');

/**
 * The deployment's secret for `npm start`: ENKAT_SECRET, else the file ENKAT_SECRET_FILE names,
 * else .secrets/deployment-secret, made (32 random bytes, readable by this user only) on the
 * first start. Losing it makes pending answers unreadable and every used code look unused;
 * see README.md, "The deployment's secret".
 * @param {{ ENKAT_SECRET?: string, ENKAT_SECRET_FILE?: string }} env
 * @returns {{ secret: string, made: boolean, where: string }}
 */
export function deploymentSecret(env) {
  if (env.ENKAT_SECRET) return { secret: env.ENKAT_SECRET.trim(), made: false, where: 'ENKAT_SECRET' };
  const file = env.ENKAT_SECRET_FILE || SECRET_FILE;
  if (existsSync(file)) return { secret: readFileSync(file, 'utf8').trim(), made: false, where: file };
  if (env.ENKAT_SECRET_FILE) fail(`ENKAT_SECRET_FILE ${file} does not exist`);
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const secret = randomBytes(32).toString('base64');
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return { secret, made: true, where: file };
}
