import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';

const rootDir = fileURLToPath(new URL('..', import.meta.url));
export const PASSWORD = 'e2e password that is long';

export type TAccount = { email: string; password: string };

/**
 * Makes an administrator in the e2e database the way an operator would (`npm run admin:create`),
 * with a password set from standard input. Unique per worker and call.
 */
export function createAdministrator(role: 'owner' | 'editor' | 'analyst', label: string): TAccount {
  const email = `${label}-${process.pid}-${Date.now()}@example.org`;
  const result = spawnSync(
    process.execPath,
    [
      'apps/api/dist/cli/admin-create.js',
      '--email',
      email,
      '--name',
      `E2E ${role}`,
      '--role',
      role,
      '--password-stdin',
    ],
    {
      cwd: rootDir,
      input: PASSWORD,
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL },
    },
  );
  if (result.status !== 0) throw new Error(`admin:create failed: ${result.stderr}`);
  return { email, password: PASSWORD };
}

export async function logIn(page: Page, account: TAccount) {
  await page.goto('/admin/login');
  await page.getByLabel('E-postadress').fill(account.email);
  await page.getByLabel('Lösenord').fill(account.password);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Välkommen');
}

export const test = base.extend<{ owner: TAccount }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads fixture dependencies from this pattern.
  owner: async ({}, use, testInfo) => {
    await use(createAdministrator('owner', `owner-${testInfo.workerIndex}`));
  },
});
export { expect };
