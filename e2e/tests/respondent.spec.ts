import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { createAdministrator, expect, logIn, test } from '../fixtures';
import { LOG_DIR } from '../global-setup';
import { issueCodes, openWaveFrom2012Template, type TOpenWave } from '../survey-setup';

let wave: TOpenWave;
let codes: string[];
const TYPED = 'Budget verkar gå före klientens behov';
const TYPED_NO_JS = 'Mindre tid för klientarbete <b>och</b> mer administration';

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  await logIn(page, createAdministrator('editor', 'respondent-setup'));
  wave = await openWaveFrom2012Template(page, { required: ['q1'] });
  codes = await issueCodes(page, wave.id, 3);
  await page.close();
});

/** Every respondent page is checked by axe-core (WCAG 2.1 A and AA) as it is reached. */
async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
}

/** Answers the 2012 survey from its first page to the thank-you page; axe checks each page. */
async function answerTheSurvey(page: Page, freeText: string, check = expectAccessible) {
  await expect(page.getByText('Sida 1 av 4')).toBeVisible();
  // Question 1 is required here: skipping it is answered by the server, next to the question.
  await page.getByRole('button', { name: 'Nästa' }).click();
  await expect(page).toHaveTitle(/^Fel: /);
  const q1 = page.getByRole('group', { name: /tryck på att bli mer restriktiv/ });
  await expect(q1.getByText('Frågan måste besvaras.')).toBeVisible();
  await expect(page.getByRole('alert').getByRole('link', { name: /Frågan måste besvaras/ })).toHaveAttribute(
    'href',
    '#q1-ja',
  );
  await check(page);
  await q1.getByRole('radio', { name: 'Ja' }).check();
  await page
    .getByRole('group', { name: /omöjligt att göra ett bra jobb/ })
    .getByRole('radio', { name: 'Instämmer helt' })
    .check();
  await page
    .getByRole('group', { name: /Barnperspektivet/ })
    .getByRole('radio', { name: 'Vet ej' })
    .check();
  await check(page);
  await page.getByRole('button', { name: 'Nästa' }).click();
  await expect(page.getByText('Sida 2 av 4')).toBeVisible();
  await page
    .getByRole('group', { name: /rättssäkerheten/ })
    .getByRole('textbox')
    .fill(freeText);
  await check(page);
  await page.getByRole('button', { name: 'Nästa' }).click();
  await page
    .getByRole('group', { name: /Vilken är din roll/ })
    .getByRole('radio', { name: 'Socialsekreterare' })
    .check();
  await check(page);
  await page.getByRole('button', { name: 'Granska svaren' }).click();
  await expect(page.getByRole('heading', { name: 'Granska dina svar' })).toBeVisible();
  await expect(page.getByText(freeText)).toBeVisible();
  await check(page);
  await page.getByRole('button', { name: 'Skicka svaren' }).click();
  await expect(page.getByRole('heading', { name: 'Tack för dina svar!' })).toBeVisible();
  await check(page);
}

async function usedCodes(browser: Browser) {
  const page = await browser.newPage();
  await logIn(page, createAdministrator('analyst', 'respondent-check'));
  const summary = await (await page.request.get(`/api/v1/waves/${wave.id}/codes`)).json();
  await page.close();
  return summary.used;
}

test('a respondent follows an invitation link with the code in its fragment and answers (JavaScript on)', async ({
  page,
}) => {
  const scripts: number[] = [];
  page.on('response', async (response) => {
    if (response.request().resourceType() === 'script') scripts.push((await response.body()).length);
  });
  await page.goto(`/s/${wave.slug}#kod=${codes[0]}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Socialtjänstenkäten');
  await expect(page.getByText('Dina svar är anonyma.', { exact: false })).toBeVisible();
  await expect(page.getByLabel('Din kod')).toHaveValue(codes[0] ?? '');
  expect(page.url()).not.toContain('#kod');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Börja' }).click();
  await answerTheSurvey(page, TYPED);
  expect(scripts).toEqual([]);
  const inline = await page.request.get(`/s/${wave.slug}`);
  const html = await inline.text();
  const inlineBytes = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].reduce((n, m) => n + (m[1]?.length ?? 0), 0);
  expect(inline.headers()['set-cookie']).toBeUndefined();
  expect(inline.headers()['content-security-policy']).toContain("default-src 'none'");
  process.stdout.write(
    `respondent pages: ${scripts.length} script files; ${inlineBytes} bytes of inline script (start page only)\n`,
  );
});

test('a respondent answers with JavaScript switched off, with server-side messages next to the question', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`/s/${wave.slug}`);
  await page.getByLabel('Din kod').fill((codes[1] ?? '').toLowerCase().replaceAll('-', ' '));
  await page.getByRole('button', { name: 'Börja' }).click();
  // axe runs inside the page, so it needs JavaScript: the same pages are checked in the test above.
  await answerTheSurvey(page, TYPED_NO_JS, async () => {});
  await context.close();
});

test('a third respondent tries a used code and is refused', async ({ page, browser }) => {
  const used = await page.request.post(`/api/v1/respond/${wave.slug}/responses`, {
    headers: { origin: new URL(test.info().project.use.baseURL ?? '').origin },
    data: { idempotencyKey: crypto.randomUUID(), code: codes[2], answers: { q1: 'nej' } },
  });
  expect(used.status()).toBe(201);
  const usedBefore = await usedCodes(browser);
  await page.goto(`/s/${wave.slug}`);
  await page.getByLabel('Din kod').fill(codes[2] ?? '');
  await page.getByRole('button', { name: 'Börja' }).click();
  await expect(page.getByText('Koden har redan använts.')).toBeVisible();
  await expect(page.getByLabel('Din kod')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
  expect(await usedCodes(browser)).toBe(usedBefore);
});

test('a page for an unknown survey says so, and nothing breaks on a narrow screen', async ({ page }) => {
  const missing = await page.goto('/s/zzzzzzzz');
  expect(missing?.status()).toBe(404);
  await expect(page.getByText('Det finns ingen enkät på den här adressen.', { exact: false })).toBeVisible();
  await expectAccessible(page);
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto(`/s/${wave.slug}`);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(320);
});

test('a code posted from another site (an e-mail button) lands in the code field, unused', async ({ page }) => {
  const response = await page.request.post(`/s/${wave.slug}`, {
    headers: { origin: 'https://mail.example', 'sec-fetch-site': 'cross-site' },
    form: { code: codes[1] ?? '' },
  });
  expect(response.status()).toBe(200);
  const html = await response.text();
  expect(html).toContain(`value="${codes[1]}"`);
  expect(html).not.toContain('Sida 1 av 4');
});

test('the logs of this run hold no code, no address and no answer text', () => {
  const logs = ['api.log', 'web.log'].map((name) => readFileSync(join(LOG_DIR, name), 'utf8')).join('\n');
  // Respondents' requests are never logged one line each (only counted per minute).
  expect(logs).toContain('"route":"/api/health"');
  expect(logs).not.toMatch(/"route":"\/api\/v1\/respond\//);
  for (const code of codes) {
    expect(logs).not.toContain(code);
    expect(logs).not.toContain(code.replaceAll('-', ''));
  }
  expect(logs).not.toContain(TYPED);
  expect(logs).not.toContain('Mindre tid för klientarbete');
  // Client addresses: none; only the servers' own "listening at" lines name an address.
  const lines = logs.split('\n').filter((line) => !/listening at|Local:|Network:/.test(line));
  for (const line of lines) expect(line).not.toMatch(/127\.0\.0\.1|::1|::ffff:|remoteAddress|"ip"/);
});
