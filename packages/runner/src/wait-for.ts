import { setTimeout as sleep } from 'node:timers/promises';

/** Polls url until it answers 200, or gives up after timeoutMs. */
export async function waitForHttpOk(
  url: string,
  options: { timeoutMs: number; isAlive?: () => boolean },
): Promise<boolean> {
  const deadline = Date.now() + options.timeoutMs;
  while (Date.now() < deadline) {
    if (options.isAlive && !options.isAlive()) return false;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return true;
    } catch {
      // not up yet
    }
    await sleep(250);
  }
  return false;
}
