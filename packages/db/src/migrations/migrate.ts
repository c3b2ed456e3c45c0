import { join } from 'node:path';
import { readMigrationsFolder, writeMigration } from './migrations-folder.js';
import { withSchemaEngine } from './schema-engine.js';

export type TMigrationOptions = {
  databaseUrl: string;
  /** The repository root, holding prisma/schema.prisma and prisma/migrations. */
  rootDir: string;
};

const paths = (rootDir: string) => ({
  schemaPath: join(rootDir, 'prisma/schema.prisma'),
  migrationsDir: join(rootDir, 'prisma/migrations'),
});

/** Applies pending migrations, like `prisma migrate deploy`; returns the names it applied. */
export async function migrateDatabase({ databaseUrl, rootDir }: TMigrationOptions): Promise<string[]> {
  const { schemaPath, migrationsDir } = paths(rootDir);
  const migrationsList = readMigrationsFolder(migrationsDir);
  const { appliedMigrationNames } = await withSchemaEngine({ databaseUrl, schemaPath }, (engine, { filters }) =>
    engine.applyMigrations({ migrationsList, filters }),
  );
  return appliedMigrationNames;
}

/**
 * What schema.prisma has that the migrations do not produce, as a readable summary (the
 * migrations are replayed on a temporary shadow database); null when they agree.
 */
export async function findMigrationDrift({ databaseUrl, rootDir }: TMigrationOptions): Promise<string | null> {
  const diff = await diffMigrationsToSchema({ databaseUrl, rootDir }, false);
  return diff;
}

/** Writes a new migration for what schema.prisma adds; returns its folder, or null when nothing changed. */
export async function createMigration(options: TMigrationOptions & { name: string }): Promise<string | null> {
  const sql = await diffMigrationsToSchema(options, true);
  if (sql === null) return null;
  return writeMigration(paths(options.rootDir).migrationsDir, options.name, sql);
}

async function diffMigrationsToSchema(
  { databaseUrl, rootDir }: TMigrationOptions,
  script: boolean,
): Promise<string | null> {
  const { schemaPath, migrationsDir } = paths(rootDir);
  const migrationsList = readMigrationsFolder(migrationsDir);
  const result = await withSchemaEngine({ databaseUrl, schemaPath }, (engine, { schema, filters }) =>
    engine.diff({
      from: { tag: 'migrations', ...migrationsList },
      to: { tag: 'schemaDatamodel', ...schema },
      script,
      exitCode: true,
      filters,
    }),
  );
  // exitCode 2: there is a difference; 0: none.
  return result.exitCode === 0 ? null : result.stdout;
}
