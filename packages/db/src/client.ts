import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client.js';

export type TDb = InstanceType<typeof PrismaClient>;

export type TDbOptions = {
  maxConnections?: number;
  /**
   * How long a query waits for a free connection before it fails (milliseconds). Short on
   * purpose: a request that cannot get a connection soon is better answered "try again" (503)
   * than kept waiting.
   */
  connectionTimeoutMs?: number;
};

/** The one way the apps get a database client: Prisma over node-postgres. */
export function createDb(databaseUrl: string, options: TDbOptions = {}): TDb {
  const adapter = new PrismaPg({
    connectionString: databaseUrl,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 2000,
  });
  return new PrismaClient({ adapter });
}
