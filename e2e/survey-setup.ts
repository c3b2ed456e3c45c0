import { expect, type Page } from '@playwright/test';

export type TOpenWave = { id: string; slug: string; seriesName: string };

/**
 * An editor's setup through the API (their browser session): a series from the 2012 template
 * whose wave is published and open now. The browser tests then work on it as respondents.
 */
export async function openWaveFrom2012Template(
  page: Page,
  { accessMode = 'codes' as 'codes' | 'open_link', required = [] as string[] } = {},
): Promise<TOpenWave> {
  const origin = new URL(page.url()).origin;
  const headers = { origin };
  const seriesName = `Socialtjänstenkäten e2e ${Date.now()}`;
  const created = await page.request.post('/api/v1/series', {
    headers,
    data: { name: seriesName, waveName: '2026', source: { kind: 'template', templateId: 'socialtjanst-2012' } },
  });
  expect(created.status()).toBe(201);
  let wave = await created.json();
  if (required.length) {
    for (const section of wave.questionSet.sections)
      for (const question of section.questions) question.required = required.includes(question.id);
    const saved = await page.request.put(`/api/v1/waves/${wave.id}/question-set`, {
      headers,
      data: { revision: wave.revision, questionSet: wave.questionSet },
    });
    expect(saved.status()).toBe(200);
    wave = await saved.json();
  }
  const hour = 3_600_000;
  const settings = await page.request.put(`/api/v1/waves/${wave.id}/settings`, {
    headers,
    data: {
      revision: wave.revision,
      settings: {
        ...wave.settings,
        accessMode,
        invitedCount: 640,
        // These waves open an hour ago and then get their codes: allow codes once open.
        codesLockedWhenOpen: false,
        opensAt: new Date(Date.now() - hour).toISOString(),
        closesAt: new Date(Date.now() + 48 * hour).toISOString(),
      },
    },
  });
  expect(settings.status()).toBe(200);
  const published = await page.request.post(`/api/v1/waves/${wave.id}/publish`, {
    headers,
    data: { revision: (await settings.json()).revision },
  });
  expect(published.status()).toBe(200);
  return { id: wave.id, slug: (await published.json()).slug, seriesName };
}

export async function issueCodes(page: Page, waveId: string, count: number): Promise<string[]> {
  const response = await page.request.post(`/api/v1/waves/${waveId}/codes`, {
    headers: { origin: new URL(page.url()).origin },
    data: { count },
  });
  expect(response.status()).toBe(201);
  return (await response.json()).codes;
}
