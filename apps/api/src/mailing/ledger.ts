import type { TDb } from '@enkat/db';

/**
 * The participation ledger of tracked mailings (schema `participation`, apart from the
 * answers). It holds each recipient's address and the keyed pseudonym of the code mailed to
 * them: the same HMAC that `code_use` stores when a code is used, so who has answered is found
 * by comparing the two, never by reading an answer. Its only time is a day.
 */
type TTx = Pick<TDb, '$executeRaw' | '$queryRaw'>;

export async function replaceLedger(tx: TTx, waveId: string, addresses: string[]): Promise<void> {
  await clearLedger(tx, waveId);
  const CHUNK = 10_000;
  for (let start = 0; start < addresses.length; start += CHUNK) {
    const slice = addresses.slice(start, start + CHUNK);
    const numbers = slice.map((_, i) => start + i);
    await tx.$executeRaw`
      INSERT INTO participation.recipient (wave_id, recipient_no, address)
      SELECT ${waveId}::uuid, n, a FROM unnest(${numbers}::int[], ${slice}::text[]) AS t(n, a)`;
  }
}

export async function clearLedger(tx: TTx, waveId: string): Promise<void> {
  await tx.$executeRaw`DELETE FROM participation.recipient WHERE wave_id = ${waveId}::uuid`;
}

/** Marks, with today's date only, the recipients whose code has been used since the last look. */
export async function noteAnswers(db: TTx, waveId: string): Promise<void> {
  await db.$executeRaw`
    UPDATE participation.recipient r SET answered_on = current_date
     WHERE r.wave_id = ${waveId}::uuid AND r.answered_on IS NULL
       AND r.code_pseudonym IN (SELECT pseudonym FROM code_use WHERE wave_id = ${waveId}::uuid)`;
}

export async function answeredCount(db: TTx, waveId: string): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM participation.recipient
     WHERE wave_id = ${waveId}::uuid AND answered_on IS NOT NULL`;
  return row?.n ?? 0;
}

/** Who a send goes to: everyone (invitation), or who was invited and has not answered. */
export async function ledgerRecipients(db: TTx, waveId: string, onlyUnanswered: boolean): Promise<number[]> {
  const rows = onlyUnanswered
    ? await db.$queryRaw<{ n: number }[]>`
        SELECT recipient_no AS n FROM participation.recipient
         WHERE wave_id = ${waveId}::uuid AND answered_on IS NULL AND code_pseudonym IS NOT NULL`
    : await db.$queryRaw<{ n: number }[]>`
        SELECT recipient_no AS n FROM participation.recipient WHERE wave_id = ${waveId}::uuid`;
  return rows.map((row) => row.n);
}

export async function ledgerAddresses(db: TTx, waveId: string, numbers: number[]): Promise<Map<number, string>> {
  const rows = await db.$queryRaw<{ n: number; address: string }[]>`
    SELECT recipient_no AS n, address FROM participation.recipient
     WHERE wave_id = ${waveId}::uuid AND recipient_no = ANY(${numbers}::int[])`;
  return new Map(rows.map((row) => [row.n, row.address]));
}

export async function setLedgerPseudonym(tx: TTx, waveId: string, recipientNo: number, pseudonym: Buffer | null) {
  await tx.$executeRaw`
    UPDATE participation.recipient SET code_pseudonym = ${pseudonym}::bytea
     WHERE wave_id = ${waveId}::uuid AND recipient_no = ${recipientNo}`;
}
