import type { Page } from '@playwright/test';
import { createAdministrator, expect, logIn, test } from '../fixtures';

type TWaveJson = {
  id: string;
  revision: number;
  questionSet: { sections: { questions: { id: string; text: string }[] }[] };
};

async function waveJson(page: Page, id: string): Promise<TWaveJson> {
  return (await page.request.get(`/api/v1/waves/${id}`)).json();
}
const questionIds = (wave: TWaveJson) => wave.questionSet.sections.flatMap((s) => s.questions.map((q) => q.id));

test('an editor builds a wave from the 2012 template, publishes it, and starts a rerun with the same question ids', async ({
  page,
}) => {
  await logIn(page, createAdministrator('editor', 'editor'));
  const seriesName = `Socialtjänstenkäten e2e ${Date.now()}`;
  await page.getByLabel('Namn på enkätserien').fill(seriesName);
  await page.getByLabel('Första omgångens namn').fill('2026');
  await expect(page.getByLabel('Utgå från')).toHaveValue('template');
  await page.getByRole('button', { name: 'Skapa enkätserie' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`${seriesName} 2026`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Utkast');
  const waveId = page.url().split('/').at(-1) ?? '';

  // Correct a question's wording.
  const q2 = page.locator('[data-question-id="q2"]');
  await q2.getByLabel('Frågetext').fill('De ekonomiska förutsättningarna gör det svårt att göra ett bra jobb.');

  // Reorder with the keyboard alone: focus "Flytta upp" on question 3, press Enter.
  await page.locator('[data-question-id="q3"] [data-move="up"]').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-question-id="q3"] [data-move="up"]')).toBeFocused();
  const order = await page
    .locator('[data-question-id]')
    .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-question-id')));
  expect(order.slice(0, 3)).toEqual(['q1', 'q3', 'q2']);
  await expect(page.getByText('Osparade ändringar')).toBeVisible();

  // Times are typed in one Swedish format, whatever the browser's locale; questions and settings save together.
  await page.getByLabel('Öppnar (svensk tid)').fill('2026-12-01 08:00');
  await page.getByLabel('Stänger (svensk tid)').fill('2027-01-31 23:59');
  await page.getByLabel('Antal inbjudna').fill('640');
  await page.getByRole('button', { name: 'Spara ändringar' }).click();
  await expect(page.getByRole('status')).toHaveText('Sparat.');
  await expect(page.getByText('Alla ändringar är sparade.')).toBeVisible();
  await expect(page.getByText('Svarstid: 1 dec. 2026 08:00 – 31 jan. 2027 23:59')).toBeVisible();
  const saved = await waveJson(page, waveId);
  expect(saved.questionSet.sections[0]?.questions[2]?.text).toBe(
    'De ekonomiska förutsättningarna gör det svårt att göra ett bra jobb.',
  );

  // Preview, as respondents will see it: fieldsets with legends, radio buttons with labels.
  await page.getByRole('button', { name: 'Förhandsgranska' }).click();
  const preview = page.getByRole('region', { name: 'Förhandsgranskning' });
  await expect(preview.getByRole('group', { name: /svårt att göra ett bra jobb/ })).toBeVisible();
  await expect(
    preview.getByRole('group', { name: /svårt att göra ett bra jobb/ }).getByRole('radio', { name: 'Vet ej' }),
  ).toBeVisible();
  await expect(preview.getByText('Dina svar är anonyma.', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Förhandsgranska' }).click();

  await page.getByRole('button', { name: 'Publicera omgången' }).click();
  await page
    .getByRole('dialog', { name: 'Publicera omgången?' })
    .getByRole('button', { name: 'Publicera omgången' })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Publicerad');
  await expect(page.getByRole('status')).toHaveText('Omgången är publicerad.');
  await expect(page.getByText('frågorna är låsta')).toBeVisible();
  await expect(page.getByLabel('Frågetext')).toHaveCount(0);
  const published = await waveJson(page, waveId);
  const edit = await page.request.put(`/api/v1/waves/${waveId}/question-set`, {
    headers: { origin: new URL(page.url()).origin },
    data: { revision: published.revision, questionSet: published.questionSet },
  });
  expect(edit.status()).toBe(409);

  // The next wave: same question ids, in the published order.
  await page.getByRole('link', { name: seriesName }).click();
  await page.getByLabel('Namn på nästa omgång').fill('2027');
  await page.getByRole('button', { name: 'Starta nästa omgång' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`${seriesName} 2027`);
  const rerun = await waveJson(page, page.url().split('/').at(-1) ?? '');
  expect(questionIds(rerun)).toEqual(questionIds(published));
  expect(questionIds(rerun).slice(0, 3)).toEqual(['q1', 'q3', 'q2']);
});

test('a question set the schema rejects shows the field errors in the builder and changes nothing', async ({
  page,
}) => {
  await logIn(page, createAdministrator('editor', 'editor-invalid'));
  await page.getByLabel('Namn på enkätserien').fill(`Ogiltig ${Date.now()}`);
  await page.getByRole('button', { name: 'Skapa enkätserie' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Utkast');
  const waveId = page.url().split('/').at(-1) ?? '';
  const before = await waveJson(page, waveId);
  const q1 = page.locator('[data-question-id="q1"]');
  await q1.getByLabel('Frågetext').fill('');
  await page.getByRole('button', { name: 'Spara ändringar' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Kontrollera' })).toHaveText(
    'Kontrollera de markerade fälten.',
  );
  await expect(q1.locator('.field-error')).toHaveText('Fyll i fältet.');
  await expect(q1.locator('.field-error')).toBeVisible();
  await expect(q1.getByLabel('Frågetext')).toHaveAttribute('aria-invalid', 'true');
  expect(await waveJson(page, waveId)).toEqual(before);
});
