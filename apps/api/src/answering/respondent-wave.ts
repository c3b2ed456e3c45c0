import type { TDb } from '@enkat/db';
import {
  type TAnsweringStatus,
  type TQuestionSet,
  type TRespondentProblem,
  type TRespondentWave,
  ZQuestionSet,
} from '@enkat/survey-schema';
import { AppError } from '../errors/app-error.js';

export type TPublishedWave = {
  id: string;
  state: 'open' | 'closed';
  /** The moment `status` was judged at; storing an answer checks the dates against it too. */
  now: Date;
  slug: string;
  status: TAnsweringStatus;
  opensAt: Date;
  closesAt: Date;
  accessMode: 'codes' | 'open_link';
  minGroupSize: number;
  freeTextMinGroup: number;
  anonymityNote: string;
  mailingMode: 'tracked' | 'blind' | null;
  questionSet: TQuestionSet;
};

export function respondentError(
  code: 'not_found' | 'conflict' | 'forbidden' | 'validation_failed',
  reason: TRespondentProblem,
  detail: string,
  fields?: { path: string; message: string }[],
): AppError {
  return new AppError(code, detail, { reason, ...(fields ? { fields } : {}) });
}

/** Whether a published wave takes answers at `now`: only between its opening and closing time. */
function statusAt(wave: { state: string; opensAt: Date; closesAt: Date }, now: Date): TAnsweringStatus {
  if (wave.state === 'closed' || now >= wave.closesAt) return 'closed';
  if (now < wave.opensAt) return 'not_yet_open';
  return 'open';
}

/** A published wave by its respondent address; drafts and unknown addresses are not found. */
export async function findPublishedWave(db: TDb, slug: string, now = new Date()): Promise<TPublishedWave> {
  const row = await db.wave.findUnique({
    where: { slug },
    select: {
      id: true,
      state: true,
      opensAt: true,
      closesAt: true,
      accessMode: true,
      minGroupSize: true,
      freeTextMinGroup: true,
      anonymityNote: true,
      versionId: true,
      mailing: { select: { mode: true } },
    },
  });
  if (!row || row.state === 'draft' || !row.versionId || !row.opensAt || !row.closesAt) {
    throw respondentError('not_found', 'survey_not_found', 'There is no survey at this address.');
  }
  const { opensAt, closesAt } = row;
  return {
    id: row.id,
    state: row.state,
    now,
    slug,
    status: statusAt({ state: row.state, opensAt, closesAt }, now),
    opensAt,
    closesAt,
    accessMode: row.accessMode,
    minGroupSize: row.minGroupSize,
    freeTextMinGroup: row.freeTextMinGroup,
    anonymityNote: row.anonymityNote,
    mailingMode: row.mailing?.mode ?? null,
    questionSet: await frozenQuestionSet(db, row.versionId),
  };
}

const recent = new Map<string, { at: number; wave: TPublishedWave }>();
const RECENT_MS = 1000;

/**
 * The wave for storing an answer: a view at most a second old while it is open, so a rush of
 * submissions does not read the same row a thousand times a second. Nothing depends on it being
 * fresh: storing checks the wave's state and dates again in the same statement. A wave that
 * looks anything but open is read afresh.
 */
export async function findWaveForAnswering(db: TDb, slug: string): Promise<TPublishedWave> {
  const now = new Date();
  const cached = recent.get(slug);
  if (cached && now.getTime() - cached.at < RECENT_MS) {
    const status = statusAt(cached.wave, now);
    if (status === 'open') return { ...cached.wave, now, status };
  }
  const wave = await findPublishedWave(db, slug, now);
  if (recent.size >= FROZEN_CACHE_LIMIT) recent.clear();
  recent.set(slug, { at: now.getTime(), wave });
  return wave;
}

/** Frozen versions never change: each is read and parsed once per process. */
const frozen = new Map<string, Promise<TQuestionSet>>();
const FROZEN_CACHE_LIMIT = 200;

function frozenQuestionSet(db: TDb, versionId: string): Promise<TQuestionSet> {
  const cached = frozen.get(versionId);
  if (cached) return cached;
  const loading = db.questionSetVersion
    .findUniqueOrThrow({ where: { id: versionId }, select: { content: true } })
    .then((version) => ZQuestionSet.parse(version.content));
  loading.catch(() => frozen.delete(versionId));
  if (frozen.size >= FROZEN_CACHE_LIMIT) frozen.clear();
  frozen.set(versionId, loading);
  return loading;
}

/** Refuses answers outside the wave's opening hours, with the reason. */
export function assertOpen(wave: TPublishedWave): void {
  if (wave.status === 'not_yet_open') {
    throw respondentError('conflict', 'survey_not_yet_open', 'This survey has not opened yet.');
  }
  if (wave.status === 'closed') throw respondentError('conflict', 'survey_closed', 'This survey is closed.');
}

/** What the respondent's pages see: the questions only while the wave is open. */
export function respondentView(wave: TPublishedWave): TRespondentWave {
  return {
    slug: wave.slug,
    title: wave.questionSet.title,
    language: wave.questionSet.language,
    status: wave.status,
    opensAt: wave.opensAt.toISOString(),
    closesAt: wave.closesAt.toISOString(),
    accessMode: wave.accessMode,
    minGroupSize: wave.minGroupSize,
    freeTextMinGroup: wave.freeTextMinGroup,
    anonymityNote: wave.anonymityNote,
    mailingMode: wave.mailingMode,
    questionSet: wave.status === 'open' ? wave.questionSet : null,
  };
}
