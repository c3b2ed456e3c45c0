import { randomInt } from 'node:crypto';
import { expect } from 'vitest';
import { hashCode } from '../../src/answering/invitation-codes.js';
import { buildTestApp, createAdmin, login, resetDatabase, type TTestApp } from '../helpers.js';
import { ANSWERS_2012, closeWaveNow, issueCodes, publishedWave, submit } from '../survey-helpers.js';
import type { TFileHolder } from './file-holder.js';

/** An issued code as its holder knows it, with the id and hash its `invitation_code` row carries. */
export type TKnownCode = {
  display: string;
  normalized: string;
  /** SHA-256 hex, as stored in invitation_code.code_hash. */
  hash: string;
  id: string;
};

/** One accepted submission, in the order they were sent, with the moments around the request. */
export type TCodeUse = {
  /** 0-based position in the order of use. */
  rank: number;
  code: TKnownCode;
  /** A unique mark in the free-text answer: the test's ground truth, never used by the attacks. */
  mark: string;
  startedAt: number;
  endedAt: number;
};

/** A response of the wave as stored after closing, and (ground truth) the use that sent it. */
export type TStoredResponse = { id: string; truth: TCodeUse };

export type TCodedRun = {
  t: TTestApp;
  waveId: string;
  minGroup: number;
  /** Every issued code of the wave (a few stay unused). */
  codes: TKnownCode[];
  uses: TCodeUse[];
  responses: TStoredResponse[];
  /** Log lines the API wrote while the submissions were sent (before the close). */
  logLinesDuringSubmissions: string[];
};

export const SUBMISSIONS = 30;
export const MIN_GROUP = 5;
const SUBMIT_ROUTE = '/api/v1/respond/:slug/responses';

export { SUBMIT_ROUTE };

/**
 * The scenario every file-level attack starts from, driven only through the public API: a
 * published wave with a minimum group of 5, 32 codes issued, 30 of them used one after another
 * (in an order unrelated to the order of issue), then the wave closed. Each answer set carries
 * a unique mark in its free text (q7) so the test knows which response each code sent; the
 * attacks themselves never read it, they only have their guesses checked against it.
 */
export async function codedRun({
  submissions = SUBMISSIONS,
  minGroup = MIN_GROUP,
}: {
  submissions?: number;
  minGroup?: number;
} = {}): Promise<TCodedRun> {
  const t = await buildTestApp();
  await resetDatabase(t.db);
  const cookie = await login(t.app, (await createAdmin(t.db, 'editor')).email);
  const wave = await publishedWave(t.app, cookie, { settings: { minGroupSize: minGroup } });
  const slug = wave.slug ?? '';
  const issued = (await issueCodes(t.app, cookie, wave.id, submissions + 2)).codes;

  const order = shuffled(issued.slice(0, submissions));
  const logStart = t.logLines().length;
  const used: Omit<TCodeUse, 'code'>[] = [];
  const usedCodes: string[] = [];
  for (const [rank, display] of order.entries()) {
    const mark = `[svar-${String(rank).padStart(3, '0')}-${randomInt(1e9)}]`;
    const startedAt = Date.now();
    const response = await submit(t.app, slug, { code: display, answers: { ...ANSWERS_2012, q7: `Svar ${mark}` } });
    const endedAt = Date.now();
    expect(response.statusCode, response.body).toBeGreaterThanOrEqual(200);
    expect(response.statusCode, response.body).toBeLessThan(300);
    used.push({ rank, mark, startedAt, endedAt });
    usedCodes.push(display);
  }
  const logLinesDuringSubmissions = t.logLines().slice(logStart);
  await closeWaveNow(t.app, cookie, wave.id);

  // What the code list gives the file holder: each code's row, found by its hash.
  const known = issued.map((display) => {
    const normalized = display.replaceAll('-', '');
    return { display, normalized, hash: hashCode(normalized) };
  });
  const rows = await t.db.$queryRaw<{ id: string; hash: string }[]>`
    SELECT id::text AS id, code_hash AS hash FROM invitation_code WHERE code_hash = ANY(${known.map((k) => k.hash)})`;
  const idOf = new Map(rows.map((r) => [r.hash, r.id]));
  const codes = known.map((k) => {
    const id = idOf.get(k.hash);
    if (!id) throw new Error(`issued code ${k.display} has no invitation_code row`);
    return { ...k, id };
  });
  const byDisplay = new Map(codes.map((c) => [c.display, c]));
  const uses: TCodeUse[] = used.map((u, i) => ({ ...u, code: byDisplay.get(usedCodes[i] ?? '') as TKnownCode }));

  // Ground truth: which response carries which mark (the test's knowledge, not the attacker's).
  const stored = await t.db.$queryRaw<{ id: string; text: string | null }[]>`
    SELECT r.id::text AS id, x.text
      FROM response r LEFT JOIN response_text x ON x.response_id = r.id AND x.question_id = 'q7'
     WHERE r.wave_id = ${wave.id}::uuid`;
  const byMark = new Map(uses.map((u) => [u.mark, u]));
  const responses = stored.map((row) => {
    const truth = byMark.get(/\[svar-[^\]]+\]/.exec(row.text ?? '')?.[0] ?? '');
    if (!truth) throw new Error(`response ${row.id} carries no mark of this run: ${row.text}`);
    return { id: row.id, truth };
  });
  expect(responses, 'every accepted submission is stored once the wave is closed').toHaveLength(submissions);
  return { t, waveId: wave.id, minGroup, codes, uses, responses, logLinesDuringSubmissions };
}

function shuffled<T>(items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/** The 16 bytes of a uuid as PostgreSQL stores it. */
export const uuidBytes = (id: string) => Buffer.from(id.replaceAll('-', ''), 'hex');

/** Every form in which a code could sit in a file: its row id, its hash (text and raw), the code. */
export function codeNeedles(code: TKnownCode): Buffer[] {
  return [
    uuidBytes(code.id),
    Buffer.from(code.hash, 'latin1'),
    Buffer.from(code.hash, 'hex'),
    Buffer.from(code.normalized, 'latin1'),
  ];
}

/** Every form in which a response id could sit in a file: 16 raw bytes, or as text. */
export const responseNeedles = (id: string): Buffer[] => [uuidBytes(id), Buffer.from(id, 'latin1')];

export const short = (id: string) => id.slice(0, 8);

/** The responses of this run with their current row versions' xmin and ctid, as the tables show them. */
export async function responseRows(holder: TFileHolder, run: TCodedRun) {
  const { rows } = await holder.sql.query<{ id: string; xmin: string; ctid: string; other: string[] }>(
    `SELECT r.id::text AS id, r.xmin::text AS xmin, r.ctid::text AS ctid,
            ARRAY(SELECT DISTINCT x FROM (
                    SELECT c.xmin::text AS x FROM response_choice c WHERE c.response_id = r.id
                    UNION SELECT t.xmin::text FROM response_text t WHERE t.response_id = r.id) s) AS other
       FROM response r WHERE r.wave_id = $1`,
    [run.waveId],
  );
  return rows;
}
