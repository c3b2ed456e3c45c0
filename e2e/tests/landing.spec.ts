import { expect, test } from '@playwright/test';

test('the landing page is in Swedish and leads to the admin area', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('anonyma personalenkäter');
  await page.getByRole('link', { name: 'Till administrationen' }).click();
  await expect(page).toHaveURL(/\/admin/);
});

test('the API answers on the web origin, so the browser needs no CORS', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: 'ok', database: 'up' });
});

test('pages make no request to any other origin', async ({ page, baseURL }) => {
  const origins = new Set<string>();
  page.on('request', (request) => {
    origins.add(new URL(request.url()).origin);
  });
  await page.goto('/');
  await page.goto('/admin');
  expect([...origins]).toEqual([new URL(baseURL ?? '').origin]);
});
