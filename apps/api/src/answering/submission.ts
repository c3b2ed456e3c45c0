import { createHash, randomUUID } from 'node:crypto';
import { Prisma, type TDb } from '@enkat/db';
import { answersSchemaFor, questionsOf, type TSubmitResponseRequest } from '@enkat/survey-schema';
import { hashCode, parseCode } from './invitation-codes.js';
import { assertOpen, respondentError, type TPublishedWave } from './respondent-wave.js';
import { unlinkCodeUses } from './unlink-code-uses.js';

type TTx = Prisma.TransactionClient;

/** Reads a typed code and finds it among this wave's codes, or says precisely what is wrong. */
async function findCode(db: TDb | TTx, wave: TPublishedWave, typed: string | undefined) {
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
  const code = await db.invitationCode.findUnique({
    where: { codeHash: hashCode(parsed.normalized) },
    select: { id: true, waveId: true, revoked: true, use: { select: { codeId: true } } },
  });
  if (!code) throw respondentError('not_found', 'code_unknown', 'There is no such code.');
  if (code.waveId !== wave.id) {
    throw respondentError('forbidden', 'code_other_survey', 'This code belongs to another survey.');
  }
  if (code.revoked) throw respondentError('forbidden', 'code_revoked', 'This code has been withdrawn.');
  return code;
}

const codeUsed = () => respondentError('conflict', 'code_used', 'This code has already been used.');

/** Checks a code before the questions are shown, without using it up. */
export async function checkCode(db: TDb, wave: TPublishedWave, typed: string): Promise<void> {
  assertOpen(wave);
  const code = await findCode(db, wave, typed);
  if (code.use) throw codeUsed();
}

const keyHashOf = (key: string) => createHash('sha256').update(`enkat-submission:${key}`).digest('hex');

const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';

/**
 * Stores one complete answer set, all or nothing, in one transaction: the answers are checked
 * against the wave's frozen question set, the code (if the wave uses codes) is marked used,
 * and the response is written under a fresh random id. The `code_use` primary key decides a
 * race between two submissions of one code; the receipt's primary key turns a retry of the
 * same submission into its first outcome. Nothing stored links the response to the code, the
 * receipt, the time or the sender.
 */
export async function submitResponse(db: TDb, wave: TPublishedWave, request: TSubmitResponseRequest): Promise<void> {
  const keyHash = keyHashOf(request.idempotencyKey);
  if (await db.submissionReceipt.findUnique({ where: { keyHash }, select: { keyHash: true } })) return;
  assertOpen(wave);
  const parsed = answersSchemaFor(wave.questionSet).safeParse(request.answers);
  if (!parsed.success) {
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
  const answers = parsed.data;
  const types = new Map(questionsOf(wave.questionSet).map((question) => [question.id, question.type]));
  const responseId = randomUUID();
  const choices: Prisma.ResponseChoiceCreateManyInput[] = [];
  const texts: Prisma.ResponseTextCreateManyInput[] = [];
  for (const [questionId, value] of Object.entries(answers)) {
    if (types.get(questionId) === 'free_text' && typeof value === 'string') {
      texts.push({ responseId, waveId: wave.id, questionId, text: value });
    } else {
      for (const optionId of [value].flat()) choices.push({ responseId, waveId: wave.id, questionId, optionId });
    }
  }

  try {
    await db.$transaction(
      async (tx) => {
        await tx.submissionReceipt.create({ data: { keyHash, waveId: wave.id } });
        if (wave.accessMode === 'codes') {
          const code = await findCode(tx, wave, request.code);
          await tx.codeUse.create({ data: { codeId: code.id } });
        }
        await tx.response.create({ data: { id: responseId, waveId: wave.id } });
        await tx.responseChoice.createMany({ data: choices });
        await tx.responseText.createMany({ data: texts });
      },
      // Many respondents may press "Skicka" at once: wait for a connection rather than fail.
      { maxWait: 20_000, timeout: 20_000 },
    );
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Either the same submission was stored meanwhile (its receipt exists: same outcome),
    // or another submission used the code first.
    if (await db.submissionReceipt.findUnique({ where: { keyHash }, select: { keyHash: true } })) return;
    throw codeUsed();
  }
  if (wave.accessMode === 'codes') await unlinkCodeUses(db, wave.id);
}
