import { randomInt } from 'node:crypto';
import type { TDb } from '@enkat/db';
import type { FastifyBaseLogger } from 'fastify';
import pg from 'pg';
import { generateCode, hashCode } from '../answering/invitation-codes.js';
import type { TDeploymentKeys } from '../keys/deployment-keys.js';
import { codeUsePseudonym } from '../keys/pseudonyms.js';
import { ledgerAddresses, ledgerRecipients, noteAnswers, setLedgerPseudonym } from './ledger.js';
import { mailContext, renderMail, type TMailContext } from './mail-context.js';
import { unsealAddressList } from './sealed-list.js';
import type { SmtpSender, TSendOutcome } from './smtp-sender.js';

export type TSendRunDeps = {
  db: TDb;
  keys: TDeploymentKeys;
  databaseUrl: string;
  /** One SMTP connection each, used side by side. */
  senders: SmtpSender[];
  publicOrigin: string;
  /** Resolves when the rate limit lets the next mail go. */
  limit: () => Promise<void>;
  ratePerSecond: number;
  log: FastifyBaseLogger;
  /** Transient failures tried this many times in all, waiting baseDelayMs × 2^n between. */
  maxAttempts: number;
  baseDelayMs: number;
  /** How long one run may work before it hands over to a fresh job. */
  runBudgetMs: number;
};

class AlreadyHandled extends Error {}

/** The stored hash of a generated code ("XXXX-XXXX-XXXX"), hashed as typed codes are: without dashes. */
const hashOfCode = (code: string) => hashCode(code.replaceAll('-', ''));

/** Fisher–Yates with the operating system's random source: the sending order. */
export function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/** An SMTP reply code and status, without the text a server may put an address in. */
function blindReason(reason: string): string {
  const match = /^(\d{3})(?:[ -](\d\.\d{1,3}\.\d{1,3}))?/.exec(reason.trim());
  if (match) return [match[1], match[2]].filter(Boolean).join(' ');
  return 'no reply from the mail server';
}

/**
 * Turns a scheduled send into its deliveries, once: every recipient (invitation; a blind
 * reminder) or, for a tracked reminder, everyone invited whose code has not been used. Each
 * gets a random position: the sending order.
 */
async function prepareSend(db: TDb, sendId: string) {
  return db.$transaction(
    async (tx) => {
      const [send] = await tx.$queryRaw<
        { id: string; waveId: string; kind: 'invitation' | 'reminder'; state: string }[]
      >`
        SELECT id, wave_id AS "waveId", kind, state FROM mail_send WHERE id = ${sendId}::uuid FOR UPDATE`;
      if (!send || send.state === 'done' || send.state === 'cancelled') return null;
      const wave = await tx.wave.findUnique({ where: { id: send.waveId }, select: { state: true, closesAt: true } });
      const mailing = await tx.mailing.findUnique({ where: { waveId: send.waveId } });
      const over = !wave || wave.state === 'closed' || (wave.closesAt && wave.closesAt <= new Date());
      if (over || !mailing || mailing.listDeletedAt) {
        await tx.mailSend.update({ where: { id: sendId }, data: { state: 'cancelled' } });
        return null;
      }
      if (send.state === 'sending') return { ...send, mode: mailing.mode };
      let numbers: number[];
      if (mailing.mode === 'tracked') {
        await noteAnswers(tx, send.waveId);
        numbers = await ledgerRecipients(tx, send.waveId, send.kind === 'reminder');
      } else {
        numbers = Array.from({ length: mailing.recipientCount }, (_, i) => i);
      }
      const positions = shuffled(numbers.map((_, i) => i));
      const CHUNK = 20_000;
      for (let start = 0; start < numbers.length; start += CHUNK) {
        await tx.$executeRaw`
          INSERT INTO mail_delivery (send_id, recipient_no, position)
          SELECT ${sendId}::uuid, n, p
            FROM unnest(${numbers.slice(start, start + CHUNK)}::int[], ${positions.slice(start, start + CHUNK)}::int[]) AS t(n, p)`;
      }
      await tx.mailSend.update({ where: { id: sendId }, data: { state: 'sending', total: numbers.length } });
      return { ...send, state: 'sending', mode: mailing.mode };
    },
    { maxWait: 5_000, timeout: 120_000 },
  );
}

/**
 * New codes for the mails of one run, stored as hashes in one code batch, inserted in the order
 * of their hashes (not the order they are mailed in). In blind mode nothing else ties a code
 * to its recipient: the row that marks a recipient mailed holds no code, and the codes were
 * all stored together before the first of them was mailed.
 */
async function codePool(db: TDb, waveId: string, count: number): Promise<string[]> {
  if (count === 0) return [];
  const codes = Array.from({ length: count }, generateCode);
  const hashes = codes.map(hashOfCode).sort();
  await db.$transaction(
    async (tx) => {
      const batch = await tx.codeBatch.create({ data: { waveId, count, written: count }, select: { id: true } });
      await tx.$executeRaw`
        INSERT INTO invitation_code (id, batch_id, wave_id, code_hash)
        SELECT gen_random_uuid(), ${batch.id}::uuid, ${waveId}::uuid, h FROM unnest(${hashes}::text[]) AS h`;
    },
    { maxWait: 5_000, timeout: 120_000 },
  );
  return codes;
}

/** Codes of the pool that were never mailed: nobody holds them, and nobody ever can. */
async function revokeUnmailed(db: TDb, codes: string[]) {
  if (codes.length === 0) return;
  const hashes = codes.map(hashOfCode);
  await db.$executeRaw`UPDATE invitation_code SET revoked = true WHERE code_hash = ANY(${hashes}::text[])`;
}

type TDelivery = { recipientNo: number; attempts: number };

/**
 * One run of a send: at most runBudgetMs of mailing, under a lock that keeps any other process
 * off this send. Returns when to run again, or null when the send is finished (or another
 * process holds it). Every delivery is marked in the database in the same step that lets the
 * SMTP server have the end of its message (SmtpSender.send), so a run that dies halfway is
 * resumed by the next without mailing anyone twice.
 */
export async function runSend(deps: TSendRunDeps, sendId: string): Promise<Date | null> {
  const lock = new pg.Client({ connectionString: deps.databaseUrl });
  await lock.connect();
  try {
    const { rows } = await lock.query<{ ok: boolean }>(
      "SELECT pg_try_advisory_lock(hashtext('enkat mail send'), hashtext($1)) AS ok",
      [sendId],
    );
    if (!rows[0]?.ok) return null;
    return await runLocked(deps, sendId);
  } finally {
    await lock.end().catch(() => {});
  }
}

async function runLocked(deps: TSendRunDeps, sendId: string): Promise<Date | null> {
  const { db } = deps;
  const send = await prepareSend(db, sendId);
  if (!send) return null;
  const context = await mailContext(db, send.waveId, send.kind);
  const limit = Math.max(1, Math.ceil((deps.ratePerSecond * deps.runBudgetMs) / 1000));
  const batch = await db.$queryRaw<TDelivery[]>`
    SELECT recipient_no AS "recipientNo", attempts FROM mail_delivery
     WHERE send_id = ${sendId}::uuid AND state = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= now())
     ORDER BY position LIMIT ${limit}`;
  const addresses =
    context.mode === 'blind'
      ? unsealAddressList(deps.keys, send.waveId, context.sealedList ?? new Uint8Array())
      : await ledgerAddresses(
          db,
          send.waveId,
          batch.map((d) => d.recipientNo),
        );
  const pool = send.kind === 'invitation' ? await codePool(db, send.waveId, batch.length) : [];
  const unmailed = new Set(pool);
  const deadline = Date.now() + deps.runBudgetMs;
  let transientInARow = 0;
  let stopped = false;
  let next = 0;
  // A few SMTP connections side by side, taking the deliveries in their shuffled order; the
  // rate limit is shared by all of them.
  const lanes: TLane[] = [];
  const work = async (lane: TLane) => {
    for (;;) {
      // A server that keeps failing is given time to come back rather than a try per recipient.
      if (Date.now() > deadline || transientInARow >= 3 || stopped || next >= batch.length) return;
      const index = next++;
      const delivery = batch[index] as TDelivery;
      const address = addresses instanceof Map ? addresses.get(delivery.recipientNo) : addresses[delivery.recipientNo];
      const code = pool[index];
      await deps.limit();
      const outcome = await deliver(deps, lane, { sendId, waveId: send.waveId, context, delivery, address, code });
      if (outcome === 'sent' && code) unmailed.delete(code);
      // Someone else changed this send (the wave closed and its deliveries went, or another
      // process took over): stop, so that at most the mail in flight goes out.
      if (outcome === 'skipped') stopped = true;
      transientInARow = outcome === 'transient' ? transientInARow + 1 : 0;
    }
  };
  try {
    for (const sender of deps.senders) {
      const client = new pg.Client({ connectionString: deps.databaseUrl });
      lanes.push({ sender, lane: client });
      await client.connect();
    }
    await Promise.all(lanes.map(work));
  } finally {
    await Promise.all(lanes.map(({ lane }) => lane.end().catch(() => {})));
    await revokeUnmailed(db, [...unmailed]);
  }
  const [state] = await db.$queryRaw<{ pending: number; ready: number; next: Date | null }[]>`
    SELECT count(*)::int AS pending,
           (count(*) FILTER (WHERE next_attempt_at IS NULL OR next_attempt_at <= now()))::int AS ready,
           min(next_attempt_at) AS next
      FROM mail_delivery WHERE send_id = ${sendId}::uuid AND state = 'pending'`;
  if (!state || state.pending === 0) {
    // Only a send still sending is done: one cancelled meanwhile (its wave closed) stays so.
    await db.mailSend.updateMany({ where: { id: sendId, state: 'sending' }, data: { state: 'done' } });
    return null;
  }
  // After failures in a row, the server gets a pause before the next try.
  if (transientInARow >= 3) return new Date(Date.now() + deps.baseDelayMs);
  return state.ready > 0 ? new Date() : (state.next ?? new Date());
}

type TLane = { sender: SmtpSender; lane: pg.Client };

/**
 * Marks one recipient sent, counts it, and (tracked) records their code's pseudonym in the
 * ledger: one statement, sent as one simple query (values inlined as escaped literals), so it
 * is one write and its own transaction.
 */
function commitDelivery(
  client: pg.Client,
  input: { sendId: string; waveId: string; recipientNo: number; pseudonym: Buffer | null },
): string {
  const send = client.escapeLiteral(input.sendId);
  const wave = client.escapeLiteral(input.waveId);
  const recipient = String(Math.trunc(input.recipientNo));
  const pseudonym = input.pseudonym ? `'\\x${input.pseudonym.toString('hex')}'::bytea` : 'NULL::bytea';
  return `
    WITH marked AS (
      UPDATE mail_delivery SET state = 'sent', attempts = attempts + 1, reason = NULL, next_attempt_at = NULL
       WHERE send_id = ${send}::uuid AND recipient_no = ${recipient} AND state = 'pending'
      RETURNING 1),
    counted AS (
      UPDATE mail_send SET sent = sent + 1 WHERE id = ${send}::uuid AND EXISTS (SELECT 1 FROM marked) RETURNING 1),
    ledger AS (
      UPDATE participation.recipient SET code_pseudonym = ${pseudonym}
       WHERE wave_id = ${wave}::uuid AND recipient_no = ${recipient} AND ${pseudonym} IS NOT NULL
         AND EXISTS (SELECT 1 FROM marked)
      RETURNING 1)
    SELECT (SELECT count(*) FROM marked)::int AS marked, (SELECT count(*) FROM counted) AS c,
           (SELECT count(*) FROM ledger) AS l`;
}

type TDeliverInput = {
  sendId: string;
  waveId: string;
  context: TMailContext;
  delivery: TDelivery;
  address: string | undefined;
  code: string | undefined;
};

/** Mails one recipient and records the outcome. */
async function deliver(
  deps: TSendRunDeps,
  { sender, lane }: TLane,
  input: TDeliverInput,
): Promise<TSendOutcome['kind'] | 'skipped'> {
  const { db } = deps;
  const { sendId, waveId, context, delivery, address, code } = input;
  const where = { sendId_recipientNo: { sendId, recipientNo: delivery.recipientNo } };
  if (!address) {
    await recordFailure(deps, input, { kind: 'permanent', reason: 'no such recipient' });
    return 'permanent';
  }
  const mail = renderMail(context, { publicOrigin: deps.publicOrigin, code });
  const pseudonym = code && context.mode === 'tracked' ? codeUsePseudonym(deps.keys, hashOfCode(code)) : null;
  let committed = false;
  let outcome: TSendOutcome;
  try {
    // The statement is written to the lane's connection at once (node-pg writes a simple
    // query in one piece when the connection is idle): see SmtpSender.send.
    outcome = await sender.send({ to: address, subject: mail.subject, text: mail.body }, () =>
      lane
        .query<{ marked: number }>(
          commitDelivery(lane, { sendId, waveId, recipientNo: delivery.recipientNo, pseudonym }),
        )
        .then(({ rows }) => {
          if (rows[0]?.marked !== 1) throw new AlreadyHandled();
          committed = true;
        }),
    );
  } catch (error) {
    if (error instanceof AlreadyHandled) return 'skipped';
    throw error;
  }
  if (outcome.kind === 'sent') return 'sent';
  if (committed) {
    // The server refused the message after its end: it was not delivered after all.
    await db.$transaction(async (tx) => {
      await tx.mailDelivery.update({ where, data: { state: 'pending' } });
      await tx.$executeRaw`UPDATE mail_send SET sent = sent - 1 WHERE id = ${sendId}::uuid`;
      if (pseudonym) await setLedgerPseudonym(tx, waveId, delivery.recipientNo, null);
    });
  }
  await recordFailure(deps, input, outcome);
  return outcome.kind;
}

async function recordFailure(
  deps: TSendRunDeps,
  input: TDeliverInput,
  outcome: Exclude<TSendOutcome, { kind: 'sent' }>,
) {
  const { sendId, delivery, context } = input;
  const reason = context.mode === 'blind' ? blindReason(outcome.reason) : outcome.reason;
  const attempts = delivery.attempts + 1;
  const final = outcome.kind === 'permanent' || attempts >= deps.maxAttempts;
  const where = { sendId_recipientNo: { sendId, recipientNo: delivery.recipientNo } };
  if (!final) {
    const wait = Math.min(deps.baseDelayMs * 2 ** (attempts - 1), 15 * 60_000);
    await deps.db.mailDelivery.update({
      where,
      data: { attempts, reason, nextAttemptAt: new Date(Date.now() + wait) },
    });
    return;
  }
  await deps.db.$transaction([
    deps.db.mailDelivery.update({ where, data: { state: 'failed', attempts, reason, nextAttemptAt: null } }),
    deps.db.mailSend.update({ where: { id: sendId }, data: { failed: { increment: 1 } } }),
  ]);
  deps.log.warn({ sendId, reason: blindReason(outcome.reason) }, 'mail refused for good');
}
