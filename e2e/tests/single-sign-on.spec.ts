import { createAdministrator, expect, test } from '../fixtures';
import { SSO_ORGANISATION } from '../oidc-provider';

test('an administrator signs in through the organisation’s provider, and signing out offers the provider’s sign-out', async ({
  page,
}) => {
  const admin = createAdministrator('editor', 'sso');
  await page.goto('/admin/login');
  await page.getByRole('link', { name: `Logga in med ${SSO_ORGANISATION}` }).click();
  // The provider's own login and consent pages.
  await page.locator('input[name="login"]').fill(admin.email);
  await page.locator('input[name="password"]').fill('anything');
  await page.locator('button[type="submit"]').click();
  await page.locator('button[type="submit"]').click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Välkommen');
  await expect(page.getByText('(redaktör)')).toBeVisible();

  await page.getByRole('button', { name: 'Logga ut' }).click();
  await expect(page.getByRole('status')).toContainText('Du är utloggad.');
  await expect(page.getByRole('link', { name: `Logga ut även från ${SSO_ORGANISATION}` })).toHaveAttribute(
    'href',
    /\/session\/end\?/,
  );
});

test('a person the platform does not know is refused after the provider, with the reason', async ({ page }) => {
  await page.goto('/admin/login');
  await page.getByRole('link', { name: `Logga in med ${SSO_ORGANISATION}` }).click();
  await page.locator('input[name="login"]').fill(`nobody-${Date.now()}@example.org`);
  await page.locator('input[name="password"]').fill('anything');
  await page.locator('button[type="submit"]').click();
  await page.locator('button[type="submit"]').click();
  await expect(page.locator('.error-box')).toHaveText(
    'Det finns ingen administratör med din e-postadress. Be en ägare att lägga till dig.',
  );
  await expect(page).toHaveURL(/\/admin\/login\?sso=unknown$/);
});
