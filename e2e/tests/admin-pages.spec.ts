import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { MESSAGES } from '../../apps/web/src/lib/messages';
import { expect, logIn, test } from '../fixtures';

type TLanguage = keyof typeof MESSAGES;
type TAdminPage = { name: string; path: string; loggedIn: boolean };

/** Every admin page, on the 2012 demo (closed, with results) and its 2026 draft. */
async function adminPages(page: Page): Promise<TAdminPage[]> {
  const { series } = await (await page.request.get('/api/v1/overview')).json();
  const demo = series.find((s: { name: string }) => s.name === 'Socialtjänstenkäten');
  const byName = (name: string) => demo.waves.find((w: { name: string }) => w.name === name).id as string;
  const wave2012 = byName('2012');
  const wave = await (await page.request.get(`/api/v1/waves/${wave2012}`)).json();
  const background = wave.questionSet.sections
    .flatMap((s: { questions: { id: string; type: string }[] }) => s.questions)
    .find((q: { type: string }) => q.type === 'background').id;
  const inside = (name: string, path: string) => ({ name, path, loggedIn: true });
  return [
    inside('overview', '/admin'),
    inside('series', `/admin/series/${demo.id}`),
    inside('trend', `/admin/series/${demo.id}/trend`),
    inside('closed wave', `/admin/waves/${wave2012}`),
    inside('draft wave', `/admin/waves/${byName('2026')}`),
    inside('results', `/admin/waves/${wave2012}/results`),
    inside('breakdown', `/admin/waves/${wave2012}/results?breakdown=${background}`),
    inside('administrators', '/admin/administrators'),
    inside('audit log', '/admin/audit'),
    inside('password', '/admin/password'),
    inside('unknown wave', '/admin/waves/00000000-0000-4000-8000-000000000000'),
    { name: 'unknown address', path: '/admin/no-such-page', loggedIn: true },
    { name: 'login', path: '/admin/login', loggedIn: false },
    { name: 'setup', path: '/admin/setup', loggedIn: false },
  ];
}

/**
 * The other language's interface messages as patterns: whole words only, placeholders left
 * out, and none that both languages spell alike ("Status", "Administration"). On English pages
 * single Swedish words are left out too: survey content (the 2012 demo is Swedish) may use them.
 */
function foreignMessages(language: TLanguage): { key: string; pattern: RegExp }[] {
  const other: TLanguage = language === 'sv' ? 'en' : 'sv';
  const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return Object.entries(MESSAGES[other]).flatMap(([key, text]) => {
    const own = MESSAGES[language][key as keyof (typeof MESSAGES)['sv']];
    // The language switch names the other language on purpose.
    if (key === 'language' || text === own) return [];
    const longest = text
      .split(/\{\w+\}/)
      .map((part) => part.trim())
      .sort((a, b) => b.length - a.length)[0];
    if (!longest || longest.length < 4 || (language === 'en' && !longest.includes(' '))) return [];
    return [{ key, pattern: new RegExp(`(?<![\\p{L}\\p{N}])${literal(longest)}(?![\\p{L}\\p{N}])`, 'u') }];
  });
}

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
}

for (const language of ['sv', 'en'] as const) {
  test(`every admin page in ${language === 'sv' ? 'Swedish' : 'English'} speaks only that language and passes axe`, async ({
    page,
    owner,
  }) => {
    test.setTimeout(180_000);
    await logIn(page, owner);
    const origin = new URL(page.url()).origin;
    await page.context().addCookies([{ name: 'enkat_lang', value: language, url: `${origin}/admin` }]);
    const foreign = foreignMessages(language);
    for (const adminPage of await adminPages(page)) {
      await test.step(adminPage.name, async () => {
        await page.goto(adminPage.path);
        await expect(page.locator('h1')).toBeVisible();
        await expect(page.locator('html')).toHaveAttribute('lang', language);
        // What a person reads of the interface: survey content, e-mail addresses and names left out.
        const text = (
          await page.evaluate(() => {
            const body = document.body.cloneNode(true) as HTMLElement;
            body.querySelectorAll('[data-survey-content]').forEach((content) => {
              content.remove();
            });
            document.documentElement.append(body);
            body.style.position = 'absolute';
            // biome-ignore lint/performance/useDomNodeTextContent: the rendered text, not hidden or script text.
            const read = body.innerText;
            body.remove();
            return read;
          })
        )
          .replace(/\S+@\S+/g, '')
          .replaceAll('E2E owner', '');
        const found = foreign.filter(({ pattern }) => pattern.test(text)).map(({ key }) => key);
        expect(found, `${adminPage.name}: messages of the other language`).toEqual([]);
        await expectAccessible(page);
      });
    }
  });
}

test('a confirmation dialog and the unsaved state pass axe too', async ({ page, owner }) => {
  await logIn(page, owner);
  const pages = await adminPages(page);
  await page.goto(pages.find((p) => p.name === 'draft wave')?.path ?? '');
  await page.locator('[data-question-id="q1"]').getByLabel('Frågetext').fill('Ändrad fråga');
  await expect(page.getByText('Osparade ändringar')).toBeVisible();
  await page.getByRole('button', { name: 'Publicera omgången' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('dialog').getByRole('button', { name: 'Avbryt' }).click();
});
