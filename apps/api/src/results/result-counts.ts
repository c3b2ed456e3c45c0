import type { Prisma, TDb } from '@enkat/db';

/**
 * The counting behind every results table, done by PostgreSQL: grouped aggregations over the
 * answer rows of one wave (index response_choice(wave_id, question_id, option_id)), never a
 * loop over rows here. Reads only; the rules (rounding, suppression) live elsewhere.
 *
 * The big aggregations run without parallel workers: a results request runs several at once,
 * and on a small server the workers' start-up and gathering cost more than they save
 * (measured with 100,000 responses on 2 cores: 210 → 85 ms for the option counts, and 650 →
 * 400 ms for those with a breakdown, both queries running side by side).
 */

type TOptionRow = { questionId: string; optionId: string; count: number };
type TGroupRow = TOptionRow & { groupKey: string };
type TAnsweredRow = { questionId: string; answered: number };
type TGroupAnsweredRow = TAnsweredRow & { groupKey: string };

/** Answers per option, per question: keyed "question → option → count". */
export type TOptionCounts = Map<string, Map<string, number>>;
/** The same per group of a background question: "question → group → option → count". */
export type TGroupOptionCounts = Map<string, Map<string, Map<string, number>>>;

export async function countResponses(db: TDb, waveId: string): Promise<number> {
  return db.response.count({ where: { waveId } });
}

/** Codes that can admit or have admitted a response: all but the revoked (revoking spares used codes). */
export async function countIssuedCodes(db: TDb, waveId: string): Promise<number> {
  return db.invitationCode.count({ where: { waveId, revoked: false } });
}

export async function countOptions(db: TDb, waveId: string): Promise<TOptionCounts> {
  const rows = await serial(
    db,
    (tx) =>
      tx.$queryRaw<TOptionRow[]>`
      SELECT question_id AS "questionId", option_id AS "optionId", count(*)::int AS count
        FROM response_choice
       WHERE wave_id = ${waveId}::uuid
       GROUP BY question_id, option_id`,
  );
  const counts: TOptionCounts = new Map();
  for (const row of rows) entry(counts, row.questionId).set(row.optionId, row.count);
  return counts;
}

/**
 * How many answered each question, for questions where that is not the sum of the option
 * counts (multiple choice: one respondent, several rows).
 */
export async function countAnswered(db: TDb, waveId: string, questionIds: string[]): Promise<Map<string, number>> {
  if (questionIds.length === 0) return new Map();
  const rows = await serial(
    db,
    (tx) =>
      tx.$queryRaw<TAnsweredRow[]>`
      SELECT question_id AS "questionId", count(DISTINCT response_id)::int AS answered
        FROM response_choice
       WHERE wave_id = ${waveId}::uuid AND question_id = ANY(${questionIds}::text[])
       GROUP BY question_id`,
  );
  return new Map(rows.map((row) => [row.questionId, row.answered]));
}

/**
 * Answers per option of every other question, per option of the background question, counting
 * only respondents who answered the background question (the rest are the breakdown's
 * unassigned remainder). A background question takes one answer, so the join adds no rows.
 */
export async function countOptionsByGroup(db: TDb, waveId: string, backgroundId: string): Promise<TGroupOptionCounts> {
  const rows = await serial(
    db,
    (tx) =>
      tx.$queryRaw<TGroupRow[]>`
      SELECT c.question_id AS "questionId", g.option_id AS "groupKey", c.option_id AS "optionId",
             count(*)::int AS count
        FROM response_choice c
        JOIN response_choice g
          ON g.response_id = c.response_id AND g.wave_id = ${waveId}::uuid AND g.question_id = ${backgroundId}
       WHERE c.wave_id = ${waveId}::uuid AND c.question_id <> ${backgroundId}
       GROUP BY c.question_id, g.option_id, c.option_id`,
  );
  const counts: TGroupOptionCounts = new Map();
  for (const row of rows) entry(entry(counts, row.questionId), row.groupKey).set(row.optionId, row.count);
  return counts;
}

/** countAnswered per group of the background question: "question → group → answered". */
export async function countAnsweredByGroup(
  db: TDb,
  waveId: string,
  backgroundId: string,
  questionIds: string[],
): Promise<TOptionCounts> {
  if (questionIds.length === 0) return new Map();
  const rows = await serial(
    db,
    (tx) =>
      tx.$queryRaw<TGroupAnsweredRow[]>`
      SELECT c.question_id AS "questionId", g.option_id AS "groupKey",
             count(DISTINCT c.response_id)::int AS answered
        FROM response_choice c
        JOIN response_choice g
          ON g.response_id = c.response_id AND g.wave_id = ${waveId}::uuid AND g.question_id = ${backgroundId}
       WHERE c.wave_id = ${waveId}::uuid AND c.question_id = ANY(${questionIds}::text[])
       GROUP BY c.question_id, g.option_id`,
  );
  const counts: TOptionCounts = new Map();
  for (const row of rows) entry(counts, row.questionId).set(row.groupKey, row.answered);
  return counts;
}

/** How many wrote an answer to each free-text question. */
export async function countWriters(db: TDb, waveId: string): Promise<Map<string, number>> {
  const rows = await db.$queryRaw<TAnsweredRow[]>`
    SELECT question_id AS "questionId", count(*)::int AS answered
      FROM response_text
     WHERE wave_id = ${waveId}::uuid
     GROUP BY question_id`;
  return new Map(rows.map((row) => [row.questionId, row.answered]));
}

/**
 * How long one counting query may take. Prisma's batch transaction allows 5 seconds, and the
 * breakdowns of a 1,000,000-answer wave take longer than that on a small server (they failed
 * with 503): each query here runs in a transaction of its own, with a limit that only a
 * runaway query reaches, and PostgreSQL ends the statement itself at the same limit.
 */
const COUNT_TIMEOUT_MS = 10 * 60_000;
/**
 * Memory for one count's hash tables. A breakdown joins the wave's answers to the ~1,000,000
 * answers of its background question at 1,000,000 responses (a hash of about 70 MB): with the
 * default 4 MB PostgreSQL hashes the other, eight times larger side in 128 batches written to
 * disk (5.2 s for q9 by itself on 2 cores); with this it hashes the right side in memory
 * (4.2 s). Only these transactions get it, at most one per pooled connection.
 */
const COUNT_WORK_MEM = '64MB';
/** How long a count waits for a free connection (the pool is shared with the rest of the API). */
const COUNT_MAX_WAIT_MS = 10_000;

/** One query on one backend, without parallel workers (see above), within COUNT_TIMEOUT_MS. */
async function serial<T>(db: TDb, query: (tx: Prisma.TransactionClient) => Prisma.PrismaPromise<T>): Promise<T> {
  return db.$transaction(
    async (tx) => {
      await tx.$queryRaw`
        SELECT set_config('max_parallel_workers_per_gather', '0', true),
               set_config('work_mem', ${COUNT_WORK_MEM}, true),
               set_config('statement_timeout', ${String(COUNT_TIMEOUT_MS)}, true)`;
      return query(tx);
    },
    { maxWait: COUNT_MAX_WAIT_MS, timeout: COUNT_TIMEOUT_MS + 5_000 },
  );
}

/** The sum of one question's option counts: who answered it, where each gives one answer at most. */
export function sumOfCounts(counts: ReadonlyMap<string, number> | undefined): number {
  let sum = 0;
  for (const n of counts?.values() ?? []) sum += n;
  return sum;
}

function entry<K, V>(map: Map<K, Map<string, V>>, key: K): Map<string, V> {
  let inner = map.get(key);
  if (!inner) {
    inner = new Map();
    map.set(key, inner);
  }
  return inner;
}
