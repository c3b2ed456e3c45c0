import { buildApp } from './app.js';
import { loadApiEnv } from './env.js';

const env = loadApiEnv();
const app = await buildApp({ env });

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'shutting down');
  await app.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

try {
  await app.listen({ host: env.API_HOST, port: env.API_PORT });
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code === 'EADDRINUSE' ? `port ${env.API_PORT} is already in use` : String(error);
  process.stderr.write(`api: cannot listen on ${env.API_HOST}:${env.API_PORT}: ${reason}\n`);
  process.exit(1);
}
