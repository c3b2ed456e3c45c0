import type { TDb } from '@enkat/db';
import type { TOverviewResponse } from '@enkat/survey-schema';

const iso = (date: Date | null) => date?.toISOString() ?? null;

/**
 * Every series with its waves and their answer counts, in three queries whatever the number of
 * waves (two of them one grouped count each), for the administrators' overview.
 */
export async function loadOverview(db: TDb): Promise<TOverviewResponse> {
  const [series, responses, codes] = await Promise.all([
    db.surveySeries.findMany({
      orderBy: { name: 'asc' },
      select: {
        id: true,
        name: true,
        createdAt: true,
        waves: {
          orderBy: { createdAt: 'asc' },
          select: {
            id: true,
            name: true,
            state: true,
            opensAt: true,
            closesAt: true,
            publishedAt: true,
            closedAt: true,
            invitedCount: true,
            accessMode: true,
            minGroupSize: true,
          },
        },
      },
    }),
    db.response.groupBy({ by: ['waveId'], _count: { _all: true } }),
    db.invitationCode.groupBy({ by: ['waveId'], where: { revoked: false }, _count: { _all: true } }),
  ]);
  const responsesOf = new Map(responses.map((row) => [row.waveId, row._count._all]));
  const codesOf = new Map(codes.map((row) => [row.waveId, row._count._all]));
  return {
    series: series.map((s) => ({
      id: s.id,
      name: s.name,
      createdAt: s.createdAt.toISOString(),
      waves: s.waves.map((w) => {
        const counted = responsesOf.get(w.id) ?? 0;
        const issued = w.accessMode === 'codes' ? (codesOf.get(w.id) ?? 0) : 0;
        return {
          id: w.id,
          name: w.name,
          state: w.state,
          opensAt: iso(w.opensAt),
          closesAt: iso(w.closesAt),
          publishedAt: iso(w.publishedAt),
          closedAt: iso(w.closedAt),
          responses: w.state === 'open' ? Math.floor(counted / w.minGroupSize) * w.minGroupSize : counted,
          population: issued > 0 ? issued : w.invitedCount,
          minGroupSize: w.minGroupSize,
        };
      }),
    })),
  };
}
