import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codedRun, codeNeedles, responseRows, short, type TCodedRun, uuidBytes } from './coded-run.js';
import {
  commitMillis,
  commitTimes,
  decodeWal,
  fileHolder,
  inserters,
  needlesWrittenBy,
  offsetsIn,
  recordsOf,
  relationsWrittenBy,
  type TFileHolder,
  type TWalRange,
  xidsWriting,
} from './file-holder.js';

// Attack: the holder of a copy of the database files, with the code list but not the secret,
// decodes every WAL record still on disk with pg_walinspect and asks, of every transaction that
// wrote a response of the wave: what else did it write, and when did it commit?

let run: TCodedRun;
let holder: TFileHolder;
let wal: TWalRange;
/** For each response (by index in run.responses): the transactions that wrote its id or its current row. */
let writersOf: Map<number, Set<number>>;
let allWriters: number[];

beforeAll(async () => {
  run = await codedRun();
  holder = await fileHolder();
  wal = await decodeWal(holder);
  writersOf = await xidsWriting(
    holder,
    run.responses.map((r) => uuidBytes(r.id)),
  );
  const rows = new Map((await responseRows(holder, run)).map((row) => [row.id, row]));
  run.responses.forEach((response, i) => {
    const row = rows.get(response.id);
    const set = writersOf.get(i) ?? new Set<number>();
    for (const xid of [row?.xmin, ...(row?.other ?? [])]) if (xid) set.add(Number(xid));
    writersOf.set(i, set);
  });
  allWriters = [...new Set([...writersOf.values()].flatMap((set) => [...set]))];
});

afterAll(async () => {
  await holder?.close();
  await run?.t.app.close();
});

describe('the WAL: no transaction that stored an answer links it to a code or dates it alone', () => {
  it('reads the whole WAL range still on disk', () => {
    expect(wal.segments).toBeGreaterThan(0);
    expect(allWriters.length, 'the transactions that stored the answers are in the decoded WAL').toBeGreaterThan(0);
  });

  it('finds no code id, code hash or code in what any answer-storing transaction wrote', async () => {
    const needles = run.codes.flatMap(codeNeedles);
    const perCode = needles.length / run.codes.length;
    const found = await needlesWrittenBy(holder, allWriters, needles);
    const relations = await relationsWrittenBy(holder, allWriters);
    const links: string[] = [];
    let right = 0;
    run.responses.forEach((response, i) => {
      const via = new Map<number, number[]>();
      for (const xid of writersOf.get(i) ?? []) {
        for (const needle of found.get(xid) ?? []) {
          const code = Math.floor(needle / perCode);
          via.set(code, [...(via.get(code) ?? []), xid]);
        }
      }
      // A transaction that wrote many codes at once (a rewrite of all uses) is no link; a few are.
      if (via.size === 0 || via.size >= run.minGroup) return;
      const codes = [...via.keys()].map((c) => run.codes[c]);
      if (codes.some((c) => c?.id === response.truth.code.id)) right++;
      const xids = [...new Set([...via.values()].flat())];
      links.push(
        `response ${short(response.id)} linked to code ${codes.map((c) => c?.display).join(' or ')} by xid ${xids.join(', ')} ` +
          `(which wrote ${xids.flatMap((x) => relations.get(x) ?? []).join(', ')})`,
      );
    });
    expect(
      links.length,
      `${links.length} of ${run.responses.length} responses linked to fewer than ${run.minGroup} codes through the WAL ` +
        `(the link names the code that really sent the answer for ${right} of them):\n${links.join('\n')}`,
    ).toBe(0);
  });

  it('finds no transaction that stored fewer answers of the wave than the minimum group', async () => {
    const relations = await relationsWrittenBy(holder, allWriters);
    const stored = new Map<number, number[]>();
    run.responses.forEach((_, i) => {
      for (const xid of writersOf.get(i) ?? []) stored.set(xid, [...(stored.get(xid) ?? []), i]);
    });
    const small = [...stored].filter(([, responses]) => responses.length < run.minGroup);
    const report = small.map(
      ([xid, responses]) =>
        `xid ${xid} stored ${responses.length} response(s) (${responses.map((i) => short(run.responses[i]?.id ?? '')).join(', ')}) ` +
        `and wrote ${(relations.get(xid) ?? []).join(', ')}`,
    );
    expect(
      report.length,
      `${small.length} transactions stored fewer than ${run.minGroup} answers of the wave: each is an anonymity set ` +
        `smaller than the minimum group for anyone who can tie that transaction to a code use:\n${report.join('\n')}`,
    ).toBe(0);
  });

  it('cannot date any answer more finely than a batch of the minimum group by commit times', async () => {
    const times = await commitTimes(holder);
    // The moments an answer could have been stored: the commits of the transactions that wrote it.
    const groups = new Map<string, number[]>();
    run.responses.forEach((_, i) => {
      const key = [...(writersOf.get(i) ?? [])]
        .map((xid) => times.get(xid))
        .filter(Boolean)
        .sort()
        .join(' | ');
      groups.set(key, [...(groups.get(key) ?? []), i]);
    });
    const dated: string[] = [];
    let right = 0;
    for (const [key, members] of groups) {
      if (members.length >= run.minGroup) continue;
      for (const i of members) {
        const response = run.responses[i];
        if (!response) continue;
        // Whoever knows when each code was used (a code holder can ask the code check) names it.
        const at = key.split(' | ').map(commitMillis);
        const during = run.uses.filter((u) => at.some((ms) => ms >= u.startedAt && ms <= u.endedAt + 1));
        if (during.some((u) => u.code.id === response.truth.code.id)) right++;
        dated.push(
          `response ${short(response.id)} dated alone (group of ${members.length}) to ${key}` +
            (during.length
              ? `, during the request that used code ${during.map((u) => u.code.display).join(' or ')}`
              : ''),
        );
      }
    }
    expect(
      dated.length,
      `${dated.length} of ${run.responses.length} answers dated by their transaction's WAL commit time in a group ` +
        `smaller than ${run.minGroup} (${right} of them matched to the code that really sent them by the time of use):\n` +
        dated.join('\n'),
    ).toBe(0);
  });

  it('cannot pair answers with code uses by the order of records inside a transaction', async () => {
    const times = await commitTimes(holder);
    const records = await recordsOf(holder, allWriters);
    const answerTables = new Set(['response', 'response_choice', 'response_text']);
    const isRowChange = (r: (typeof records)[number]) =>
      r.relkind !== 'i' &&
      !answerTables.has(r.relation) &&
      /^(INSERT|MULTI_INSERT|DELETE|UPDATE|HOT_UPDATE|LOCK)/.test(r.recordType);
    const sourceOf = await inserters(holder, [...new Set(records.filter(isRowChange).map((r) => r.relfilenode))]);
    const usesAt = (xid: number) => {
      const at = times.get(xid);
      if (!at) return [];
      const ms = commitMillis(at);
      return run.uses.filter((u) => ms >= u.startedAt && ms <= u.endedAt + 1);
    };
    const links: string[] = [];
    let right = 0;
    for (const xid of allWriters) {
      const own = records.filter((r) => r.xid === xid);
      // Where each of this transaction's answers first appears in its records.
      const firsts = run.responses
        .map((response) => ({ response, at: own.findIndex((r) => r.data?.includes(uuidBytes(response.id))) }))
        .filter(({ at }) => at >= 0)
        .sort((a, b) => a.at - b.at);
      let from = 0;
      for (const { response, at } of firsts) {
        // The rows written, deleted, locked or updated since the previous answer, and who wrote those rows first.
        const sources = new Set<number>();
        for (const record of own.slice(from, at).filter(isRowChange)) {
          if (/^(INSERT|MULTI_INSERT)/.test(record.recordType)) sources.add(xid);
          for (const off of offsetsIn(record.description, 'old')) {
            const source = /^(INSERT|MULTI_INSERT)/.test(record.recordType)
              ? xid
              : sourceOf(record.relfilenode, record.blk, off, record.lsn);
            if (source !== undefined) sources.add(source);
          }
        }
        from = at + 1;
        // The transaction's own commit time dates all its answers alike: a clue only for a small batch.
        if (firsts.length >= run.minGroup) sources.delete(xid);
        const candidates = [...new Set([...sources].flatMap(usesAt))];
        if (candidates.length === 0 || candidates.length >= run.minGroup) continue;
        if (candidates.some((u) => u.code.id === response.truth.code.id)) right++;
        links.push(
          `response ${short(response.id)} follows, in xid ${xid}, rows first written by xid ${[...sources].join(', ')} ` +
            `during the request that used code ${candidates.map((u) => u.code.display).join(' or ')}`,
        );
      }
    }
    expect(
      links.length,
      `${links.length} of ${run.responses.length} answers paired with fewer than ${run.minGroup} code uses by the order of ` +
        `WAL records in the transaction that stored them (${right} with the code that really sent them):\n${links.join('\n')}`,
    ).toBe(0);
  });
});
