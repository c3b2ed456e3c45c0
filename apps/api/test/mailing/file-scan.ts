import pg from 'pg';
import { CODE_ALPHABET } from '../../src/answering/invitation-codes.js';

export type TScanHit = { file: string; found: string };

/**
 * Reads, as the database's superuser, every file a copy of the database would hold: the
 * database's own folder (tables, indexes, TOAST, free space: dead row versions included) and
 * every WAL segment, after a checkpoint has written everything out. Returns the places where
 * one of the given texts, or one of the given codes (with or without dashes), appears in
 * readable form. Null when the connection is not a superuser's (the scan is then impossible).
 */
export async function scanDatabaseFiles(
  databaseUrl: string,
  needles: { texts: string[]; codes: string[] },
): Promise<TScanHit[] | null> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: who } = await client.query<{ rolsuper: boolean }>(
      'SELECT rolsuper FROM pg_roles WHERE rolname = current_user',
    );
    if (!who[0]?.rolsuper) return null;
    await client.query('CHECKPOINT');
    const { rows: db } = await client.query<{ oid: number }>(
      'SELECT oid FROM pg_database WHERE datname = current_database()',
    );
    const base = `base/${db[0]?.oid}`;
    const { rows: tableFiles } = await client.query<{ name: string }>('SELECT pg_ls_dir($1) AS name', [base]);
    const { rows: walFiles } = await client.query<{ name: string }>('SELECT name FROM pg_ls_waldir()');
    const files = [
      ...tableFiles.map((f) => `${base}/${f.name}`),
      ...walFiles.filter((f) => /^[0-9A-F]{24}$/.test(f.name)).map((f) => `pg_wal/${f.name}`),
    ];
    const codes = new Set(needles.codes.flatMap((code) => [code, code.replaceAll('-', '')]));
    const symbol = `[${CODE_ALPHABET}]`;
    const codeLike = new RegExp(`${symbol}{4}-?${symbol}{4}-?${symbol}{4}`, 'g');
    const hits: TScanHit[] = [];
    for (const file of files) {
      const { rows } = await client.query<{ bytes: Buffer }>('SELECT pg_read_binary_file($1, true) AS bytes', [file]);
      const bytes = rows[0]?.bytes;
      if (!bytes) continue;
      for (const text of needles.texts) {
        if (bytes.indexOf(text, 0, 'utf8') >= 0) hits.push({ file, found: text });
      }
      const latin = bytes.toString('latin1');
      for (const match of latin.matchAll(codeLike)) {
        if (codes.has(match[0])) hits.push({ file, found: match[0] });
      }
    }
    return hits;
  } finally {
    await client.end();
  }
}
