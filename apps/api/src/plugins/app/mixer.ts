import fp from 'fastify-plugin';
import { mixRound } from '../../mixing/mixer.js';

/**
 * Runs this process's mixer every `intervalMs` (0: never; tests mix on demand). It logs counts
 * per interval, never a line per answer. A failed round (the database away) is tried again at
 * the next interval: pending answers wait safely in the database meanwhile.
 */
export default fp<{ intervalMs: number }>(
  async (app, { intervalMs }) => {
    if (intervalMs === 0) return;
    let running: Promise<void> | undefined;
    let mixedSinceLog = 0;
    let lastLog = Date.now();
    const round = async () => {
      try {
        await app.verifyKeys();
        mixedSinceLog += await mixRound(app.db, app.keys);
      } catch (error) {
        app.log.warn({ err: { message: (error as Error).message } }, 'mixing round failed; will retry');
      }
      if (Date.now() - lastLog >= 60_000 && mixedSinceLog > 0) {
        app.log.info({ mixed: mixedSinceLog, minutes: 1 }, 'answers mixed');
        mixedSinceLog = 0;
        lastLog = Date.now();
      }
    };
    const timer = setInterval(() => {
      running ??= round().finally(() => {
        running = undefined;
      });
    }, intervalMs);
    timer.unref();
    app.addHook('onClose', async () => {
      clearInterval(timer);
      await running;
    });
  },
  { name: 'mixer', dependencies: ['db', 'keys'] },
);
