import { createDb, type TDb } from '@enkat/db';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyInstance {
    db: TDb;
  }
}

/** One Prisma client per API process, closed with the server. */
export default fp<{ databaseUrl: string; poolSize: number }>(
  async (app, { databaseUrl, poolSize }) => {
    const db = createDb(databaseUrl, { maxConnections: poolSize });
    app.decorate('db', db);
    app.addHook('onClose', async () => {
      await db.$disconnect();
    });
  },
  { name: 'db' },
);
