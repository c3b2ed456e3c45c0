import type { TDb } from '@enkat/db';
import type { TLanguage, TSeriesTrend, TWaveResults } from '@enkat/survey-schema';
import { AppError } from '../errors/app-error.js';
import { buildResults } from './build-results.js';
import { trendQuestions } from './trend-questions.js';

/**
 * A series' trend: its published waves oldest first, each with the results it has released
 * (built by buildResults, so suppressed exactly as on the results page), and every choice
 * question across them with the changes between consecutive waves.
 */
export async function buildTrend(
  db: TDb,
  seriesId: string,
  { lang }: { lang?: TLanguage | undefined } = {},
): Promise<TSeriesTrend> {
  const series = await db.surveySeries.findUnique({
    where: { id: seriesId },
    select: {
      id: true,
      name: true,
      waves: {
        where: { versionId: { not: null } },
        orderBy: { createdAt: 'asc' },
        select: { id: true, name: true, state: true },
      },
    },
  });
  if (!series) throw new AppError('not_found', 'No such survey series.');

  const waves: { id: string; results: TWaveResults | null; withheld: TTrendWithheld }[] = [];
  for (const wave of series.waves) waves.push({ id: wave.id, ...(await releasedResults(db, wave.id, lang)) });
  const shown = waves.flatMap((w) => (w.results ? [w.results] : []));
  return {
    series: { id: series.id, name: series.name },
    language: lang ?? shown.at(-1)?.language ?? 'sv',
    waves: series.waves.map((wave, i) => {
      const { results, withheld } = waves[i] ?? { results: null, withheld: 'not_released' };
      return {
        id: wave.id,
        name: wave.name,
        state: wave.state,
        responses: results?.responses ?? null,
        marginOfError: results?.marginOfError ?? null,
        withheld,
      };
    }),
    questions: trendQuestions(waves.map(({ id, results }) => ({ id, results: results?.withheld ? null : results }))),
  } satisfies TSeriesTrend;
}

type TTrendWithheld = TSeriesTrend['waves'][number]['withheld'];

/** A wave's results if released (a closed wave under the minimum group counts, without figures). */
async function releasedResults(
  db: TDb,
  waveId: string,
  lang: TLanguage | undefined,
): Promise<{ results: TWaveResults | null; withheld: TTrendWithheld }> {
  try {
    const results = await buildResults(db, waveId, { lang });
    return { results, withheld: results.withheld };
  } catch (error) {
    if (error instanceof AppError && error.code === 'conflict') return { results: null, withheld: 'not_released' };
    throw error;
  }
}
