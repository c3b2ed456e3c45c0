// Loads what a fresh installation needs, idempotently: run by `npm start` after migrating.
// The first owner always; the demo survey unless SEED_DEMO_DATA=false.
import { createDb } from '@enkat/db';
import { seedFirstOwner } from '../admins/first-owner.js';
import { deriveDeploymentKeys } from '../keys/deployment-keys.js';
import { assertDeploymentSecret } from '../keys/key-check.js';
import { seedDemoSurvey } from '../surveys/demo-data.js';
import { loadCliEnv } from './cli-env.js';

const env = loadCliEnv('seed');
const db = createDb(env.DATABASE_URL, { maxConnections: 2 });
try {
  if (!env.ENKAT_SECRET) {
    process.stderr.write('seed: ENKAT_SECRET (or ENKAT_SECRET_FILE) is required\n');
    process.exit(1);
  }
  const keys = deriveDeploymentKeys(env.ENKAT_SECRET);
  await assertDeploymentSecret(db, keys);
  if (env.SEED_DEMO_DATA && (await seedDemoSurvey(db, keys))) {
    process.stdout.write(
      'seed: added the demo survey "Socialtjänstenkäten" (2012: 185 synthetic responses of 640 invited, closed; 2026: draft)\n',
    );
  }
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
