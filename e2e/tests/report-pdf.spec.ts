import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createAdministrator, expect, logIn, test } from '../fixtures';

const STANDARD_FONTS = createRequire(import.meta.url)
  .resolve('pdfjs-dist/package.json')
  .replace(/package\.json$/, 'standard_fonts/');

test('an analyst breaks the 2012 results down by area and downloads a PDF report that holds the breakdown', async ({
  page,
}) => {
  await logIn(page, createAdministrator('analyst', 'report-pdf'));
  await page.getByRole('link', { name: 'Socialtjänstenkäten', exact: true }).click();
  await page.getByRole('row', { name: /2012/ }).getByRole('link', { name: 'Resultat' }).click();
  await page.getByLabel('Dela upp efter').selectOption({ label: 'Inom vilket område arbetar du?' });
  await page.getByRole('button', { name: 'Visa', exact: true }).click();
  // The groups as the page shows them, to find again in the PDF.
  const table = page.locator('[data-question-id="q1"]').getByRole('table', { name: /Dela upp efter/ });
  const groups = (await table.getByRole('columnheader').allInnerTexts()).slice(1).map((label) => label.trim());
  expect(groups).toContain('Ekonomiskt bistånd');

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Ladda ner PDF' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/rapport\.pdf$/);
  const pdf = readFileSync(await file.path());
  const text = await pdfText(pdf);

  expect(text).toContain('185 svar av 640 inbjudna · svarsfrekvens 28,9 %');
  expect(text).toContain('Uppdelat efter: Inom vilket område arbetar du?');
  for (const group of groups) expect(text).toContain(group);
  expect(text).toContain('färre än 5 svar');
  expect(text).toContain('dold för att skydda en liten grupp');
  expect(text).toContain('1. Upplever du ett tryck på att bli mer restriktiv i att godkänna ansökningar?');
});

/** The text of a PDF read back with pdf.js, runs joined by spaces, no-break spaces as spaces. */
async function pdfText(pdf: Buffer): Promise<string> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await getDocument({ data: new Uint8Array(pdf), standardFontDataUrl: STANDARD_FONTS }).promise;
  const runs: string[] = [];
  for (let i = 1; i <= document.numPages; i++) {
    const content = await (await document.getPage(i)).getTextContent();
    for (const item of content.items) if ('str' in item && item.str.trim() !== '') runs.push(item.str);
  }
  await document.destroy();
  return runs.join(' ').replaceAll('\u00a0', ' ');
}
