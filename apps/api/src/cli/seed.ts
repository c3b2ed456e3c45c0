// Loads what a fresh installation needs, idempotently: run by `npm start` after migrating.
import { createDb } from '@enkat/db';
import { seedFirstOwner } from '../admins/first-owner.js';
import { loadCliEnv } from './cli-env.js';

const env = loadCliEnv('seed');
const db = createDb(env.DATABASE_URL, { maxConnections: 2 });
try {
  const firstOwner = await seedFirstOwner(db, env.FIRST_ADMIN_EMAIL);
  if (firstOwner) {
    process.stdout.write(
      `\nFirst administrator: ${firstOwner.email}\n` +
        `  Choose its password (link valid once, for 7 days):\n  ${env.PUBLIC_ORIGIN}${firstOwner.setupPath}\n\n`,
    );
  }
} finally {
  await db.$disconnect();
}
