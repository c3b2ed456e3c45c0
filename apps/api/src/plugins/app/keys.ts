import fp from 'fastify-plugin';
import { isDatabaseUnavailable } from '../../errors/database-unavailable.js';
import { deriveDeploymentKeys, type TDeploymentKeys } from '../../keys/deployment-keys.js';
import { assertDeploymentSecret } from '../../keys/key-check.js';

declare module 'fastify' {
  interface FastifyInstance {
    keys: TDeploymentKeys;
    /** Resolves once the secret is known to be the database's own; throws if it is not. */
    verifyKeys(): Promise<void>;
  }
}

/**
 * The keys derived from the deployment's secret. The API refuses to start with another secret
 * than the database's own. When the database cannot be reached at start, the API starts anyway
 * (its health check says so) and every request waits for the check before anything is sealed.
 */
export default fp<{ secret: Buffer }>(
  async (app, { secret }) => {
    const keys = deriveDeploymentKeys(secret);
    let verified = false;
    let checking: Promise<void> | undefined;
    const verifyKeys = async () => {
      if (verified) return;
      checking ??= assertDeploymentSecret(app.db, keys)
        .then(() => {
          verified = true;
        })
        .finally(() => {
          checking = undefined;
        });
      await checking;
    };
    app.decorate('keys', keys);
    app.decorate('verifyKeys', verifyKeys);
    await verifyKeys().catch((error: unknown) => {
      if (!isDatabaseUnavailable(error)) throw error;
      app.log.warn('database unreachable at start: the secret will be checked when it is back');
    });
    app.addHook('onRequest', async (request) => {
      if (!verified && request.routeOptions.url !== '/api/health') await verifyKeys();
    });
  },
  { name: 'keys', dependencies: ['db'] },
);
