import { fileURLToPath } from 'node:url';
import { startThrowawayDatabase } from '@enkat/db/testing';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated database of this test run's own. */
    databaseUrl: string;
    /** Its server's maintenance database, to make more throwaway databases. */
    adminDatabaseUrl: string;
  }
}

const rootDir = fileURLToPath(new URL('../../..', import.meta.url));

/** One throwaway database per test run: DATABASE_URL's server when set, else an embedded one. */
export default async function setup(project: TestProject) {
  const database = await startThrowawayDatabase({ rootDir, serverUrl: process.env.DATABASE_URL || undefined });
  project.provide('databaseUrl', database.url);
  project.provide('adminDatabaseUrl', database.adminUrl);
  return () => database.stop();
}
