import { createAdministrator, expect, test } from '../fixtures';

// Two clients on this one machine: IPv4 and IPv6 loopback reach the web app from different addresses.
const port = process.env.E2E_WEB_PORT;
const fromV4 = `http://127.0.0.1:${port}`;
const fromV6 = `http://[::1]:${port}`;
const sameOrigin = { origin: `http://localhost:${port}` };

test('failed logins from one client, however it dresses up its address, do not stop the administrator on another', async ({
  request,
}) => {
  const admin = createAdministrator('owner', 'throttled');
  for (let i = 0; i < 12; i++) {
    const response = await request.post(`${fromV4}/api/v1/auth/login`, {
      headers: {
        ...sameOrigin,
        'x-forwarded-for': `10.0.0.${i}`,
        'x-enkat-client-address': `10.1.0.${i}`,
        'x-enkat-peer-address': `10.2.0.${i}`,
        'x-enkat-proxy-secret': 'a guess at the shared secret, long enough',
      },
      data: { email: admin.email, password: 'wrong password, again' },
    });
    expect(response.status()).toBe(i < 10 ? 401 : 429);
  }
  const stillBlocked = await request.post(`${fromV4}/api/v1/auth/login`, {
    headers: { ...sameOrigin, 'x-forwarded-for': '10.9.9.9' },
    data: admin,
  });
  expect(stillBlocked.status()).toBe(429);
  expect(stillBlocked.headers()['content-type']).toContain('application/problem+json');

  const elsewhere = await request.post(`${fromV6}/api/v1/auth/login`, { headers: sameOrigin, data: admin });
  expect(elsewhere.status()).toBe(200);
});

test('a body over the limit gets 413 problem+json through the web app, however large', async ({ request }) => {
  for (const megabytes of [2, 11, 40]) {
    const response = await request.post('/api/v1/auth/login', {
      headers: { ...sameOrigin, 'content-type': 'application/json' },
      data: JSON.stringify({ email: 'x@example.org', password: 'p'.repeat(megabytes * 1024 * 1024) }),
    });
    expect(response.status(), `${megabytes} MB`).toBe(413);
    expect(response.headers()['content-type']).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 413, code: 'payload_too_large' });
  }
});

test('a request from another site is refused with a message that says so, in Swedish on the login page', async ({
  page,
  request,
}) => {
  const refused = await request.post('/api/v1/auth/login', {
    headers: { origin: 'https://evil.example' },
    data: { email: 'x@example.org', password: 'whatever' },
  });
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toMatchObject({ reason: 'cross_origin', detail: expect.stringContaining('forgery') });

  // The login page, handed the API's real answer to a request from another site, explains it.
  await page.route('**/api/v1/auth/login', async (route) => {
    const headers = { ...route.request().headers(), origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' };
    await route.fulfill({ response: await route.fetch({ headers }) });
  });
  await page.goto('/admin/login');
  await page.getByLabel('E-postadress').fill('x@example.org');
  await page.getByLabel('Lösenord').fill('whatever password');
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.locator('.error-box')).toContainText('möjlig förfalskad begäran från en annan webbplats');
});
