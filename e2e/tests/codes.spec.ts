import { readFileSync } from 'node:fs';
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
