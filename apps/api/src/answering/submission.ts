import { Prisma, type TDb } from '@enkat/db';
import { answersSchemaFor, type TAnswers, type TQuestionSet, type TSubmitResponseRequest } from '@enkat/survey-schema';
import type { TDeploymentKeys } from '../keys/deployment-keys.js';
import { codeUsePseudonym, receiptContentDigest, receiptKeyDigest } from '../keys/pseudonyms.js';
import { seal } from '../keys/seal.js';
import { hashCode, parseCode } from './invitation-codes.js';
import { canonicalAnswers, plaintextBound } from './pending-plaintext.js';
import { assertOpen, respondentError, type TPublishedWave } from './respondent-wave.js';

/** Reads a typed code, or says precisely what is wrong with it, without asking the database. */
function typedCode(typed: string | undefined): { normalized: string } {
  if (!typed) {
    throw respondentError('validation_failed', 'code_required', 'This survey needs an invitation code.', [
      { path: 'body.code', message: 'Required' },
    ]);
  }
  const parsed = parseCode(typed);
  if (!parsed.ok) {
    throw respondentError('validation_failed', 'code_malformed', 'That is not a valid code: check it for typos.', [
      { path: 'body.code', message: parsed.reason === 'typo' ? 'Check character mismatch' : 'Malformed' },
    ]);
  }
  return { normalized: parsed.normalized };
}

/** Finds a typed code among this wave's codes, or says precisely what is wrong. */
async function findCode(db: TDb, wave: TPublishedWave, typed: string | undefined) {
  const { normalized } = typedCode(typed);
  const code = await db.invitationCode.findUnique({
    where: { codeHash: hashCode(normalized) },
    select: { codeHash: true, waveId: true, revoked: true },
  });
  if (!code) throw respondentError('not_found', 'code_unknown', 'There is no such code.');
  if (code.waveId !== wave.id) {
    throw respondentError('forbidden', 'code_other_survey', 'This code belongs to another survey.');
  }
  if (code.revoked) throw respondentError('forbidden', 'code_revoked', 'This code has been withdrawn.');
  return { normalized, codeHash: code.codeHash };
}

const codeUsed = () => respondentError('conflict', 'code_used', 'This code has already been used.');

async function isCodeUsed(db: TDb, keys: TDeploymentKeys, codeHash: string): Promise<boolean> {
  const pseudonym = codeUsePseudonym(keys, codeHash);
  const rows = await db.$queryRaw<unknown[]>`SELECT 1 FROM code_use WHERE pseudonym = ${pseudonym}`;
  return rows.length > 0;
}

/** Checks a code before the questions are shown, without using it up. */
export async function checkCode(db: TDb, keys: TDeploymentKeys, wave: TPublishedWave, typed: string): Promise<void> {
  assertOpen(wave);
  const code = await findCode(db, wave, typed);
  if (await isCodeUsed(db, keys, code.codeHash)) throw codeUsed();
}

/** One answers schema and padded size per frozen question set (they never change). */
const prepared = new WeakMap<TQuestionSet, { schema: ReturnType<typeof answersSchemaFor>; paddedBytes: number }>();
function preparedFor(set: TQuestionSet) {
  let entry = prepared.get(set);
  if (!entry) {
    entry = { schema: answersSchemaFor(set), paddedBytes: plaintextBound(set) };
    prepared.set(set, entry);
  }
  return entry;
}

function checkedAnswers(wave: TPublishedWave, answers: unknown): TAnswers {
  const parsed = preparedFor(wave.questionSet).schema.safeParse(answers);
  if (parsed.success) return parsed.data;
  throw respondentError(
    'validation_failed',
    'answers_invalid',
    'Some answers do not fit the questions.',
    parsed.error.issues.map((issue) => ({
      path: ['body', 'answers', ...issue.path].join('.'),
      message: issue.message,
    })),
  );
}

type TReceipt = { keyDigest: Buffer; contentDigest: Buffer };

/** The first outcome of an earlier submission under the same key, if there was one. */
async function earlierOutcome(db: TDb, waveId: string, receipt: TReceipt): Promise<'accepted' | 'none'> {
  const [row] = await db.$queryRaw<{ contentDigest: Uint8Array }[]>`
    SELECT content_digest AS "contentDigest" FROM submission_receipt
     WHERE key_digest = ${receipt.keyDigest} AND wave_id = ${waveId}::uuid`;
  if (!row) return 'none';
  if (Buffer.from(row.contentDigest).equals(receipt.contentDigest)) return 'accepted';
  throw respondentError(
    'validation_failed',
    'receipt_mismatch',
    'This submission key was already used for other answers: reload the survey to answer again.',
    [{ path: 'body.idempotencyKey', message: 'Already used for other content' }],
  );
}

const isUniqueViolation = (error: unknown): boolean => {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === 'P2002') return true;
  const meta = error.meta as { code?: string; driverAdapterError?: { cause?: { originalCode?: string } } } | undefined;
  return meta?.code === '23505' || meta?.driverAdapterError?.cause?.originalCode === '23505';
};

/**
 * Accepts one complete answer set, in one SQL statement (one transaction, one round trip):
 * only while the wave is open (its row locked FOR SHARE, so a close waits for submissions under
 * way and every later one sees it closed) and, with codes, only for a valid code of the wave,
 * it writes the receipt, the code's use as a keyed pseudonym, and the answers sealed and padded
 * to the wave's one size. The mixer moves them into the response tables later, in shuffled
 * batches (mixing/). The code's own row is never written, and nothing this statement writes
 * can be read or matched to the mixed answers without the deployment's secret.
 *
 * Outcomes: the same key with the same content answers as the first time did, also after the
 * wave closed; the same key with other content is a 422; a second use of a code is a 409 (the
 * `code_use` primary key decides a race).
 */
export async function submitResponse(
  db: TDb,
  keys: TDeploymentKeys,
  wave: TPublishedWave,
  request: TSubmitResponseRequest,
): Promise<void> {
  const answers = checkedAnswers(wave, request.answers);
  const code = wave.accessMode === 'codes' ? typedCode(request.code) : null;
  const plaintext = canonicalAnswers(answers);
  const receipt: TReceipt = {
    keyDigest: receiptKeyDigest(keys, wave.id, request.idempotencyKey),
    contentDigest: receiptContentDigest(keys, code?.normalized ?? '', plaintext),
  };
  if (wave.status !== 'open') {
    if ((await earlierOutcome(db, wave.id, receipt)) === 'accepted') return;
    assertOpen(wave);
  }
  const sealed = seal(keys.seal, wave.id, plaintext, preparedFor(wave.questionSet).paddedBytes);
  const codeHash = code ? hashCode(code.normalized) : null;
  const pseudonym = codeHash ? codeUsePseudonym(keys, codeHash) : null;

  let outcome: { stored: number; open: number } | undefined;
  try {
    [outcome] = await db.$queryRaw<{ stored: number; open: number }[]>`
      WITH open AS (
        SELECT id FROM wave
         WHERE id = ${wave.id}::uuid AND state = 'open' AND opens_at <= ${wave.now} AND closes_at > ${wave.now}
           FOR SHARE),
      admitted AS (
        SELECT open.id FROM open
         WHERE ${codeHash}::text IS NULL
            OR EXISTS (SELECT 1 FROM invitation_code c
                        WHERE c.code_hash = ${codeHash}::text AND c.wave_id = open.id AND NOT c.revoked)),
      receipt AS (
        INSERT INTO submission_receipt (key_digest, wave_id, content_digest)
        SELECT ${receipt.keyDigest}, id, ${receipt.contentDigest} FROM admitted RETURNING 1),
      use AS (
        INSERT INTO code_use (pseudonym, wave_id)
        SELECT ${pseudonym}::bytea, id FROM admitted WHERE ${pseudonym}::bytea IS NOT NULL RETURNING 1),
      pending AS (
        INSERT INTO pending_submission (wave_id, sealed) SELECT id, ${sealed} FROM admitted RETURNING 1)
      SELECT (SELECT count(*) FROM pending)::int AS stored, (SELECT count(*) FROM open)::int AS open`;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // The same submission was accepted meanwhile (its receipt exists), or the code was used.
    if ((await earlierOutcome(db, wave.id, receipt)) === 'accepted') return;
    throw codeUsed();
  }
  if (outcome?.stored === 1) return;
  if ((await earlierOutcome(db, wave.id, receipt)) === 'accepted') return;
  // Open, but the code did not admit it: say precisely why.
  if (outcome?.open === 1 && code) await findCode(db, wave, request.code);
  throw respondentError('conflict', 'survey_closed', 'This survey is closed.');
}
