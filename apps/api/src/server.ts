import { buildApp } from './app.js';
import { loadApiEnv } from './env.js';
import { WrongSecretError } from './keys/key-check.js';

const env = loadApiEnv();
const app = await buildApp({ env }).catch((error: unknown) => {
  // One line that says what to do, not a stack trace.
  const reason = error instanceof WrongSecretError ? error.message : `cannot start: ${(error as Error).message}`;
  process.stderr.write(`api: ${reason.split('\n')[0]}\n`);
  process.exit(1);
});

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
