import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dropDatabase, ensureDatabase, findMigrationDrift, migrateDatabase, withDatabaseName } from '@enkat/db';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';

const rootDir = fileURLToPath(new URL('../../..', import.meta.url));
const adminUrl = inject('adminDatabaseUrl');
const scratchName = `enkat_migrations_${process.pid}`;
const scratchUrl = withDatabaseName(adminUrl, scratchName);

afterAll(() => dropDatabase(adminUrl, scratchName));

async function appliedMigrations(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ migration_name: string }>(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name',
    );
    return rows.map((row) => row.migration_name);
  } finally {
    await client.end();
  }
}

describe('migrations', () => {
  it('apply to an empty database, then are a no-op on an up-to-date one', async () => {
    await ensureDatabase(adminUrl, scratchName);
    const first = await migrateDatabase({ databaseUrl: scratchUrl, rootDir });
    expect(first.length).toBeGreaterThan(0);
    expect(await appliedMigrations(scratchUrl)).toEqual(first);

    const second = await migrateDatabase({ databaseUrl: scratchUrl, rootDir });
    expect(second).toEqual([]);
  });

  it('cover schema.prisma exactly (no drift)', async () => {
    expect(await findMigrationDrift({ databaseUrl: adminUrl, rootDir })).toBeNull();
  });

  it('are reported as drifted when a model is added to schema.prisma without a migration', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'enkat-drift-'));
    try {
      cpSync(join(rootDir, 'prisma'), join(copy, 'prisma'), { recursive: true });
      const schemaPath = join(copy, 'prisma/schema.prisma');
      writeFileSync(schemaPath, `${readFileSync(schemaPath, 'utf8')}\nmodel DriftProbe {\n  id Int @id\n}\n`);
      const drift = await findMigrationDrift({ databaseUrl: adminUrl, rootDir: copy });
      expect(drift).toContain('DriftProbe');
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
