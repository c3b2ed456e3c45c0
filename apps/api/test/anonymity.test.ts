import type { TWave } from '@enkat/survey-schema';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, createAdmin, login, resetDatabase, type TTestApp } from './helpers.js';
import { ANSWERS_2012, closeWaveNow, issueCodes, publishedWave, submit } from './survey-helpers.js';

// The anonymity invariants of DESIGN.md, checked on the database after real submissions.

let t: TTestApp;
let wave: TWave;
let codes: string[];
const TEXT = 'Budget verkar gå före klientens behov, sa hon i telefon 08-123 45 67';

beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.app.close());
beforeEach(async () => {
  await resetDatabase(t.db);
  const cookie = await login(t.app, (await createAdmin(t.db, 'editor')).email);
  wave = await publishedWave(t.app, cookie);
  codes = (await issueCodes(t.app, cookie, wave.id, 12)).codes;
  for (const code of codes.slice(0, 10)) {
    const response = await submit(t.app, wave.slug ?? '', { code, answers: { ...ANSWERS_2012, q12: TEXT } });
    expect(response.statusCode).toBe(201);
  }
  await closeWaveNow(t.app, cookie, wave.id);
});

async function columnsOf(table: string) {
  return t.db.$queryRaw<{ name: string; type: string }[]>`
    SELECT column_name AS name, data_type AS type FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name = ${table} ORDER BY column_name`;
}

describe('invariant 1: a stored response carries nothing that points to a person', () => {
  it('has only a random id, its wave and the answers: no code, address, browser, session or time', async () => {
    expect((await columnsOf('response')).map((c) => c.name)).toEqual(['id', 'wave_id']);
    expect((await columnsOf('response_choice')).map((c) => c.name)).toEqual([
      'option_id',
      'question_id',
      'response_id',
      'wave_id',
    ]);
    // `id` is the comment's own random handle, for redaction; it is not the response's id.
    expect((await columnsOf('response_text')).map((c) => c.name)).toEqual([
      'id',
      'question_id',
      'response_id',
      'text',
      'wave_id',
    ]);
    for (const table of [
      'response',
      'response_choice',
      'response_text',
      'code_use',
      'submission_receipt',
      'pending_submission',
    ]) {
      for (const column of await columnsOf(table)) {
        expect(column.type, `${table}.${column.name}`).not.toMatch(/time|date|inet|cidr/);
      }
    }
  });

  it('has a random version-4 UUID, never a sequence', async () => {
    const ids = (await t.db.response.findMany({ select: { id: true } })).map((r) => r.id);
    expect(ids).toHaveLength(10);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const sorted = [...ids].sort();
    const prefixes = new Set(sorted.map((id) => id.slice(0, 4)));
    expect(prefixes.size).toBeGreaterThan(5);
  });

  it('holds no code, no code hash and nothing from the request anywhere in the answer tables', async () => {
    const dump = JSON.stringify(
      await t.db.$queryRaw`
        SELECT (SELECT json_agg(r) FROM response r) AS r, (SELECT json_agg(c) FROM response_choice c) AS c,
               (SELECT json_agg(x) FROM response_text x) AS x`,
    );
    const hashes = (await t.db.invitationCode.findMany({ select: { codeHash: true } })).map((c) => c.codeHash);
    for (const needle of [
      ...codes,
      ...codes.map((c) => c.replaceAll('-', '')),
      ...hashes,
      '127.0.0.1',
      'lightMyRequest',
    ]) {
      expect(dump).not.toContain(needle);
    }
  });
});

describe('invariant 2: codes are stored as hashes, and nothing links a used code to its response', () => {
  it('keeps no code in clear text', async () => {
    const dump = JSON.stringify(await t.db.$queryRaw`SELECT * FROM invitation_code`);
    for (const code of codes) expect(dump).not.toContain(code.replaceAll('-', ''));
  });

  it('has no column or foreign key between the code tables and the answer tables', async () => {
    expect((await columnsOf('code_use')).map((c) => c.name)).toEqual(['pseudonym', 'wave_id']);
    expect((await columnsOf('invitation_code')).map((c) => c.name)).toEqual([
      'batch_id',
      'code_hash',
      'id',
      'revoked',
      'wave_id',
    ]);
    const links = await t.db.$queryRaw<{ from: string; to: string }[]>`
      SELECT tc.table_name AS "from", ccu.table_name AS "to"
        FROM information_schema.table_constraints tc
        JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name
       WHERE tc.constraint_type = 'FOREIGN KEY'`;
    const codeSide = new Set(['invitation_code', 'code_use', 'code_batch', 'submission_receipt', 'pending_submission']);
    const answerSide = new Set(['response', 'response_choice', 'response_text']);
    for (const { from, to } of links) {
      expect(codeSide.has(from) && answerSide.has(to), `${from} → ${to}`).toBe(false);
      expect(answerSide.has(from) && codeSide.has(to), `${from} → ${to}`).toBe(false);
    }
  });

  it('records a use as a pseudonym that neither the code, its hash nor its id gives without the secret', async () => {
    const uses = await t.db.codeUse.findMany({ select: { pseudonym: true } });
    expect(uses).toHaveLength(10);
    const { createHash } = await import('node:crypto');
    const rows = await t.db.invitationCode.findMany({ select: { id: true, codeHash: true } });
    const guesses = new Set(
      rows.flatMap((row) => [row.codeHash, createHash('sha256').update(row.codeHash).digest('hex'), row.id]),
    );
    for (const use of uses) expect(guesses.has(Buffer.from(use.pseudonym).toString('hex'))).toBe(false);
  });

  it('never writes a code’s own row when it is used', async () => {
    const rows = await t.db.$queryRaw<{ xmin: string }[]>`SELECT xmin::text FROM invitation_code`;
    // All 12 codes still carry the transaction that issued them.
    expect(new Set(rows.map((row) => row.xmin)).size).toBe(1);
  });

  it('leaves no transaction id (xmin) shared by a code use and a response', async () => {
    const uses = await t.db.$queryRaw<{ xmin: string }[]>`SELECT xmin::text FROM code_use`;
    const answers = await t.db.$queryRaw<{ xmin: string }[]>`SELECT xmin::text FROM response`;
    expect(answers).toHaveLength(10);
    const responseXmins = new Set(answers.map((r) => r.xmin));
    for (const use of uses) expect(responseXmins.has(use.xmin)).toBe(false);
    // The ten responses came in one mixed batch (fewer than twice the minimum group of 5).
    expect(responseXmins.size).toBe(1);
  });
});

describe('invariant 3: request logs of respondent routes hold no code, no address and no answer text', () => {
  it('logs no line per submission, and no code, address or answer in any line', async () => {
    const perRequest = t.logLines().filter((line) => line.includes('"msg":"request"'));
    expect(perRequest.filter((line) => line.includes('/api/v1/respond/'))).toEqual([]);
    // Closing the server writes the counts since the last summary: one line for all of them.
    await t.app.close();
    const lines = t.logLines();
    const counts = lines.filter((line) => line.includes('respondent requests'));
    expect(counts.length).toBeGreaterThanOrEqual(1);
    expect(counts.at(-1)).toMatch(/"POST \/api\/v1\/respond\/:slug\/responses 201":\d+/);
    t = await buildTestApp();
    for (const line of lines) {
      for (const code of codes) {
        expect(line).not.toContain(code);
        expect(line).not.toContain(code.replaceAll('-', ''));
      }
      expect(line).not.toContain('Budget verkar');
      expect(line).not.toContain('08-123');
      expect(line).not.toMatch(/127\.0\.0\.1|remoteAddress|"ip"/);
      expect(line).not.toContain(wave.slug ?? '');
    }
  });
});
