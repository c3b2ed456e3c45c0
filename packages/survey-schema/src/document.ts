import { z } from 'zod';
import { type TQuestionSet, ZQuestionSet } from './question-set.js';

/** The version of the exported JSON document; raise it with an upgrader below for older files. */
export const QUESTION_SET_SCHEMA_VERSION = 1;
export const QUESTION_SET_DOCUMENT_KIND = 'enkat.question-set';
/** Imports larger than this are refused before parsing. */
export const MAX_IMPORT_BYTES = 512 * 1024;

export const ZQuestionSetDocument = z.strictObject({
  kind: z.literal(QUESTION_SET_DOCUMENT_KIND),
  schemaVersion: z.literal(QUESTION_SET_SCHEMA_VERSION),
  questionSet: ZQuestionSet,
});
export type TQuestionSetDocument = z.infer<typeof ZQuestionSetDocument>;

/** Upgraders from each older schemaVersion to the next; none exist before version 1. */
const UPGRADERS: Record<number, (document: Record<string, unknown>) => Record<string, unknown>> = {};

/** The document for a question set, in the schema's own key order, so equal sets export equal JSON. */
export function exportQuestionSet(questionSet: TQuestionSet): TQuestionSetDocument {
  return {
    kind: QUESTION_SET_DOCUMENT_KIND,
    schemaVersion: QUESTION_SET_SCHEMA_VERSION,
    questionSet: ZQuestionSet.parse(questionSet),
  };
}

export type TImportResult =
  | { ok: true; document: TQuestionSetDocument }
  | { ok: false; reason: string; issues?: z.core.$ZodIssue[] };

/** Reads an exported document, upgrading older versions, or says exactly why it cannot. */
export function importQuestionSet(input: unknown): TImportResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return { ok: false, reason: 'The file is not a JSON object.' };
  let document = input as Record<string, unknown>;
  if (document.kind !== QUESTION_SET_DOCUMENT_KIND) {
    return { ok: false, reason: `The file is not a question set ("kind" must be "${QUESTION_SET_DOCUMENT_KIND}").` };
  }
  const version = document.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version))
    return { ok: false, reason: '"schemaVersion" is missing or not a whole number.' };
  if (version > QUESTION_SET_SCHEMA_VERSION) {
    return {
      ok: false,
      reason: `The file has schemaVersion ${version}, made by a newer version of the platform (this one reads up to ${QUESTION_SET_SCHEMA_VERSION}). Upgrade this installation first.`,
    };
  }
  for (let v = version; v < QUESTION_SET_SCHEMA_VERSION; v++) {
    const upgrade = UPGRADERS[v];
    if (!upgrade)
      return { ok: false, reason: `schemaVersion ${version} is older than any version this platform can upgrade.` };
    document = upgrade(document);
  }
  const parsed = ZQuestionSetDocument.safeParse(document);
  if (!parsed.success) return { ok: false, reason: 'The question set is not valid.', issues: parsed.error.issues };
  return { ok: true, document: parsed.data };
}
