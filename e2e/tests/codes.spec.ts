import { readFileSync } from 'node:fs';
import pg from 'pg';
import { createAdministrator, expect, logIn, test } from '../fixtures';
import { openWaveFrom2012Template } from '../survey-setup';

test('an editor issues codes, downloads them once as CSV, and they are never shown again', async ({ page }) => {
  await logIn(page, createAdministrator('editor', 'codes'));
  const wave = await openWaveFrom2012Template(page);
  await page.goto(`/admin/waves/${wave.id}`);
  const panel = page.getByRole('region', { name: 'Inbjudningskoder' });
  // The wave invites 640 and has no codes yet: 640 is what is offered.
  await expect(panel.getByLabel('Antal nya koder')).toHaveValue('640');
  await panel.getByLabel('Antal nya koder').fill('5');
  await panel.getByRole('button', { name: 'Skapa koder' }).click();
  const sheet = panel.getByRole('list', { name: 'Kodark' });
  await expect(sheet.getByRole('listitem')).toHaveCount(5);
  const shown = await sheet.locator('.code-sheet-code').allTextContents();
  // Each slip carries the instructions and the code's own link, the code in its fragment.
  await expect(sheet.getByRole('listitem').first()).toContainText('Du är inbjuden att svara på');
  await expect(sheet.getByRole('listitem').first()).toContainText(`/s/${wave.slug}#kod=${shown[0]}`);

  const downloading = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Ladda ner CSV' }).click();
  const csv = readFileSync(await (await downloading).path(), 'utf8');
  const lines = csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  expect(lines[0]).toBe('kod,adress,personlig länk,instruktion');
  expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(shown);
  expect(lines[1]).toContain(`/s/${wave.slug}#kod=${shown[0]}`);
  expect(lines[1]).toContain('Du är inbjuden att svara på');

  await page.reload();
  await expect(panel.getByText('Utfärdade: 5')).toBeVisible();
  await expect(panel.getByRole('list', { name: 'Kodark' })).toHaveCount(0);
  for (const code of shown) await expect(page.getByText(code)).toHaveCount(0);

  await panel.getByLabel('Återkalla en kod').fill(shown[0] ?? '');
  await panel.getByRole('button', { name: 'Återkalla', exact: true }).click();
  await panel.getByRole('dialog', { name: 'Återkalla koden?' }).getByRole('button', { name: 'Återkalla' }).click();
  await expect(panel.getByText('Utfärdade: 4')).toBeVisible();
});

test('100 000 codes are issued in one go with the progress shown, and a page without script says it is running', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const editor = createAdministrator('editor', 'many-codes');
  await logIn(page, editor);
  const wave = await openWaveFrom2012Template(page);
  await page.goto(`/admin/waves/${wave.id}`);
  const panel = page.getByRole('region', { name: 'Inbjudningskoder' });
  // Every text the progress shows, as it changes.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { progressSeen: string[] }).progressSeen = seen;
    new MutationObserver(() => {
      const text = document.querySelector('.issue-progress')?.textContent;
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await panel.getByLabel('Antal nya koder').fill('100000');
  await panel.getByRole('button', { name: 'Skapa koder' }).click();
  await expect(panel.getByRole('progressbar')).toHaveAttribute('max', '100000');
  await expect(panel.getByText('Koderna är skapade.')).toBeVisible({ timeout: 60_000 });
  const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
  expect(seen[0]).toBe('Koderna skapas …');
  const steps = seen.map((text) => /^([\d\s]+) av 100\s000 koder skapade$/u.exec(text)?.[1]).filter(Boolean);
  expect(steps.length).toBeGreaterThan(0);
  await expect(panel.getByRole('progressbar')).toHaveCount(0);
  // Too many slips for a page: the CSV file is the way, and it holds them all.
  await expect(panel.getByRole('list', { name: 'Kodark' })).toHaveCount(0);
  await expect(panel.getByText('Kodarket visas för högst 2 000 koder.', { exact: false })).toBeVisible();
  const downloading = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Ladda ner CSV' }).click();
  const csv = readFileSync(await (await downloading).path(), 'utf8');
  expect(csv.trim().split('\r\n')).toHaveLength(100_001);
  await expect(panel.getByText('Utfärdade: 100 000')).toBeVisible();

  // A batch still being written, seen by a browser without JavaScript: the server-rendered
  // page says how far it has come.
  const db = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await db.connect();
  try {
    await db.query('UPDATE code_batch SET written = 40000 WHERE wave_id = $1', [wave.id]);
    const context = await browser.newContext({ javaScriptEnabled: false });
    await context.addCookies(await page.context().cookies());
    const plain = await context.newPage();
    await plain.goto(`/admin/waves/${wave.id}`);
    await expect(plain.getByRole('region', { name: 'Inbjudningskoder' }).getByRole('table')).toContainText(
      '40 000 av 100 000 skapade, pågår',
    );
    await context.close();
  } finally {
    await db.query('UPDATE code_batch SET written = count WHERE wave_id = $1', [wave.id]);
    await db.end();
  }
});
