// Admin page benchmark: starts the platform as `npm start` does (production build, a throwaway
// database with the 2012 demo), logs in as an owner in headless Chromium, and times each admin
// page from navigation (or the click that triggers it) until its data is on screen, in one tab
// as an administrator moves between pages. Pages are measured in interleaved rounds, so a slow
// moment of a busy machine spreads over all of them; the first round warms up and is not counted. Prints a markdown table of medians in ms:
// - ready: until the page's own content is visible (what an administrator waits for);
// - web: the web server's answer to the page request (document response end), API time included;
// - API: the same data fetched straight from the API with the same session.
//
//   node scripts/bench/admin-pages.mjs          (BENCH_ROUNDS=7, BENCH_WEB_PORT=3200 and the next port for the API)
//
// BENCH_COMPARE_ROOT=<another built checkout> also starts that checkout (on the next two ports)
// and measures both in the same interleaved rounds, for a before/after table on a busy machine.
//
// Needs a build (`npm run build`) and Chromium (see e2e/browser.ts for how it is found).

import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startThrowawayDatabase } from '@enkat/db/testing';
import { startPlatform } from '@enkat/runner';
import { chromium } from 'playwright';
import { median, ROOT, writeBenchSection } from './lib.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const WEB_PORT = Number(process.env.BENCH_WEB_PORT ?? 3200);
const PASSWORD = 'bench password that is long';
const EMAIL = `bench-${process.pid}@example.org`;
const log = (/** @type {string} */ line) => process.stderr.write(`bench: ${line}\n`);

/** @typedef {import('playwright').Page} Page */
/** @typedef {import('playwright').APIRequestContext} APIRequestContext */
/** @typedef {import('playwright').APIResponse} APIResponse */
/**
 * @typedef {object} TPage
 * @property {string} name
 * @property {string} [path]
 * @property {boolean} [login]
 * @property {string} ready a selector that is visible once the page's own data is on screen
 * @property {string[]} api the API calls behind the page
 * @property {(page: Page) => Promise<number>} [action] a timed action on the ready page
 */
/** @typedef {{ seriesId: string, waveId: string, backgroundId: string, openWaveId: string }} TFixtures */

function chromiumPath() {
  if (process.env.PLAYWRIGHT_CHROMIUM_PATH) return process.env.PLAYWRIGHT_CHROMIUM_PATH;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

/**
 * A request again when the connection was reset: on a busy machine the web server's forwarding
 * to the API now and then drops a kept-alive connection, which says nothing about a page.
 * @template T
 * @param {() => Promise<T>} send
 * @returns {Promise<T>}
 */
async function retried(send) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await send();
    } catch (error) {
      if (attempt === 3 || !String(error).includes('ECONNRESET')) throw error;
    }
  }
}

/**
 * The owner, made by the checkout's own command (its database has that checkout's columns).
 * @param {string} rootDir
 * @param {string} databaseUrl
 */
function createOwner(rootDir, databaseUrl) {
  const result = spawnSync(
    process.execPath,
    ['apps/api/dist/cli/admin-create.js', '--email', EMAIL, '--name', 'Bench', '--role', 'owner', '--password-stdin'],
    { cwd: rootDir, input: PASSWORD, encoding: 'utf8', env: { ...process.env, DATABASE_URL: databaseUrl } },
  );
  if (result.status !== 0) throw new Error(`admin:create failed: ${result.stderr}`);
}

/**
 * The 2012 demo wave, a background question to break down by, and an open wave to issue codes on.
 * @param {APIRequestContext} request
 * @param {string} baseUrl
 * @returns {Promise<TFixtures>}
 */
async function prepare(request, baseUrl) {
  const headers = { origin: baseUrl };
  /** @param {APIResponse} response @returns {Promise<any>} */
  const json = async (response) => {
    if (!response.ok()) throw new Error(`${response.url()}: ${response.status()} ${await response.text()}`);
    return response.json();
  };
  const { series } = await json(await retried(() => request.get('/api/v1/series')));
  const demo = series.find((/** @type {{ id: string, name: string }} */ s) => s.name.startsWith('Socialtjänstenkäten'));
  if (!demo) throw new Error('the 2012 demo series is missing');
  const detail = await json(await retried(() => request.get(`/api/v1/series/${demo.id}`)));
  const wave2012 = detail.waves.find((/** @type {{ name: string }} */ w) => w.name === '2012');
  const wave = await json(await retried(() => request.get(`/api/v1/waves/${wave2012.id}`)));
  const background = wave.questionSet.sections
    .flatMap((/** @type {{ questions: { id: string, type: string }[] }} */ s) => s.questions)
    .find((/** @type {{ type: string }} */ q) => q.type === 'background');

  let open = await json(
    await request.post('/api/v1/series', {
      headers,
      data: {
        name: `Bänk ${Date.now()}`,
        waveName: '2026',
        source: { kind: 'template', templateId: 'socialtjanst-2012' },
      },
    }),
  );
  const hour = 3_600_000;
  open = await json(
    await request.put(`/api/v1/waves/${open.id}/settings`, {
      headers,
      data: {
        revision: open.revision,
        settings: {
          ...open.settings,
          accessMode: 'codes',
          invitedCount: 640,
          // Published but not yet answering: codes may be issued (later ones are refused, code-padding.ts).
          opensAt: new Date(Date.now() + hour).toISOString(),
          closesAt: new Date(Date.now() + 48 * hour).toISOString(),
        },
      },
    }),
  );
  await json(await request.post(`/api/v1/waves/${open.id}/publish`, { headers, data: { revision: open.revision } }));
  return { seriesId: demo.id, waveId: wave2012.id, backgroundId: background.id, openWaveId: open.id };
}

/**
 * What each page waits for, and the API calls that feed it.
 * @param {TFixtures} fixtures
 * @returns {TPage[]}
 */
function pagesOf({ seriesId, waveId, backgroundId, openWaveId }) {
  const seriesLink = 'main a[href^="/admin/series/"]';
  return [
    { name: 'login → dashboard', login: true, ready: seriesLink, api: ['/api/v1/auth/me', '/api/v1/series'] },
    {
      name: 'wave page',
      path: `/admin/waves/${waveId}`,
      ready: 'main h1 >> text=2012',
      api: [`/api/v1/waves/${waveId}`, `/api/v1/waves/${waveId}/codes`],
    },
    {
      name: 'results',
      path: `/admin/waves/${waveId}/results`,
      ready: '.question-result table',
      api: [`/api/v1/waves/${waveId}/results?lang=sv`],
    },
    {
      name: 'breakdown',
      path: `/admin/waves/${waveId}/results?breakdown=${backgroundId}`,
      ready: '.question-result table',
      api: [`/api/v1/waves/${waveId}/results?lang=sv&breakdown=${backgroundId}`],
    },
    {
      name: 'issuing codes',
      path: `/admin/waves/${openWaveId}`,
      ready: '#code-count',
      action: async (/** @type {Page} */ page) => {
        await page.fill('#code-count', '100');
        const started = performance.now();
        await page.click('button:has-text("Skapa koder")');
        await page.waitForSelector('.code-sheet li', { state: 'visible' });
        return performance.now() - started;
      },
      api: [],
    },
    {
      name: 'series',
      path: `/admin/series/${seriesId}`,
      ready: `main a[href="/admin/waves/${waveId}"]`,
      api: [`/api/v1/series/${seriesId}`],
    },
    {
      name: 'trend',
      path: `/admin/series/${seriesId}/trend`,
      ready: '.question-result table',
      api: [`/api/v1/series/${seriesId}/trend?lang=sv`],
    },
  ];
}

/**
 * One page in the target's own tab, as an administrator moves from page to page (a fresh tab
 * would time the start of a renderer process, not the page); sign-in in a tab of its own,
 * signed out before each round.
 * @param {Awaited<ReturnType<typeof startTarget>>} target
 * @param {TPage} page
 */
async function measure(target, page) {
  const { baseUrl, context, tab } = target;
  let ready;
  let web = Number.NaN;
  if (page.login) {
    const { loginTab } = target;
    await loginTab.context().clearCookies();
    await loginTab.goto(`${baseUrl}/admin/login`);
    await loginTab.fill('#email', EMAIL);
    await loginTab.fill('#password', PASSWORD);
    const started = performance.now();
    await loginTab.click('button[type="submit"]');
    await loginTab.waitForSelector(page.ready, { state: 'visible' });
    ready = performance.now() - started;
  } else {
    await tab.goto('about:blank');
    const started = performance.now();
    await tab.goto(`${baseUrl}${page.path}`, { waitUntil: 'commit' });
    await tab.waitForSelector(page.ready, { state: 'visible' });
    ready = performance.now() - started;
    web = Number(
      await tab.evaluate(
        '(() => { const [e] = performance.getEntriesByType("navigation"); return e ? e.responseEnd - e.requestStart : NaN; })()',
      ),
    );
    // An action waits for the page's scripts: a click before they run would time the scripts, not the action.
    if (page.action) {
      await tab.waitForLoadState('load');
      ready = await page.action(tab);
    }
  }
  let api = 0;
  for (const path of page.api) {
    const started = performance.now();
    const response = await retried(() => context.request.get(`${baseUrl}${path}`));
    if (!response.ok()) throw new Error(`${path}: ${response.status()}`);
    await response.body();
    api += performance.now() - started;
  }
  return { ready, web, api: page.api.length ? api : Number.NaN };
}

/**
 * One checkout under test: its own database and platform, an owner logged in, its fixtures.
 * @param {string} rootDir
 * @param {number} webPort
 * @param {import('playwright').Browser} browser
 */
async function startTarget(rootDir, webPort, browser) {
  const database = await startThrowawayDatabase({ rootDir, serverUrl: process.env.DATABASE_URL || undefined });
  const platform = await startPlatform({
    rootDir,
    database: { url: database.url },
    webPort,
    apiPort: webPort + 1,
    seed: true,
    secret: randomBytes(32).toString('base64'),
    // The apps' own output would mix with the table on standard output.
    logDir: mkdtempSync(join(tmpdir(), 'enkat-bench-')),
  }).catch(async (error) => {
    await database.stop();
    throw error;
  });
  const stop = async () => {
    await platform.stop();
    await database.stop();
  };
  try {
    createOwner(rootDir, database.url);
    const baseUrl = `http://localhost:${webPort}`;
    const context = await browser.newContext({ baseURL: baseUrl, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
    const login = await context.request.post('/api/v1/auth/login', {
      headers: { origin: baseUrl },
      data: { email: EMAIL, password: PASSWORD },
    });
    if (!login.ok()) throw new Error(`login failed: ${login.status()}`);
    const pages = pagesOf(await prepare(context.request, baseUrl));
    const tab = await context.newPage();
    const loginContext = await browser.newContext({
      baseURL: baseUrl,
      locale: 'sv-SE',
      timezoneId: 'Europe/Stockholm',
    });
    const loginTab = await loginContext.newPage();
    /** @type {Map<string, {ready: number[], web: number[], api: number[]}>} */
    const times = new Map(pages.map((p) => [p.name, { ready: [], web: [], api: [] }]));
    return { rootDir, baseUrl, context, tab, loginTab, pages, times, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu'] });
/** @type {Awaited<ReturnType<typeof startTarget>>[]} */
const targets = [];
try {
  const roots = [ROOT, ...(process.env.BENCH_COMPARE_ROOT ? [process.env.BENCH_COMPARE_ROOT] : [])];
  for (const [index, rootDir] of roots.entries()) {
    log(`starting ${rootDir} with the 2012 demo`);
    targets.push(await startTarget(rootDir, WEB_PORT + 2 * index, browser));
  }
  for (let round = 0; round <= ROUNDS; round += 1) {
    log(round === 0 ? 'warming up' : `round ${round} of ${ROUNDS}`);
    for (const [index, page] of (targets[0]?.pages ?? []).entries()) {
      for (const target of targets) {
        const result = await measure(target, target.pages[index] ?? page);
        if (round === 0) continue;
        const row = target.times.get(page.name);
        for (const key of /** @type {const} */ (['ready', 'web', 'api'])) row?.[key].push(result[key]);
      }
    }
  }
  const cell = (/** @type {number[]} */ values) =>
    values.some(Number.isNaN) ? '–' : String(Math.round(median(values)));
  for (const target of targets) {
    const lines = [
      `| page | ready (ms) | web server (ms) | API (ms) |`,
      `| --- | ---: | ---: | ---: |`,
      ...target.pages.map((p) => {
        const t = target.times.get(p.name) ?? { ready: [], web: [], api: [] };
        return `| ${p.name} | ${cell(t.ready)} | ${cell(t.web)} | ${cell(t.api)} |`;
      }),
    ];
    process.stdout.write(
      `${target.rootDir}: admin pages, median of ${ROUNDS} interleaved rounds, 2012 demo loaded:\n\n${lines.join('\n')}\n\n`,
    );
  }
  // This checkout's table goes into docs/BENCHMARKS.md (a compared checkout only to the terminal).
  const own = targets[0];
  if (own) {
    const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
    const report = [
      '## Admin pages (`npm run bench`)',
      '',
      `- Date: ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}; ${cpus().length} cores, load average at the end ${load}; Node.js ${process.version}`,
      '',
      `Headless Chromium against the production build with the 2012 demo, logged in as an owner; median of ${ROUNDS} interleaved rounds after a warm-up. "Ready": until the page's own content is visible; "web server": the page request's answer (API time included); "API": the same data fetched straight from the API.`,
      '',
      '| page | ready (ms) | web server (ms) | API (ms) |',
      '| --- | ---: | ---: | ---: |',
      ...own.pages.map((p) => {
        const t = own.times.get(p.name) ?? { ready: [], web: [], api: [] };
        return `| ${p.name} | ${cell(t.ready)} | ${cell(t.web)} | ${cell(t.api)} |`;
      }),
    ].join('\n');
    await writeBenchSection(
      { start: '<!-- bench:admin-pages:start -->', end: '<!-- bench:admin-pages:end -->' },
      report,
      log,
    );
  }
} finally {
  await browser.close();
  for (const target of targets) await target.stop();
}
