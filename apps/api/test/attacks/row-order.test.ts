import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codedRun, codeNeedles, responseRows, short, type TCodedRun, uuidBytes } from './coded-run.js';
import { everyTuple, fileHolder, type TFileHolder, type TTuple } from './file-holder.js';

// Attack: the holder of the table files (no WAL needed: a file-level backup of base/ is enough),
// with the code list, reads the hidden columns xmin and ctid of the answer tables and every row
// version still in the pages, live or dead, with pageinspect. Whoever knows the order in which
// codes were used (a code holder can ask the code check, colleagues talk) needs only the order
// of the answers to pair them up.

let run: TCodedRun;
let holder: TFileHolder;
let rows: Awaited<ReturnType<typeof responseRows>>;

beforeAll(async () => {
  run = await codedRun();
  holder = await fileHolder();
  rows = await responseRows(holder, run);
});

afterAll(async () => {
  await holder?.close();
  await run?.t.app.close();
});

const truthOf = (id: string) => run.responses.find((r) => r.id === id)?.truth;

/**
 * The most right guesses "the k-th answer in this order came from the k-th code used" can make
 * by chance once answers are mixed in shuffled batches of the minimum group: the k-th guess is
 * right when the shuffle left the answer in place, so the number right is a sum of fixed points
 * of random permutations of minGroup (mean 1 per batch). Returns the smallest count that
 * chance reaches with probability below 1 in 100,000.
 */
function chanceBound(n: number, minGroup: number): number {
  const factorial = (k: number): number => (k <= 1 ? 1 : k * factorial(k - 1));
  const derangements = (k: number): number =>
    k === 0 ? 1 : k === 1 ? 0 : (k - 1) * (derangements(k - 1) + derangements(k - 2));
  const choose = (a: number, b: number) => factorial(a) / (factorial(b) * factorial(a - b));
  const one = Array.from(
    { length: minGroup + 1 },
    (_, k) => (choose(minGroup, k) * derangements(minGroup - k)) / factorial(minGroup),
  );
  let sum = [1];
  for (let b = 0; b < Math.floor(n / minGroup); b++) {
    const next: number[] = new Array(sum.length + minGroup).fill(0);
    for (const [i, p] of sum.entries()) {
      for (const [j, q] of one.entries()) next[i + j] = (next[i + j] ?? 0) + p * q;
    }
    sum = next;
  }
  for (let t = 0; t <= n; t++) if (sum.slice(t).reduce((a, p) => a + p, 0) < 1e-5) return t;
  return n + 1;
}

describe('xmin and physical order: the answers cannot be put in the order the codes were used', () => {
  it('gives no answer an xmin shared by fewer than the minimum group (xmin order)', () => {
    // Each answer's transaction ids: its response row and its choice and text rows.
    const keyOf = (row: (typeof rows)[number]) =>
      [...new Set([row.xmin, ...row.other])].map(Number).sort((a, b) => a - b);
    const groups = new Map<string, typeof rows>();
    for (const row of rows) {
      const key = keyOf(row).join(',');
      groups.set(key, [...(groups.get(key) ?? []), row]);
    }
    // Transaction ids are handed out in order: the groups, sorted by them, are in order of storing.
    const ordered = [...groups].sort(([a], [b]) => Number(a.split(',')[0]) - Number(b.split(',')[0]));
    const links: string[] = [];
    let rank = 0;
    let right = 0;
    for (const [key, members] of ordered) {
      const candidates = run.uses.slice(rank, rank + members.length);
      if (members.length < run.minGroup) {
        for (const row of members) {
          const truth = truthOf(row.id);
          if (candidates.some((u) => u === truth)) right++;
          links.push(
            `response ${short(row.id)} is number ${rank + 1} by xmin ${key} (group of ${members.length}): ` +
              `sent with code ${candidates.map((u) => u.code.display).join(' or ')}`,
          );
        }
      }
      rank += members.length;
    }
    expect(
      links.length,
      `${links.length} of ${rows.length} answers ordered by xmin in groups smaller than ${run.minGroup}; ` +
        `paired with the order of code use, ${right} of them name the code that really sent them:\n${links.join('\n')}`,
    ).toBe(0);
  });

  for (const table of ['response', 'response_choice', 'response_text']) {
    it(`keeps no trace of the order of use in the physical order (ctid) of ${table}`, async () => {
      const idColumn = table === 'response' ? 'id' : 'response_id';
      const { rows: ordered } = await holder.sql.query<{ id: string; at: string }>(
        `SELECT ${idColumn}::text AS id, min(ctid)::text AS at FROM ${table} WHERE wave_id = $1 GROUP BY ${idColumn}
          ORDER BY min(ctid)`,
        [run.waveId],
      );
      const guesses = ordered.map((row, k) => ({ row, use: run.uses[k] }));
      const right = guesses.filter(({ row, use }) => truthOf(row.id) === use);
      const bound = chanceBound(rows.length, run.minGroup);
      expect(
        right.length,
        `${right.length} of ${ordered.length} answers sit in ${table} at the position of the code use that sent them ` +
          `(chance in shuffled batches of ${run.minGroup} reaches ${bound} once in 100,000 runs), e.g.:\n` +
          right
            .slice(0, 10)
            .map(
              ({ row, use }) =>
                `response ${short(row.id)} at ctid ${row.at} ← code ${use?.code.display} (use ${(use?.rank ?? 0) + 1})`,
            )
            .join('\n'),
      ).toBeLessThan(bound);
    });
  }

  it('leaves no row version, live or dead, that ties an answer to fewer than the minimum group of codes', async () => {
    const tuples = await everyTuple(holder);
    const answerTables = new Set(['response', 'response_choice', 'response_text']);
    const needles = run.codes.map(codeNeedles);
    const codesIn = (tuple: TTuple) =>
      needles.flatMap((forms, c) => (forms.some((bytes) => tuple.data.includes(bytes)) ? [c] : []));
    const byXid = new Map<number, TTuple[]>();
    for (const tuple of tuples) {
      for (const xid of new Set([tuple.xmin, tuple.xmax])) {
        if (xid > 2) byXid.set(xid, [...(byXid.get(xid) ?? []), tuple]);
      }
    }
    const links: string[] = [];
    let right = 0;
    for (const response of run.responses) {
      const row = rows.find((r) => r.id === response.id);
      // The transactions that wrote this answer: its rows' xmin, and any row version anywhere carrying its id.
      const idBytes = uuidBytes(response.id);
      const xids = new Set([row?.xmin, ...(row?.other ?? [])].filter(Boolean).map(Number));
      for (const tuple of tuples) {
        if (!answerTables.has(tuple.relation) && tuple.data.includes(idBytes)) xids.add(tuple.xmin);
      }
      const found = new Map<number, string[]>();
      for (const xid of xids) {
        for (const tuple of byXid.get(xid) ?? []) {
          if (answerTables.has(tuple.relation)) continue;
          for (const c of codesIn(tuple)) {
            const how = `${tuple.xmax === xid ? 'xmax' : 'xmin'} ${xid} on ${tuple.relation} (${tuple.blk},${tuple.lp})`;
            found.set(c, [...(found.get(c) ?? []), how]);
          }
        }
      }
      if (found.size === 0 || found.size >= run.minGroup) continue;
      if ([...found.keys()].some((c) => run.codes[c]?.id === response.truth.code.id)) right++;
      links.push(
        `response ${short(response.id)} linked to code ${[...found.keys()].map((c) => run.codes[c]?.display).join(' or ')} ` +
          `by ${[...new Set([...found.values()].flat())].join(', ')}`,
      );
    }
    expect(
      links.length,
      `${links.length} of ${run.responses.length} answers linked to fewer than ${run.minGroup} codes by row versions in ` +
        `the table files (${right} to the code that really sent them):\n${links.join('\n')}`,
    ).toBe(0);
  });
});
