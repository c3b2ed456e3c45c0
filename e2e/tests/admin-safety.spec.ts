import type { Page } from '@playwright/test';
import { createAdministrator, expect, logIn, test } from '../fixtures';
import { issueCodes, openWaveFrom2012Template } from '../survey-setup';

const NBSP = '\u00a0';

type TWaveJson = {
  id: string;
  state: string;
  revision: number;
  settings: { closesAt: string | null; invitedCount: number | null };
  questionSet: { sections: { questions: { id: string; text: string }[] }[] };
};

async function waveJson(page: Page, id: string): Promise<TWaveJson> {
  return (await page.request.get(`/api/v1/waves/${id}`)).json();
}
const questionIds = (wave: TWaveJson) => wave.questionSet.sections.flatMap((s) => s.questions.map((q) => q.id));

/** A draft from the 2012 template, made in the UI; its page is open. */
async function draftFromTemplate(page: Page): Promise<string> {
  await page.getByLabel('Namn på enkätserien').fill(`Säkerhet ${Date.now()}`);
  await page.getByRole('button', { name: 'Skapa enkätserie' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Utkast');
  return page.url().split('/').at(-1) ?? '';
}

/** Opens a confirmation with `open`, checks that it says what will happen, and cancels it (button or Escape). */
async function cancelConfirmation(page: Page, open: () => Promise<void>, title: string, how: 'button' | 'escape') {
  await open();
  const dialog = page.getByRole('dialog', { name: title });
  await expect(dialog).toBeVisible();
  if (how === 'button') await dialog.getByRole('button', { name: 'Avbryt' }).click();
  else await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
}

test('the overview shows each series’ waves with state, dates, answers and response rate', async ({ page }) => {
  await logIn(page, createAdministrator('analyst', 'overview'));
  const demo = page.getByRole('region', { name: 'Socialtjänstenkäten', exact: true });
  const wave2012 = demo.getByRole('row', { name: /^2012/ });
  await expect(wave2012).toContainText('Stängd');
  await expect(wave2012).toContainText('22 mars 2012 00:00 – 31 maj 2012 23:59');
  await expect(wave2012.getByRole('cell', { name: '185', exact: true })).toBeVisible();
  await expect(wave2012.getByRole('cell', { name: `28,9${NBSP}%`, exact: true })).toBeVisible();
  await expect(demo.getByRole('row', { name: /^2026/ })).toContainText('Utkast');
});

test('publishing and closing ask first; cancelling changes nothing', async ({ page }) => {
  await logIn(page, createAdministrator('editor', 'cancel-wave'));
  const draftId = await draftFromTemplate(page);
  await page.getByLabel('Öppnar (svensk tid)').fill('2026-01-01 08:00');
  await page.getByLabel('Stänger (svensk tid)').fill('2099-01-31 23:59');
  await page.getByRole('button', { name: 'Spara ändringar' }).click();
  await expect(page.getByRole('status')).toHaveText('Sparat.');
  const before = await waveJson(page, draftId);
  for (const how of ['button', 'escape'] as const) {
    await cancelConfirmation(
      page,
      () => page.getByRole('button', { name: 'Publicera omgången' }).click(),
      'Publicera omgången?',
      how,
    );
  }
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Utkast');
  expect(await waveJson(page, draftId)).toEqual(before);

  const open = await openWaveFrom2012Template(page);
  await page.goto(`/admin/waves/${open.id}`);
  const openBefore = await waveJson(page, open.id);
  await cancelConfirmation(
    page,
    () => page.getByRole('button', { name: 'Stäng omgången' }).click(),
    'Stäng omgången?',
    'button',
  );
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Publicerad');
  expect(await waveJson(page, open.id)).toEqual(openBefore);
});

test('revoking codes asks first; cancelling revokes nothing', async ({ page }) => {
  await logIn(page, createAdministrator('editor', 'cancel-codes'));
  const wave = await openWaveFrom2012Template(page);
  const [code] = await issueCodes(page, wave.id, 3);
  await page.goto(`/admin/waves/${wave.id}`);
  const panel = page.getByRole('region', { name: 'Inbjudningskoder' });
  await cancelConfirmation(
    page,
    () => panel.getByRole('button', { name: 'Återkalla oanvända' }).click(),
    'Återkalla oanvända koder?',
    'button',
  );
  await panel.getByLabel('Återkalla en kod').fill(code ?? '');
  await cancelConfirmation(
    page,
    () => panel.getByRole('button', { name: 'Återkalla', exact: true }).click(),
    'Återkalla koden?',
    'escape',
  );
  const summary = await (await page.request.get(`/api/v1/waves/${wave.id}/codes`)).json();
  expect(summary).toMatchObject({ issued: 3, revoked: 0 });
  await expect(panel.getByText('Utfärdade: 3')).toBeVisible();
});

test('changing a role, disabling and a new login link ask first; cancelling changes nothing', async ({
  page,
  owner,
}) => {
  const editor = createAdministrator('editor', 'cancel-role');
  await logIn(page, owner);
  await page.goto('/admin/administrators');
  const listBefore = await (await page.request.get('/api/v1/admin/administrators')).json();
  const row = page.getByRole('row', { name: new RegExp(editor.email) });
  const role = row.getByRole('combobox');
  await cancelConfirmation(
    page,
    async () => {
      await role.selectOption('analyst');
    },
    'Byta roll?',
    'button',
  );
  await expect(role).toHaveValue('editor');
  await cancelConfirmation(
    page,
    () => row.getByRole('button', { name: /^Stäng av/ }).click(),
    'Stänga av administratören?',
    'escape',
  );
  await cancelConfirmation(
    page,
    () => row.getByRole('button', { name: /^Ny inloggningslänk/ }).click(),
    'Skapa en ny inloggningslänk?',
    'button',
  );
  await expect(page.getByTestId('setup-link')).toHaveCount(0);
  expect(await (await page.request.get('/api/v1/admin/administrators')).json()).toEqual(listBefore);

  // Confirmed, the role does change.
  await role.selectOption('analyst');
  await page.getByRole('dialog', { name: 'Byta roll?' }).getByRole('button', { name: 'Byt roll' }).click();
  await expect(role).toHaveValue('analyst');
});

test('a deleted question comes back with undo, and publishing saves pending edits first', async ({ page }) => {
  await logIn(page, createAdministrator('editor', 'undo'));
  const waveId = await draftFromTemplate(page);
  const before = await waveJson(page, waveId);
  // A long set folds to its parts' headings, and back.
  await page.getByRole('button', { name: 'Fäll ihop alla delar' }).click();
  await expect(page.locator('[data-question-id="q1"]').getByLabel('Frågetext')).toBeHidden();
  await expect(page.getByRole('heading', { name: /^Del 1: Ekonomiska .+ \(6 frågor\)$/ })).toBeVisible();
  await page.getByRole('button', { name: 'Fäll ut alla delar' }).click();
  const q2 = page.locator('[data-question-id="q2"]');
  const q2Text = await q2.getByLabel('Frågetext').inputValue();
  await q2.getByRole('button', { name: 'Ta bort fråga' }).click();
  await expect(page.locator('[data-question-id="q2"]')).toHaveCount(0);
  await expect(page.getByText('Osparade ändringar')).toBeVisible();
  await page.getByRole('button', { name: 'Ångra' }).click();
  await expect(q2.getByLabel('Frågetext')).toHaveValue(q2Text);
  const order = await page
    .locator('[data-question-id]')
    .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-question-id')));
  expect(order).toEqual(questionIds(before));
  await expect(page.getByText('Alla ändringar är sparade.')).toBeVisible();

  // An edit left unsaved is saved by publishing, after the confirmation says so.
  await page.locator('[data-question-id="q1"]').getByLabel('Frågetext').fill('Har du blivit mer restriktiv?');
  await page.getByLabel('Öppnar (svensk tid)').fill('2026-01-01 08:00');
  await page.getByLabel('Stänger (svensk tid)').fill('2099-01-31 23:59');
  await page.getByRole('button', { name: 'Publicera omgången' }).click();
  const dialog = page.getByRole('dialog', { name: 'Publicera omgången?' });
  await expect(dialog).toContainText('Dina osparade ändringar sparas först.');
  await dialog.getByRole('button', { name: 'Publicera omgången' }).click();
  await expect(page.getByRole('status')).toHaveText('Omgången är publicerad.');
  const published = await waveJson(page, waveId);
  expect(published.state).toBe('open');
  expect(published.questionSet.sections[0]?.questions[0]?.text).toBe('Har du blivit mer restriktiv?');
});

test('an open wave’s closing time and number invited can be corrected; its questions stay frozen', async ({ page }) => {
  await logIn(page, createAdministrator('editor', 'correct'));
  const wave = await openWaveFrom2012Template(page);
  await page.goto(`/admin/waves/${wave.id}`);
  await expect(page.getByLabel('Målgrupp')).toBeDisabled();
  await page.getByLabel('Stänger (svensk tid)').fill('2099-06-30 16:00');
  await page.getByLabel('Antal inbjudna').fill('652');
  await page.getByRole('button', { name: 'Spara ändringar' }).click();
  await expect(page.getByRole('status')).toHaveText('Sparat.');
  const corrected = await waveJson(page, wave.id);
  expect(corrected.settings).toMatchObject({ closesAt: '2099-06-30T14:00:00.000Z', invitedCount: 652 });
  await page.getByLabel('Stänger (svensk tid)').fill('30/06/2099');
  await expect(page.getByText('Skriv datum och tid som 2026-12-01 08:00.')).toBeVisible();
});

test('an option of a multiple choice question can be marked as excluding the others', async ({ page }) => {
  await logIn(page, createAdministrator('editor', 'exclusive'));
  const waveId = await draftFromTemplate(page);
  const q1 = page.locator('[data-question-id="q1"]');
  await q1.getByLabel('Frågetyp').selectOption('multiple_choice');
  await q1.getByLabel('Alternativ 2', { exact: true }).fill('Inget av dessa');
  await q1.getByLabel('Kan inte väljas med andra: Inget av dessa').check();
  await page.getByRole('button', { name: 'Spara ändringar' }).click();
  await expect(page.getByRole('status')).toHaveText('Sparat.');
  const saved = (await (await page.request.get(`/api/v1/waves/${waveId}`)).json()) as {
    questionSet: { sections: { questions: { id: string; options: { label: string; exclusive?: boolean }[] }[] }[] };
  };
  const options = saved.questionSet.sections[0]?.questions[0]?.options;
  expect(options?.map((o) => [o.label, o.exclusive ?? false])).toEqual([
    ['Alternativ 1', false],
    ['Inget av dessa', true],
  ]);
});
