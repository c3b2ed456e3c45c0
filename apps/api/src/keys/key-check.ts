import { timingSafeEqual } from 'node:crypto';
import type { TDb } from '@enkat/db';
import { keyCheckValue, type TDeploymentKeys } from './deployment-keys.js';

export class WrongSecretError extends Error {
  constructor() {
    super(
      'the secret (ENKAT_SECRET or ENKAT_SECRET_FILE) is not the one this database was started with: ' +
        'restore the original secret; without it, pending answers and used codes cannot be read',
    );
    this.name = 'WrongSecretError';
  }
}

/**
 * Records the secret's check value on a database's first start, and refuses a different secret
 * afterwards: with another secret, pending submissions could not be opened and every used code
 * would look unused.
 */
export async function assertDeploymentSecret(db: TDb, keys: TDeploymentKeys): Promise<void> {
  const check = keyCheckValue(keys);
  await db.$executeRaw`INSERT INTO deployment_key_check (id, "check") VALUES (1, ${check}) ON CONFLICT (id) DO NOTHING`;
  const [row] = await db.$queryRaw<{ check: Uint8Array }[]>`SELECT "check" FROM deployment_key_check WHERE id = 1`;
  const stored = Buffer.from(row?.check ?? []);
  if (stored.length !== check.length || !timingSafeEqual(stored, check)) throw new WrongSecretError();
}
