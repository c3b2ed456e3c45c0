import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import ExcelJS from 'exceljs';
import { createAdministrator, expect, logIn, test } from '../fixtures';

const NBSP = '\u00a0';
const STANDARD_FONTS = createRequire(import.meta.url)
  .resolve('pdfjs-dist/package.json')
  .replace(/package\.json$/, 'standard_fonts/');

test('an analyst opens the 2012 results, breaks Q2 down by role, and downloads the same numbers as XLSX and PDF', async ({
  page,
}) => {
  await logIn(page, createAdministrator('analyst', 'results'));
  await page.getByRole('link', { name: 'Socialtjänstenkäten', exact: true }).click();
  await page.getByRole('row', { name: /2012/ }).getByRole('link', { name: 'Resultat' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Resultat: Socialtjänstenkäten 2012');
  await expect(page.getByText(`185 svar av 640 · Svarsfrekvens 28,9${NBSP}%`)).toBeVisible();

  // The report's table for question 1, to the decimal.
  const q1 = page.locator('[data-question-id="q1"]');
  await expect(q1.getByRole('row', { name: /^Ja / })).toContainText(`72,8${NBSP}%`);
  await expect(q1.getByRole('row', { name: /^Ja / })).toContainText('131');
  await expect(q1.getByRole('row', { name: /^Totalt/ })).toContainText('180');
  await expect(q1.getByRole('img', { name: /tryck på att bli mer restriktiv/ })).toBeVisible();
  // Free text: the report's quotes among the comments, listed without any metadata.
  const q7 = page.locator('[data-question-id="q7"]');
  await q7.getByRole('button', { name: 'Visa kommentarerna' }).click();
  await expect(q7.getByText('Budget verkar gå före klientens behov')).toBeVisible();
  const q3 = page.locator('[data-question-id="q3"]');
  await expect(q3.getByText(`81,1${NBSP}%`).first()).toBeVisible();

  await page.getByLabel('Dela upp efter').selectOption({ label: 'Vilken är din roll?' });
  await page.getByRole('button', { name: 'Visa', exact: true }).click();
  const q2 = page.locator('[data-question-id="q2"]');
  const breakdown = q2.getByRole('table', { name: /Dela upp efter/ });
  await expect(breakdown.getByRole('columnheader', { name: 'Annan' })).toBeVisible();
  await expect(breakdown.getByText('färre än 5 svar').first()).toBeVisible();
  // Biståndsbedömare (22) is hidden too, or total − shown would give Annan (3) away.
  await expect(breakdown.getByText('dold för att skydda en liten grupp').first()).toBeVisible();

  const xlsxDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Ladda ner Excel (XLSX)' }).click();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await (await xlsxDownload).path());
  const cells = workbook.worksheets.flatMap((sheet) => {
    const values: string[] = [];
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        values.push(String(cell.value));
      });
    });
    return values;
  });
  expect(cells).toContain('131');
  expect(cells).toContain('72.8');
  expect(cells.some((v) => v.includes('färre än 5 svar'))).toBe(true);

  const pdfDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Ladda ner PDF' }).click();
  const pdf = readFileSync(await (await pdfDownload).path());
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const text = await pdfText(pdf);
  expect(text).toContain('72,8');
  expect(text).toContain('131');
  expect(text).toContain('färre än 5 svar');
});

/** The text of a PDF, read back with pdf.js. */
async function pdfText(pdf: Buffer): Promise<string> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await getDocument({ data: new Uint8Array(pdf), standardFontDataUrl: STANDARD_FONTS }).promise;
  let text = '';
  for (let i = 1; i <= document.numPages; i++) {
    const content = await (await document.getPage(i)).getTextContent();
    text += `${content.items.map((item) => ('str' in item ? item.str : '')).join(' ')}\n`;
  }
  return text;
}

test('an editor marks a name in the comments and removes a phone number, and the removal is audited', async ({
  page,
}) => {
  await logIn(page, createAdministrator('editor', 'redaction'));
  await page.getByRole('link', { name: 'Socialtjänstenkäten', exact: true }).click();
  await page.getByRole('row', { name: /2012/ }).getByRole('link', { name: 'Resultat' }).click();
  await page.getByLabel('Namn att markera i kommentarerna').fill('Karin Exempelsson');
  await page.getByRole('button', { name: 'Spara namnen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Sparat.' })).toBeVisible();

  const q12 = page.locator('[data-question-id="q12"]');
  await q12.getByRole('button', { name: 'Visa kommentarerna' }).click();
  await expect(q12.locator('mark', { hasText: 'Karin Exempelsson' })).toBeVisible();
  await q12.getByRole('button', { name: 'Ta bort 08-123 45 67' }).click();
  await expect(q12.getByText('Ring mig gärna på [borttaget]')).toBeVisible();
  await expect(q12.getByText('08-123 45 67')).toHaveCount(0);

  await page.getByRole('button', { name: 'Logga ut' }).click();
  await logIn(page, createAdministrator('owner', 'redaction-audit'));
  const audit = await (await page.request.get('/api/v1/admin/audit?action=comment_redacted')).json();
  expect(audit.events.length).toBeGreaterThanOrEqual(1);
  expect(JSON.stringify(audit.events)).not.toContain('08-123');
});

test('the trend page numbers each question as the results page does', async ({ page }) => {
  await logIn(page, createAdministrator('analyst', 'numbering'));
  await page.getByRole('link', { name: 'Socialtjänstenkäten', exact: true }).click();
  await page.getByRole('row', { name: /2012/ }).getByRole('link', { name: 'Resultat' }).click();
  const role = page.getByRole('heading', { level: 2, name: /Vilken är din roll\?/ });
  const onResults = (await role.textContent()) ?? '';
  // Two free-text questions come before it, so counting only the trend's questions would say 7.
  expect(onResults).toMatch(/^9\. /);
  await page.getByRole('link', { name: 'Jämförelse mellan omgångarna' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /Vilken är din roll\?/ })).toHaveText(onResults);
});
