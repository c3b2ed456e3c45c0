export { dropDatabase, ensureDatabase, probeDatabase, withDatabaseName } from './admin-queries.js';
export { createDb, type TDb } from './client.js';
export { startEmbeddedPostgres, type TEmbeddedPostgres } from './embedded-postgres.js';
export { findFreePort, isPortFree } from './free-port.js';
export { AdminRole, Prisma } from './generated/prisma/client.js';
export { createMigration, findMigrationDrift, migrateDatabase, type TMigrationOptions } from './migrations/migrate.js';
