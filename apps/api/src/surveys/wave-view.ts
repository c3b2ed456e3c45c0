import type { Prisma, TDb } from '@enkat/db';
import { type TQuestionSet, type TWave, wordingChanges, ZQuestionSet } from '@enkat/survey-schema';
import { AppError } from '../errors/app-error.js';

export const WAVE_SELECT = {
  id: true,
  name: true,
  state: true,
  revision: true,
  draft: true,
  opensAt: true,
  closesAt: true,
  audience: true,
  invitedCount: true,
  minGroupSize: true,
  freeTextMinGroup: true,
  accessMode: true,
  anonymityNote: true,
  resultsBeforeClose: true,
  codesLockedWhenOpen: true,
  publishedAt: true,
  closedAt: true,
  slug: true,
  createdAt: true,
  series: { select: { id: true, name: true } },
  version: { select: { contentHash: true, content: true } },
} as const satisfies Prisma.WaveSelect;

/** The question set a wave shows: the frozen version once published, else the draft. */
export function questionSetOf(row: {
  draft: Prisma.JsonValue;
  version: { content: Prisma.JsonValue } | null;
}): TQuestionSet {
  return ZQuestionSet.parse(row.version?.content ?? row.draft);
}

export async function loadWave(db: TDb, id: string): Promise<TWave> {
  const row = await db.wave.findUnique({ where: { id }, select: WAVE_SELECT });
  if (!row) throw new AppError('not_found', 'No such wave.');
  const questionSet = questionSetOf(row);
  // The previous published wave of the series, for "wording changed since …".
  const previous = await db.wave.findFirst({
    where: { seriesId: row.series.id, id: { not: row.id }, versionId: { not: null }, createdAt: { lt: row.createdAt } },
    orderBy: { createdAt: 'desc' },
    select: { name: true, version: { select: { content: true } } },
  });
  const changed = previous?.version ? wordingChanges(ZQuestionSet.parse(previous.version.content), questionSet) : null;
  return {
    id: row.id,
    series: row.series,
    name: row.name,
    state: row.state,
    revision: row.revision,
    settings: {
      opensAt: row.opensAt?.toISOString() ?? null,
      closesAt: row.closesAt?.toISOString() ?? null,
      audience: row.audience,
      invitedCount: row.invitedCount,
      minGroupSize: row.minGroupSize,
      freeTextMinGroup: row.freeTextMinGroup,
      accessMode: row.accessMode,
      anonymityNote: row.anonymityNote,
      resultsBeforeClose: row.resultsBeforeClose,
      codesLockedWhenOpen: row.codesLockedWhenOpen,
    },
    questionSet,
    contentHash: row.version?.contentHash ?? null,
    slug: row.slug,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    wordingChanged: previous && changed ? { since: previous.name, questionIds: changed } : null,
    warnings: row.minGroupSize < 5 ? ['A minimum reporting group under 5 makes respondents easier to single out.'] : [],
  };
}
