import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client.js';

export type TDb = InstanceType<typeof PrismaClient>;

/** The one way the apps get a database client: Prisma over node-postgres. */
export function createDb(databaseUrl: string, options: { maxConnections?: number } = {}): TDb {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: options.maxConnections ?? 10 });
  return new PrismaClient({ adapter });
}
