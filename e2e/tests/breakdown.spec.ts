import type { Page } from '@playwright/test';
import { createAdministrator, expect, logIn, test } from '../fixtures';

/**
 * A breakdown on the 2012 demo's results: those who skipped the background question have their
 * own column, "Ej svar", shown when they are enough (8 skipped the years question) and hidden
 * with its reason when they are not (4 skipped the role question); every broken-down question
 * has a chart of each group's answers, where a hidden group is written out, not drawn.
 */

async function resultsBrokenDownBy(page: Page, question: string) {
  await page.getByRole('link', { name: 'Socialtjänstenkäten', exact: true }).click();
  await page.getByRole('row', { name: /2012/ }).getByRole('link', { name: 'Resultat' }).click();
  await breakDownBy(page, question);
}

async function breakDownBy(page: Page, question: string) {
  await page.getByLabel('Dela upp efter').selectOption({ label: question });
  await page.getByRole('button', { name: 'Visa', exact: true }).click();
  await expect(page).toHaveURL(/breakdown=/);
}

test('those who skipped the background question have their own column and bars, hidden when fewer than 5', async ({
  page,
}) => {
  await logIn(page, createAdministrator('analyst', 'breakdown'));
  await resultsBrokenDownBy(page, 'Hur länge har du arbetat i yrket?');
  const q1 = page.locator('[data-question-id="q1"]');
  const table = q1.getByRole('table', { name: /Dela upp efter/ });
  const headers = table.getByRole('columnheader');
  // The groups in the question's option order, then those who skipped it.
  await expect(headers.last()).toHaveText('Ej svar');
  const totals = await table
    .getByRole('row', { name: /^Totalt/ })
    .getByRole('cell')
    .allInnerTexts();
  const noAnswer = totals.at(-1) ?? '';
  expect(Number(noAnswer)).toBeGreaterThanOrEqual(5);
  // The columns, those who skipped included, add up to everyone who answered Q1.
  const sum = totals.reduce((s, n) => s + Number(n.replace(/\s/g, '')), 0);
  expect(sum).toBe(180);
  await expect(q1.getByText('”Ej svar” är de som har svarat på frågan men inte på bakgrundsfrågan.')).toBeVisible();

  const chart = q1.getByRole('img', { name: /Svaren i varje grupp.*uppdelat efter Hur länge/ });
  await expect(chart).toBeVisible();
  await expect(chart.locator('[data-group="_no_answer"]')).toContainText(`Ej svar (n = ${noAnswer})`);
  await expect(chart.locator('[data-group="_no_answer"] rect.bar')).toHaveCount(3);

  // Four skipped the role question: their column says why it is hidden, and has no bars.
  await breakDownBy(page, 'Vilken är din roll?');
  await expect(page.getByLabel('Dela upp efter')).toHaveValue('q9');
  const byRole = page.locator('[data-question-id="q1"]');
  const roleTable = byRole.getByRole('table', { name: /Dela upp efter/ });
  await expect(roleTable.getByRole('columnheader').last()).toHaveText('Ej svar');
  const lastCells = roleTable.locator('tr > :last-child');
  await expect(lastCells.filter({ hasText: 'färre än 5 svar' })).toHaveCount(4); // three options and Totalt
  const roleChart = byRole.getByRole('img', { name: /Svaren i varje grupp/ });
  await expect(roleChart.locator('[data-group="_no_answer"]')).toHaveText('Ej svar: färre än 5 svar');
  await expect(roleChart.locator('[data-group="_no_answer"] rect')).toHaveCount(0);
  await expect(roleChart.locator('[data-group="annan"]')).toHaveText('Annan: färre än 5 svar');
});

test('a breakdown fits a phone screen: the table scrolls inside its box, the chart shrinks to fit', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await logIn(page, createAdministrator('analyst', 'breakdown-phone'));
  await resultsBrokenDownBy(page, 'Hur länge har du arbetat i yrket?');
  const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(pageWidth).toBeLessThanOrEqual(390);
  const q1 = page.locator('[data-question-id="q1"]');
  // The breakdown table (six columns) is wider than the phone: it scrolls inside its own box.
  const scroller = q1.locator('.table-scroll').filter({ has: page.getByRole('table', { name: /Dela upp efter/ }) });
  const { inner, outer } = await scroller.evaluate((el) => ({ inner: el.scrollWidth, outer: el.clientWidth }));
  expect(outer).toBeLessThanOrEqual(390);
  expect(inner).toBeGreaterThan(outer);
  const chart = q1.getByRole('img', { name: /Svaren i varje grupp/ });
  expect((await chart.boundingBox())?.width ?? 999).toBeLessThanOrEqual(390);
});
