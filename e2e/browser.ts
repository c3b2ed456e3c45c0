import { existsSync } from 'node:fs';

/**
 * The Chromium to drive: PLAYWRIGHT_CHROMIUM_PATH, else Debian's /usr/bin/chromium, else the one
 * `npx playwright install chromium` would have put in Playwright's cache.
 */
export function chromiumExecutable(): string | undefined {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`PLAYWRIGHT_CHROMIUM_PATH=${fromEnv} does not exist.`);
    return fromEnv;
  }
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

/** Flags headless Chromium needs as root and on a machine without outside network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export const NO_BROWSER_HELP =
  'No Chromium found for the end-to-end tests. Install one: `apt-get install chromium` (Debian/Ubuntu), ' +
  'or `npx playwright install chromium`, or point PLAYWRIGHT_CHROMIUM_PATH at a Chromium or Chrome binary.';
