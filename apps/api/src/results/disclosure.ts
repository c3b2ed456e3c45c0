import type { TDb } from '@enkat/db';
import { decideDisclosure, pairKey, type TDisclosureDecision } from '@enkat/results';
import { questionsOf, type TWave } from '@enkat/survey-schema';
import { countAnswered, countOptions, countResponses, sumOfCounts, type TOptionCounts } from './result-counts.js';

/**
 * Decisions already made, by wave and what they depend on (responses, minimum group, state):
 * a closed wave's answers do not change, so its decision is made once per process.
 */
const decided = new Map<string, TDisclosureDecision>();
const REMEMBERED = 100;

/**
 * Counts of the wave the caller has already made, or is making, for the same request: the
 * decision takes them instead of counting again (answers per option is one pass over every
 * answer of the wave).
 */
export type TCounted = {
  responses?: number;
  options?: Promise<TOptionCounts>;
  /** countAnswered of the wave's multiple-choice questions. */
  answered?: Promise<Map<string, number>>;
};

/**
 * The wave's one disclosure-control decision (anonymity invariant 4), from all of its counts:
 * every background question's own table, every pair of background questions, and every other
 * choice question by every background group. Every page, API answer, trend and export takes
 * its hidden cells from here, whatever breakdown it shows.
 */
export async function disclosureOf(db: TDb, wave: TWave, counted: TCounted = {}): Promise<TDisclosureDecision> {
  const responses = counted.responses ?? (await countResponses(db, wave.id));
  const key = `${wave.id}/${wave.state}/${wave.settings.minGroupSize}/${responses}`;
  const known = decided.get(key);
  if (known) return known;
  const decision = await decide(db, wave, responses, counted);
  if (decided.size >= REMEMBERED) decided.delete(decided.keys().next().value ?? '');
  decided.set(key, decision);
  return decision;
}

async function decide(db: TDb, wave: TWave, responses: number, counted: TCounted): Promise<TDisclosureDecision> {
  const questions = questionsOf(wave.questionSet);
  const background = questions.filter((q) => q.type === 'background');
  const others = questions.filter((q) => q.type !== 'background' && q.type !== 'free_text');
  const backgroundIds = background.map((q) => q.id);
  const multiple = questions.filter((q) => q.type === 'multiple_choice').map((q) => q.id);
  const [options, answered, pairs, byGroup] = await Promise.all([
    counted.options ?? countOptions(db, wave.id),
    counted.answered ?? countAnswered(db, wave.id, multiple),
    countPairs(db, wave.id, backgroundIds),
    countAnsweredByEveryGroup(db, wave.id, backgroundIds),
  ]);
  return decideDisclosure({
    minGroup: wave.settings.minGroupSize,
    responses,
    background: background.map((q) => ({
      id: q.id,
      options: q.options.map((o) => o.id),
      counts: options.get(q.id) ?? new Map(),
    })),
    pairs,
    questions: others.map((q) => ({
      id: q.id,
      answered: answered.get(q.id) ?? sumOfCounts(options.get(q.id)),
      byGroup: byGroup.get(q.id) ?? new Map(),
    })),
  });
}

/** How many gave each pair of answers to two background questions, keyed both ways round. */
async function countPairs(db: TDb, waveId: string, backgroundIds: string[]): Promise<Map<string, number>> {
  const pairs = new Map<string, number>();
  if (backgroundIds.length < 2) return pairs;
  // Plain queries, not the batch transaction of result-counts.ts: at 100,000 answers these take
  // seconds the first time, longer than that transaction's limit; the decision is then remembered.
  const rows = await db.$queryRaw<{ a: string; x: string; b: string; y: string; count: number }[]>`
      SELECT p.question_id AS a, p.option_id AS x, q.question_id AS b, q.option_id AS y, count(*)::int AS count
        FROM response_choice p
        JOIN response_choice q
          ON q.response_id = p.response_id AND q.wave_id = ${waveId}::uuid
         AND q.question_id = ANY(${backgroundIds}::text[]) AND q.question_id > p.question_id
       WHERE p.wave_id = ${waveId}::uuid AND p.question_id = ANY(${backgroundIds}::text[])
       GROUP BY 1, 2, 3, 4`;
  for (const { a, x, b, y, count } of rows) {
    pairs.set(pairKey(a, x, b, y), count);
    pairs.set(pairKey(b, y, a, x), count);
  }
  return pairs;
}

/** Per other question: of those who gave each background answer, how many answered it ("B/b" → n). */
async function countAnsweredByEveryGroup(
  db: TDb,
  waveId: string,
  backgroundIds: string[],
): Promise<Map<string, Map<string, number>>> {
  const counts = new Map<string, Map<string, number>>();
  if (backgroundIds.length === 0) return counts;
  const rows = await db.$queryRaw<{ questionId: string; b: string; y: string; answered: number }[]>`
      WITH answered AS (
        SELECT DISTINCT response_id, question_id FROM response_choice
         WHERE wave_id = ${waveId}::uuid AND NOT (question_id = ANY(${backgroundIds}::text[]))
      )
      SELECT a.question_id AS "questionId", g.question_id AS b, g.option_id AS y, count(*)::int AS answered
        FROM answered a
        JOIN response_choice g
          ON g.response_id = a.response_id AND g.wave_id = ${waveId}::uuid
         AND g.question_id = ANY(${backgroundIds}::text[])
       GROUP BY 1, 2, 3`;
  for (const { questionId, b, y, answered } of rows) {
    const inner = counts.get(questionId) ?? new Map<string, number>();
    inner.set(`${b}/${y}`, answered);
    counts.set(questionId, inner);
  }
  return counts;
}
