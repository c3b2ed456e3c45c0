import { createAdministrator, expect, logIn, test } from '../fixtures';

test('an owner invites an analyst, who logs in and is refused what her role does not allow', async ({
  page,
  browser,
  owner,
}) => {
  await logIn(page, owner);
  await page.getByRole('link', { name: 'Administratörer' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Administratörer');
  const analystEmail = `analyst-${Date.now()}@example.org`;
  await page.getByLabel('Namn', { exact: true }).fill('Ann Analytiker');
  await page.getByLabel('E-postadress').fill(analystEmail);
  await page.getByLabel('Roll', { exact: true }).selectOption('analyst');
  await page.getByRole('button', { name: 'Bjud in' }).click();
  const setupLink = await page.getByTestId('setup-link').textContent();
  expect(setupLink).toContain('/admin/setup#');
  await expect(page.getByRole('row', { name: new RegExp(analystEmail) })).toContainText('Inbjuden');

  // The analyst, in a browser of her own, follows the one-time link and chooses a password.
  const analystContext = await browser.newContext();
  const analyst = await analystContext.newPage();
  await analyst.goto(setupLink ?? '');
  const newPassword = analyst.getByLabel('Nytt lösenord');
  const repeated = analyst.getByLabel('Upprepa lösenordet');
  await newPassword.fill('analyst password 2026');
  await repeated.fill('analyst password 2025');
  await analyst.getByRole('button', { name: 'Spara lösenordet' }).click();
  await expect(analyst.locator('#passwordConfirmation-error')).toHaveText(
    'Lösenorden är inte lika. Skriv samma lösenord i båda fälten.',
  );
  await expect(repeated).toBeFocused();
  // "Visa lösenord" shows both as typed, and hides them again.
  const show = analyst.getByRole('checkbox', { name: 'Visa lösenord' });
  await expect(show).toHaveAttribute('aria-controls', 'password passwordConfirmation');
  await show.check();
  await expect(newPassword).toHaveAttribute('type', 'text');
  await expect(repeated).toHaveAttribute('type', 'text');
  await show.uncheck();
  await expect(repeated).toHaveAttribute('type', 'password');
  await repeated.fill('analyst password 2026');
  await analyst.getByRole('button', { name: 'Spara lösenordet' }).click();
  await expect(analyst.getByRole('status')).toContainText('Klart');

  // The used link, opened again, says so and offers the way to log in, not a form that fails.
  await analyst.goto('/admin/login');
  await analyst.goto(setupLink ?? '');
  await expect(analyst.getByRole('alert').filter({ hasText: 'Länken' })).toHaveText(
    /^Länken är redan använd eller okänd/,
  );
  await expect(analyst.getByLabel('Nytt lösenord')).toHaveCount(0);
  await expect(analyst.getByRole('link', { name: 'Till inloggningen' })).toHaveAttribute('href', '/admin/login');
  await logIn(analyst, { email: analystEmail, password: 'analyst password 2026' });
  await expect(analyst.getByText('(analytiker)')).toBeVisible();

  // The UI offers her nothing she may not do: no survey to create (an editor's action), no
  // administrators to manage; and refuses the page if she goes there anyway...
  await expect(analyst.getByRole('heading', { name: 'Enkätserier' })).toBeVisible();
  await expect(analyst.getByRole('button', { name: 'Skapa enkätserie' })).toHaveCount(0);
  await expect(analyst.getByRole('link', { name: 'Administratörer' })).toHaveCount(0);
  await analyst.goto('/admin/administrators');
  await expect(analyst.getByRole('alert').filter({ hasText: 'Din roll' })).toHaveText('Din roll får inte göra detta.');

  // ...and so does the API, with her session.
  const origin = new URL(analyst.url()).origin;
  const createSeries = await analyst.request.post('/api/v1/series', {
    headers: { origin },
    data: { name: 'Analytikerns enkät' },
  });
  expect(createSeries.status()).toBe(403);
  expect((await createSeries.json()).code).toBe('forbidden');
  const invite = await analyst.request.post('/api/v1/admin/administrators', {
    headers: { origin },
    data: { email: 'sneaky@example.org', name: 'Sneaky', role: 'owner' },
  });
  expect(invite.status()).toBe(403);

  // The owner (an editor too) can create the series she could not.
  await page.getByRole('link', { name: 'Översikt' }).click();
  const seriesName = `Socialtjänstenkäten ${Date.now()}`;
  await page.getByLabel('Namn på enkätserien').fill(seriesName);
  await page.getByRole('button', { name: 'Skapa enkätserie' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(seriesName);

  // The owner sees what happened in the audit log.
  await page.getByRole('link', { name: 'Granskningslogg' }).click();
  await page.getByLabel('Händelse').selectOption('administrator_created');
  await page.getByRole('button', { name: 'Filtrera' }).click();
  await expect(page.getByRole('cell', { name: 'login', exact: true })).toHaveCount(0);
  const created = page.getByRole('row').filter({ hasText: analystEmail });
  await expect(created).toHaveCount(1);
  await expect(created).toContainText('Administratör inbjuden');
  await analystContext.close();
});

test('a wrong password is refused with a message, and English is available', async ({ page, owner }) => {
  await page.goto('/admin/login');
  await page.getByLabel('E-postadress').fill(owner.email);
  await page.getByLabel('Lösenord').fill('not the password');
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'lösenord' })).toHaveText(
    'Fel e-postadress eller lösenord, eller så är kontot avstängt.',
  );
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Log in');
});

test("changing one's password asks for it twice, and the repeated one must match", async ({ page }) => {
  const editor = createAdministrator('editor', 'password-change');
  await logIn(page, editor);
  await page.getByRole('link', { name: 'Byt lösenord' }).click();
  await page.getByLabel('Nuvarande lösenord').fill(editor.password);
  await page.getByLabel('Nytt lösenord').fill('a brand new password');
  await page.getByLabel('Upprepa lösenordet').fill('a brand new passw0rd');
  await page.getByRole('button', { name: 'Spara' }).click();
  await expect(page.locator('#newPasswordConfirmation-error')).toHaveText(
    'Lösenorden är inte lika. Skriv samma lösenord i båda fälten.',
  );
  await expect(page.getByRole('status').filter({ hasText: 'Lösenordet är bytt' })).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'Visa lösenord' }).check();
  await expect(page.getByLabel('Upprepa lösenordet')).toHaveAttribute('type', 'text');
  await page.getByLabel('Upprepa lösenordet').fill('a brand new password');
  await page.getByRole('button', { name: 'Spara' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Lösenordet är bytt' })).toBeVisible();
  await expect(page.locator('#newPasswordConfirmation-error')).toHaveCount(0);
});

test('admin pages carry a nonce-based Content-Security-Policy without unsafe-inline scripts', async ({ page }) => {
  const response = await page.goto('/admin/login');
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(response?.headers()['referrer-policy']).toBe('no-referrer');
  expect(response?.headers()['x-content-type-options']).toBe('nosniff');
  // The page works under that policy: the login form's script ran (client-side validation off, button enabled).
  await expect(page.getByRole('button', { name: 'Logga in' })).toBeEnabled();
});
