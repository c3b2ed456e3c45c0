import fp from 'fastify-plugin';
import { deriveDeploymentKeys, type TDeploymentKeys } from '../../keys/deployment-keys.js';
import { assertDeploymentSecret } from '../../keys/key-check.js';

declare module 'fastify' {
  interface FastifyInstance {
    keys: TDeploymentKeys;
  }
}

/** The keys derived from the deployment's secret; refuses to start with a different secret. */
export default fp<{ secret: Buffer }>(
  async (app, { secret }) => {
    const keys = deriveDeploymentKeys(secret);
    await assertDeploymentSecret(app.db, keys);
    app.decorate('keys', keys);
  },
  { name: 'keys', dependencies: ['db'] },
);
