import { randomInt, randomUUID } from 'node:crypto';
import type { Prisma } from '@enkat/db';
import { questionsOf, type TAnswers, ZQuestionSet } from '@enkat/survey-schema';
import type { TDeploymentKeys } from '../keys/deployment-keys.js';
import { unseal } from '../keys/seal.js';
import { submissionsToMix } from './mix-policy.js';

type TTx = Prisma.TransactionClient;

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

/**
 * Moves a batch of a wave's pending submissions into the response tables, in the caller's
 * transaction, which must hold the wave's mixing lock. The batch is chosen at random
 * (mix-policy.ts says how many), deleted from `pending_submission`, opened, shuffled, and
 * written under fresh random ids: every row of the batch shares this one transaction, and
 * neither their order nor their ids say which pending submission each came from. Returns how
 * many were mixed.
 */
export async function mixWave(
  tx: TTx,
  keys: TDeploymentKeys,
  options: { waveId: string; closing: boolean },
): Promise<number> {
  const { waveId, closing } = options;
  const [wave] = await tx.$queryRaw<{ minGroup: number; pending: number; content: unknown }[]>`
    SELECT w.min_group_size AS "minGroup", v.content,
           (SELECT count(*) FROM pending_submission p WHERE p.wave_id = w.id)::int AS pending
      FROM wave w JOIN question_set_version v ON v.id = w.version_id
     WHERE w.id = ${waveId}::uuid`;
  if (!wave) return 0;
  const count = submissionsToMix({ pending: wave.pending, minGroup: wave.minGroup, closing });
  if (count === 0) return 0;
  const taken = await tx.$queryRaw<{ sealed: Uint8Array }[]>`
    DELETE FROM pending_submission
     WHERE id IN (SELECT id FROM pending_submission WHERE wave_id = ${waveId}::uuid ORDER BY random() LIMIT ${count})
    RETURNING sealed`;

  const types = new Map(questionsOf(ZQuestionSet.parse(wave.content)).map((q) => [q.id, q.type]));
  const batch = shuffle(taken.map((row) => JSON.parse(unseal(keys.seal, waveId, row.sealed)) as TAnswers));
  const ids: string[] = [];
  const choices = { response: [] as string[], question: [] as string[], option: [] as string[] };
  const texts = { response: [] as string[], question: [] as string[], text: [] as string[] };
  for (const answers of batch) {
    const id = randomUUID();
    ids.push(id);
    for (const [questionId, value] of Object.entries(answers)) {
      if (types.get(questionId) === 'free_text' && typeof value === 'string') {
        texts.response.push(id);
        texts.question.push(questionId);
        texts.text.push(value);
      } else {
        for (const optionId of [value].flat()) {
          choices.response.push(id);
          choices.question.push(questionId);
          choices.option.push(optionId);
        }
      }
    }
  }
  await tx.$executeRaw`
    INSERT INTO response (id, wave_id) SELECT id, ${waveId}::uuid FROM unnest(${ids}::uuid[]) WITH ORDINALITY AS t(id, n) ORDER BY n`;
  await tx.$executeRaw`
    INSERT INTO response_choice (response_id, wave_id, question_id, option_id)
    SELECT r, ${waveId}::uuid, q, o
      FROM unnest(${choices.response}::uuid[], ${choices.question}::text[], ${choices.option}::text[]) WITH ORDINALITY AS t(r, q, o, n)
     ORDER BY n`;
  await tx.$executeRaw`
    INSERT INTO response_text (response_id, wave_id, question_id, text)
    SELECT r, ${waveId}::uuid, q, x
      FROM unnest(${texts.response}::uuid[], ${texts.question}::text[], ${texts.text}::text[]) WITH ORDINALITY AS t(r, q, x, n)
     ORDER BY n`;
  return batch.length;
}
