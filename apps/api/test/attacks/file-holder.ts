import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';

/**
 * The file holder's tools: a superuser connection to this run's test database (the embedded
 * server's user `postgres` is one) with PostgreSQL's own inspection extensions, pg_walinspect and
 * pageinspect, created in a schema of their own and dropped again by close(). Everything the
 * attacks read goes through here: tables, hidden columns, raw pages, WAL records and files.
 */
export type TFileHolder = {
  sql: pg.Client;
  close(): Promise<void>;
};

const EXTENSIONS = ['pg_walinspect', 'pageinspect'];

export async function fileHolder(): Promise<TFileHolder> {
  const sql = new pg.Client({ connectionString: inject('databaseUrl') });
  await sql.connect();
  const { rows } = await sql.query<{ super: boolean; user: string }>(
    'SELECT rolsuper AS super, current_user AS user FROM pg_roles WHERE rolname = current_user',
  );
  if (!rows[0]?.super) {
    await sql.end();
    throw new Error(
      `The attack tests read WAL and raw pages, which needs a superuser; the test database's role ` +
        `${rows[0]?.user ?? '?'} is not one (is DATABASE_URL set to a server of another role?).`,
    );
  }
  await sql.query('CREATE SCHEMA IF NOT EXISTS attacker');
  const created: string[] = [];
  for (const name of EXTENSIONS) {
    const exists = await sql.query('SELECT 1 FROM pg_extension WHERE extname = $1', [name]);
    if (exists.rowCount) continue;
    await sql.query(`CREATE EXTENSION ${name} SCHEMA attacker`);
    created.push(name);
  }
  // Wherever the extensions live, their functions are found unqualified.
  const schemas = await sql.query<{ schema: string }>(
    'SELECT DISTINCT extnamespace::regnamespace::text AS schema FROM pg_extension WHERE extname = ANY($1)',
    [EXTENSIONS],
  );
  await sql.query(`SET search_path = ${[...schemas.rows.map((r) => r.schema), 'public'].join(', ')}`);
  return {
    sql,
    async close() {
      try {
        for (const name of created) await sql.query(`DROP EXTENSION IF EXISTS ${name}`);
        // Only when empty: extensions someone else put there stay.
        await sql.query('DROP SCHEMA IF EXISTS attacker RESTRICT').catch(() => {});
      } finally {
        await sql.end();
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The WAL, decoded by pg_walinspect

export type TWalRange = { start: string; end: string; segments: number };

/**
 * Decodes every WAL record still on disk, from the oldest segment file in pg_wal to the flushed
 * end, into two temporary tables of the holder's session (temporary tables write no WAL):
 * - wal_block: one row per block reference of this database, with its transaction, relation
 *   (name when the file still belongs to one), record type, description, the block's own data
 *   and any full-page image;
 * - wal_xact: every transaction record (commits with their timestamps, aborts).
 */
export async function decodeWal(holder: TFileHolder): Promise<TWalRange> {
  const { sql } = holder;
  const range = await sql.query<{ start: string; end: string; segments: number }>(`
    WITH segs AS (SELECT name FROM pg_ls_waldir() WHERE name ~ '^[0-9A-F]{24}$'),
         oldest AS (SELECT min(name) AS name, count(*)::int AS n FROM segs)
    SELECT ('0/0'::pg_lsn + s.segment_number * (SELECT setting::numeric FROM pg_settings WHERE name = 'wal_segment_size'))::text AS start,
           pg_current_wal_flush_lsn()::text AS end, oldest.n AS segments
      FROM oldest, pg_split_walfile_name(oldest.name) s`);
  const { start, end, segments } = range.rows[0] as TWalRange;
  await sql.query('DROP TABLE IF EXISTS wal_block, wal_xact, wal_rel');
  await sql.query(
    `CREATE TEMP TABLE wal_block AS
     SELECT b.start_lsn, b.block_id, b.xid::text::bigint AS xid, b.resource_manager AS rmgr, b.record_type,
            b.reltablespace, b.relfilenode, b.relforknumber AS fork, b.relblocknumber AS blk, b.description,
            b.block_data, b.block_fpi_data
       FROM pg_get_wal_block_info($1::pg_lsn, $2::pg_lsn, true) b
      WHERE b.reldatabase = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    [start, end],
  );
  await sql.query(`
    CREATE TEMP TABLE wal_rel AS
    SELECT DISTINCT b.reltablespace, b.relfilenode,
           coalesce(pg_filenode_relation(CASE WHEN b.reltablespace = d.dattablespace THEN 0 ELSE b.reltablespace END,
                                         b.relfilenode)::text, 'dropped file ' || b.relfilenode) AS relation
      FROM wal_block b, pg_database d WHERE d.datname = current_database()`);
  await sql.query(
    `CREATE TEMP TABLE wal_xact AS
     SELECT start_lsn, xid::text::bigint AS xid, record_type, description
       FROM pg_get_wal_records_info($1::pg_lsn, $2::pg_lsn) WHERE resource_manager = 'Transaction'`,
    [start, end],
  );
  await sql.query('ANALYZE wal_block, wal_rel, wal_xact');
  return { start, end, segments };
}

/** Which decoded transactions wrote which of the given byte strings in a block's own data. */
export async function xidsWriting(holder: TFileHolder, needles: Buffer[]): Promise<Map<number, Set<number>>> {
  const { rows } = await holder.sql.query<{ i: number; xid: string }>(
    `WITH written AS MATERIALIZED (SELECT xid, block_data AS data FROM wal_block WHERE length(block_data) >= 16)
     SELECT DISTINCT n.i - 1 AS i, b.xid::text AS xid
       FROM written b JOIN unnest($1::bytea[]) WITH ORDINALITY n(bytes, i) ON position(n.bytes IN b.data) > 0`,
    [needles],
  );
  const byNeedle = new Map<number, Set<number>>();
  for (const row of rows) {
    const set = byNeedle.get(row.i) ?? new Set<number>();
    set.add(Number(row.xid));
    byNeedle.set(row.i, set);
  }
  return byNeedle;
}

/** For each transaction: the needles found anywhere in what it wrote (block data or page images). */
export async function needlesWrittenBy(
  holder: TFileHolder,
  xids: number[],
  needles: Buffer[],
): Promise<Map<number, Set<number>>> {
  const { rows } = await holder.sql.query<{ i: number; xid: string }>(
    `WITH mine AS MATERIALIZED (
       SELECT xid, coalesce(block_data, '') AS data, coalesce(block_fpi_data, '') AS fpi FROM wal_block WHERE xid = ANY($1::bigint[]))
     SELECT DISTINCT n.i - 1 AS i, b.xid::text AS xid
       FROM mine b
       JOIN unnest($2::bytea[]) WITH ORDINALITY n(bytes, i)
         ON position(n.bytes IN b.data) > 0 OR position(n.bytes IN b.fpi) > 0`,
    [xids, needles],
  );
  const byXid = new Map<number, Set<number>>();
  for (const row of rows) {
    const set = byXid.get(Number(row.xid)) ?? new Set<number>();
    set.add(row.i);
    byXid.set(Number(row.xid), set);
  }
  return byXid;
}

/** For each transaction: the tables it wrote to (indexes left out), with how many records of each kind. */
export async function relationsWrittenBy(holder: TFileHolder, xids: number[]): Promise<Map<number, string[]>> {
  const { rows } = await holder.sql.query<{ xid: string; what: string }>(
    `SELECT b.xid::text AS xid, r.relation || ' ' || lower(b.record_type) || ' ×' || count(*) AS what
       FROM wal_block b JOIN wal_rel r USING (reltablespace, relfilenode)
      WHERE b.xid = ANY($1::bigint[]) AND b.fork = 0
        AND coalesce((SELECT c.relkind FROM pg_class c WHERE c.oid::regclass::text = r.relation), 'r') <> 'i'
      GROUP BY b.xid, r.relation, b.record_type ORDER BY 1, 2`,
    [xids],
  );
  const byXid = new Map<number, string[]>();
  for (const row of rows) byXid.set(Number(row.xid), [...(byXid.get(Number(row.xid)) ?? []), row.what]);
  return byXid;
}

/** The commit time of each transaction, to the microsecond, as its WAL commit record gives it. */
export async function commitTimes(holder: TFileHolder): Promise<Map<number, string>> {
  const { rows } = await holder.sql.query<{ xid: string; description: string }>(
    `SELECT xid::text AS xid, description FROM wal_xact WHERE record_type IN ('COMMIT', 'COMMIT_PREPARED')`,
  );
  return new Map(rows.map((r) => [Number(r.xid), r.description.split(';')[0]?.trim() ?? '']));
}

/** A WAL commit timestamp ("2026-12-02 06:41:02.123456+00") in milliseconds since the epoch. */
export function commitMillis(timestamp: string): number {
  return Date.parse(timestamp.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00'));
}

// ---------------------------------------------------------------------------------------------
// Raw pages, read with pageinspect: live and dead row versions alike

export type TTuple = { relation: string; blk: number; lp: number; xmin: number; xmax: number; data: Buffer };

/**
 * Every row version with data that is still in the heap files of the database's own tables
 * (public schema and their TOAST tables), live or dead, with its xmin and xmax.
 */
export async function everyTuple(holder: TFileHolder): Promise<TTuple[]> {
  const { rows } = await holder.sql.query<{
    relation: string;
    blk: number;
    lp: number;
    xmin: string;
    xmax: string;
    data: Buffer | null;
  }>(`
    SELECT c.oid::regclass::text AS relation, blk::int AS blk, i.lp, i.t_xmin::text AS xmin,
           CASE WHEN i.t_infomask & 4096 = 0 THEN i.t_xmax::text ELSE $$0$$ END AS xmax,
           i.t_data AS data
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      CROSS JOIN LATERAL generate_series(0, pg_relation_size(c.oid) / current_setting('block_size')::int - 1) blk
      CROSS JOIN LATERAL heap_page_items(get_raw_page(c.oid::regclass::text, blk::int)) i
     WHERE c.relkind IN ('r', 't', 'm') AND c.relpersistence = 'p'
       AND (n.nspname = 'public' OR c.oid IN (SELECT reltoastrelid FROM pg_class k JOIN pg_namespace kn ON kn.oid = k.relnamespace
                                              WHERE kn.nspname = 'public'))
       AND i.t_data IS NOT NULL`);
  return rows.map((r) => ({
    relation: r.relation,
    blk: r.blk,
    lp: r.lp,
    xmin: Number(r.xmin),
    xmax: Number(r.xmax),
    data: r.data ?? Buffer.alloc(0),
  }));
}

// ---------------------------------------------------------------------------------------------
// The WAL segment files themselves, as bytes

export type TWalFile = { name: string; bytes: Buffer };

/**
 * Every file in the data directory's pg_wal folder, including segments recycled for reuse
 * (their names are ahead of the current one and their contents are old WAL). Read from the file
 * system when this process may (the embedded server runs on this machine), else through
 * pg_read_binary_file as superuser.
 */
export async function walFiles(holder: TFileHolder): Promise<TWalFile[]> {
  const dataDir = (await holder.sql.query<{ data_directory: string }>('SHOW data_directory')).rows[0]?.data_directory;
  const folder = join(dataDir ?? '', 'pg_wal');
  try {
    const names = (await readdir(folder)).filter((name) => /^[0-9A-F]{24}(\.partial)?$/.test(name)).sort();
    return await Promise.all(names.map(async (name) => ({ name, bytes: await readFile(join(folder, name)) })));
  } catch {
    const { rows } = await holder.sql.query<{ name: string }>(
      `SELECT name FROM pg_ls_waldir() WHERE name ~ '^[0-9A-F]{24}' ORDER BY name`,
    );
    const files: TWalFile[] = [];
    for (const { name } of rows) {
      const { rows: content } = await holder.sql.query<{ bytes: Buffer }>('SELECT pg_read_binary_file($1) AS bytes', [
        `pg_wal/${name}`,
      ]);
      files.push({ name, bytes: content[0]?.bytes ?? Buffer.alloc(0) });
    }
    return files;
  }
}

/** Every offset at which needle occurs in haystack. */
export function occurrences(haystack: Buffer, needle: Buffer): number[] {
  const found: number[] = [];
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) found.push(at);
  return found;
}

// ---------------------------------------------------------------------------------------------
// Record order inside transactions, and where the rows they delete, lock or update came from

export type TRecord = {
  lsn: number;
  xid: number;
  relation: string;
  relfilenode: string;
  /** 'r' table, 'i' index, 't' TOAST, '?' a file no relation owns any more. */
  relkind: string;
  recordType: string;
  blk: number;
  description: string;
  data: Buffer | null;
};

/** Every main-fork block reference written by these transactions, in WAL order. */
export async function recordsOf(holder: TFileHolder, xids: number[]): Promise<TRecord[]> {
  const { rows } = await holder.sql.query<{
    lsn: string;
    xid: string;
    relation: string;
    relfilenode: string;
    relkind: string | null;
    record_type: string;
    blk: string;
    description: string;
    data: Buffer | null;
  }>(
    `SELECT (b.start_lsn - '0/0'::pg_lsn)::text AS lsn, b.xid::text AS xid, r.relation, b.relfilenode::text AS relfilenode,
            (SELECT c.relkind::text FROM pg_class c WHERE c.oid::regclass::text = r.relation) AS relkind,
            b.record_type, b.blk::text AS blk, b.description, b.block_data AS data
       FROM wal_block b JOIN wal_rel r USING (reltablespace, relfilenode)
      WHERE b.xid = ANY($1::bigint[]) AND b.fork = 0
      ORDER BY b.start_lsn, b.block_id`,
    [xids],
  );
  return rows.map((r) => ({
    lsn: Number(r.lsn),
    xid: Number(r.xid),
    relation: r.relation,
    relfilenode: r.relfilenode,
    relkind: r.relkind ?? '?',
    recordType: r.record_type,
    blk: Number(r.blk),
    description: r.description,
    data: r.data,
  }));
}

/** The line pointers a heap record's description names: "off: 3", "old_off: 3", "offsets: [1, 2]". */
export function offsetsIn(description: string, which: 'old' | 'new'): number[] {
  const list = /offsets: \[([\d, ]+)\]/.exec(description);
  if (list && which === 'new') return (list[1] ?? '').split(',').map((s) => Number(s.trim()));
  const key = which === 'old' ? /(?:^|[\s,])(?:old_)?off: (\d+)/ : /(?:^|[\s,])(?:new_)?off: (\d+)/;
  if (which === 'new') {
    const updated = /new_off: (\d+)/.exec(description);
    if (updated) return [Number(updated[1])];
  }
  const match = key.exec(description);
  return match ? [Number(match[1])] : [];
}

/**
 * The transaction that wrote the row version at each (file, block, line pointer) before a given
 * point in the WAL: what a file holder follows back from a DELETE, LOCK or UPDATE record.
 */
export async function inserters(holder: TFileHolder, relfilenodes: string[]) {
  const { rows } = await holder.sql.query<{
    lsn: string;
    xid: string;
    relfilenode: string;
    blk: string;
    description: string;
    record_type: string;
  }>(
    `SELECT (start_lsn - '0/0'::pg_lsn)::text AS lsn, xid::text AS xid, relfilenode::text AS relfilenode, blk::text AS blk,
            description, record_type
       FROM wal_block
      WHERE relfilenode::text = ANY($1) AND fork = 0 AND rmgr IN ('Heap', 'Heap2')
        AND record_type ~ '^(INSERT|MULTI_INSERT|UPDATE|HOT_UPDATE)'
      ORDER BY start_lsn`,
    [relfilenodes],
  );
  const writes = new Map<string, { lsn: number; xid: number }[]>();
  for (const row of rows) {
    for (const off of offsetsIn(row.description, 'new')) {
      const key = `${row.relfilenode}/${row.blk}/${off}`;
      writes.set(key, [...(writes.get(key) ?? []), { lsn: Number(row.lsn), xid: Number(row.xid) }]);
    }
  }
  return (relfilenode: string, blk: number, off: number, before: number): number | undefined =>
    (writes.get(`${relfilenode}/${blk}/${off}`) ?? []).filter((w) => w.lsn < before).at(-1)?.xid;
}

/**
 * Every offset at which each needle (at least 4 bytes long) occurs in haystack, in one pass:
 * much faster than one indexOf scan per needle over 16 MiB segments.
 */
export function occurrencesOfAll(haystack: Buffer, needles: Buffer[]): number[][] {
  const found: number[][] = needles.map(() => []);
  const byPrefix = new Map<number, number[]>();
  needles.forEach((needle, i) => {
    if (needle.length < 4) throw new Error('needles must be at least 4 bytes long');
    const prefix = needle.readUInt32LE(0);
    byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), i]);
  });
  const last = haystack.length - 4;
  for (let at = 0; at <= last; at++) {
    const candidates = byPrefix.get(haystack.readUInt32LE(at));
    if (!candidates) continue;
    for (const i of candidates) {
      const needle = needles[i] as Buffer;
      if (
        at + needle.length <= haystack.length &&
        haystack.compare(needle, 0, needle.length, at, at + needle.length) === 0
      ) {
        found[i]?.push(at);
      }
    }
  }
  return found;
}
