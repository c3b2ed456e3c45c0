import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startThrowawayDatabase } from '@enkat/db/testing';
import { startPlatform } from '@enkat/runner';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable, NO_BROWSER_HELP } from './browser';
import { startMailCatcher } from './mail-catcher';
import { startOidcProvider } from './oidc-provider';

const rootDir = fileURLToPath(new URL('..', import.meta.url));
/** The API's and web app's output of this run, for tests that read the logs. */
export const LOG_DIR = join(rootDir, 'e2e/test-results/logs');
/** The mails the platform sent in this run, one file each (mail-catcher.ts). */
export const MAIL_DIR = join(rootDir, 'e2e/test-results/mails');

/** Starts the platform exactly as `npm start` does, on a throwaway database; returns the teardown. */
export default async function globalSetup() {
  const executablePath = chromiumExecutable();
  if (!executablePath && !existsSync(chromium.executablePath())) throw new Error(NO_BROWSER_HELP);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS }).catch((error: Error) => {
    throw new Error(`${NO_BROWSER_HELP}\n(${error.message.split('\n')[0]})`);
  });
  await browser.close();

  rmSync(LOG_DIR, { recursive: true, force: true });
  mkdirSync(LOG_DIR, { recursive: true });
  rmSync(MAIL_DIR, { recursive: true, force: true });
  const mail = await startMailCatcher(MAIL_DIR);
  const database = await startThrowawayDatabase({ rootDir, serverUrl: process.env.DATABASE_URL || undefined });
  const oidc = await startOidcProvider(`http://localhost:${process.env.E2E_WEB_PORT}`);
  const platform = await startPlatform({
    rootDir,
    database: { url: database.url },
    webPort: Number(process.env.E2E_WEB_PORT),
    apiPort: Number(process.env.E2E_API_PORT),
    seed: true,
    secret: randomBytes(32).toString('base64'),
    logDir: LOG_DIR,
    apiEnv: { ...oidc.apiEnv, SMTP_HOST: '127.0.0.1', SMTP_PORT: String(mail.port), MAIL_RATE_PER_SECOND: '50' },
  }).catch(async (error) => {
    await oidc.stop();
    await database.stop();
    await mail.close();
    throw error;
  });
  process.env.E2E_DATABASE_URL = database.url;
  return async () => {
    await platform.stop();
    await oidc.stop();
    await database.stop();
    await mail.close();
  };
}
