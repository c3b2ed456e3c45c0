import { createAdministrator, expect, logIn, test } from '../fixtures';
import { MAIL_DIR } from '../global-setup';
import { caughtMails } from '../mail-catcher';
import { openWaveFrom2012Template } from '../survey-setup';

test('an editor mails invitations from a list with bad lines, and a respondent answers from the mailed link', async ({
  page,
  browser,
}) => {
  const editor = createAdministrator('editor', 'mailing');
  await logIn(page, editor);
  const wave = await openWaveFrom2012Template(page);
  await page.goto(`/admin/waves/${wave.id}`);
  const panel = page.getByRole('region', { name: 'E-postutskick' });

  await panel.getByRole('radio', { name: /Spårat/ }).check();
  await panel.getByRole('button', { name: 'Välj läge' }).click();
  await expect(panel.getByText('Mottagare i listan: 0')).toBeVisible();

  const domain = `e2e-${Date.now()}.example.org`;
  const addresses = ['anna', 'bertil', 'cecilia'].map((name) => `${name}@${domain}`);
  await panel
    .getByLabel('Eller klistra in adresser')
    .fill(
      [addresses[0], 'inte en adress', addresses[1], addresses[0]?.toUpperCase(), 'dora@', addresses[2]].join('\n'),
    );
  await panel.getByRole('button', { name: 'Läs in listan' }).click();
  await expect(panel.getByText('Godkända: 3 · Dubbletter: 1 · Avvisade rader: 2')).toBeVisible();
  const rejected = panel.getByRole('table', { name: 'Avvisade rader' });
  await expect(rejected.getByRole('row')).toHaveCount(3);
  await expect(rejected.getByRole('row', { name: /2 inte en adress saknar @/ })).toBeVisible();
  await expect(rejected.getByRole('row', { name: /5 dora@ ogiltig e-postadress/ })).toBeVisible();

  await panel.getByRole('button', { name: 'Förhandsgranska: Inbjudan' }).click();
  await expect(panel.getByText(`/s/${wave.slug}#kod=XXXX-XXXX-XXXX`)).toBeVisible();
  await panel.getByRole('button', { name: 'Skicka ett provbrev till mig' }).click();
  await expect(panel.getByText(`Provbrevet är skickat till ${editor.email}`)).toBeVisible();
  await expect.poll(() => caughtMails(MAIL_DIR).filter((m) => m.to === editor.email).length).toBe(1);

  await panel.getByRole('button', { name: 'Planera inbjudan' }).click();
  await expect(panel.getByText('Utskicket är planerat.', { exact: true })).toBeVisible();
  const sends = panel.getByRole('table', { name: 'Utskick' });
  await expect(sends.getByRole('row', { name: /Inbjudan .* klart 3 3 0/ })).toBeVisible({ timeout: 30_000 });
  await expect(panel.getByText('Läget är låst: det första utskicket är planerat.')).toBeVisible();

  const invitation = caughtMails(MAIL_DIR).find((m) => m.to === addresses[1]);
  const link = /https?:\/\/\S+#kod=[A-Z0-9-]+/.exec(invitation?.body ?? '')?.[0];
  expect(link).toBeTruthy();
  const code = link?.split('#kod=')[1] ?? '';

  const respondent = await browser.newPage();
  await respondent.goto(link ?? '');
  await expect(respondent.getByLabel('Din kod')).toHaveValue(code);
  await expect(respondent.getByText('plattformen vet vem som har deltagit, aldrig vad någon svarade')).toBeVisible();
  await respondent.getByRole('button', { name: 'Börja' }).click();
  await respondent
    .getByRole('group', { name: /tryck på att bli mer restriktiv/ })
    .getByRole('radio', { name: 'Ja' })
    .check();
  const review = respondent.getByRole('button', { name: 'Granska svaren' });
  for (let step = 0; step < 4 && !(await review.isVisible()); step++) {
    await respondent.getByRole('button', { name: 'Nästa' }).click();
  }
  await review.click();
  await respondent.getByRole('button', { name: 'Skicka svaren' }).click();
  await expect(respondent.getByRole('heading', { name: 'Tack för dina svar!' })).toBeVisible();
  await respondent.close();

  await page.reload();
  await expect(panel.getByText('Har svarat (enligt deltagarregistret): 1')).toBeVisible();
});
