import { Secret, TOTP } from 'otpauth';
import { expect, test } from '../fixtures';

/** The code an authenticator app shows `steps` 30-second steps from now. */
const codeFor = (secret: string, steps = 0) =>
  TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: Date.now() + steps * 30_000 });

test('an administrator sets up two-step verification, then signs in with a code, and once with a recovery code', async ({
  page,
  browser,
  owner,
}) => {
  const fillLogin = async (target = page) => {
    await target.goto('/admin/login');
    await target.getByLabel('E-postadress').fill(owner.email);
    await target.getByLabel('Lösenord').fill(owner.password);
    await target.getByRole('button', { name: 'Logga in' }).click();
  };
  await fillLogin();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Välkommen');

  await page.getByRole('link', { name: 'Tvåstegsverifiering' }).click();
  await expect(page.getByText('Tvåstegsverifiering är inte på för ditt konto.')).toBeVisible();
  await page.getByLabel('Nuvarande lösenord').fill(owner.password);
  await page.getByRole('button', { name: 'Ställ in tvåstegsverifiering' }).click();
  await expect(page.getByRole('link', { name: 'Öppna i autentiseringsappen' })).toHaveAttribute(
    'href',
    /^otpauth:\/\/totp\//,
  );
  const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replaceAll(' ', '');
  await page.getByLabel('Kod från autentiseringsappen').fill('000000');
  await page.getByRole('button', { name: 'Slå på' }).click();
  await expect(page.locator('.field-error')).toBeVisible();
  await page.getByLabel('Kod från autentiseringsappen').fill(codeFor(secret));
  await page.getByRole('button', { name: 'Slå på' }).click();
  await expect(page.getByText('Tvåstegsverifiering är på för ditt konto.')).toBeVisible();
  const recoveryCodes = await page.getByTestId('recovery-codes').locator('code').allTextContents();
  expect(recoveryCodes).toHaveLength(10);
  await page.getByRole('button', { name: 'Logga ut' }).click();

  // The password alone is not enough: the page asks for the code.
  await fillLogin();
  await expect(page.locator('.error-box')).toHaveText('Skriv in koden från autentiseringsappen.');
  await page.getByLabel('Kod från autentiseringsappen').fill(codeFor(secret, 1));
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Välkommen');

  // Without the phone, in another browser: a recovery code, which works once.
  const context = await browser.newContext();
  const other = await context.newPage();
  await fillLogin(other);
  await other.getByRole('button', { name: 'Använd en reservkod i stället' }).click();
  await other.getByLabel('Reservkod').fill(recoveryCodes[0] ?? '');
  await other.getByRole('button', { name: 'Logga in' }).click();
  await expect(other.getByRole('heading', { level: 1 })).toContainText('Välkommen');
  await context.close();
});
