import { compareWaves } from '@enkat/results';
import type { TChoiceQuestionResult, TSeriesTrend, TWaveResults } from '@enkat/survey-schema';

type TTrendQuestion = TSeriesTrend['questions'][number];
type TTrendPoint = TTrendQuestion['points'][number];
type TTrendStep = TTrendQuestion['steps'][number];
type TShare = { count: number; percent: number | null; margin: number | null };

/** One published wave of a series: its released results, or null when it shows none. */
export type TTrendWaveInput = { id: string; results: TWaveResults | null };

/** A question's figures in one wave, with what comparing it to another wave needs. */
type TAvailable = { point: TTrendPoint; text: string; population: number | null };

/**
 * Each choice question of a series (matched by its stable id) across the waves in order: its
 * figures per wave, taken from the already suppressed results, and for every two consecutive
 * waves that both show it, the change in percentage points of each option's share and of the
 * agree share (both bases), each with whether it exceeds the combined 95 % margin.
 * Questions come in the order of the latest wave, then those only earlier waves had, each
 * numbered as the results page of the latest wave that has it numbers it.
 */
export function trendQuestions(waves: readonly TTrendWaveInput[]): TTrendQuestion[] {
  const byId = new Map<string, (TChoiceQuestionResult | null)[]>();
  [...waves].reverse().forEach((wave) => {
    for (const question of wave.results?.questions ?? []) {
      if (question.type !== 'free_text' && !byId.has(question.questionId)) byId.set(question.questionId, []);
    }
  });
  for (const [id, perWave] of byId) {
    for (const wave of waves) {
      const found = wave.results?.questions.find((q) => q.questionId === id);
      perWave.push(found && found.type !== 'free_text' ? found : null);
    }
  }
  return [...byId].map(([questionId, perWave]) => trendQuestion(questionId, waves, perWave));
}

function trendQuestion(
  questionId: string,
  waves: readonly TTrendWaveInput[],
  perWave: (TChoiceQuestionResult | null)[],
): TTrendQuestion {
  const latestIndex = perWave.findLastIndex((q) => q !== null);
  const latest = perWave[latestIndex];
  const labelled = [...perWave].reverse().find((q) => q?.table);
  const available: TAvailable[] = [];
  const points = waves.map((wave, i): TTrendPoint => {
    const question = perWave[i];
    // Nothing to compare where the wave lacks the question, withholds it, or nobody answered it.
    const table = question?.table?.total ? question.table : null;
    const point: TTrendPoint = {
      waveId: wave.id,
      available: table !== null,
      n: table?.total ?? null,
      wordingChangedSince: question?.wordingChangedSince ?? null,
      // A count the wave's decision hides is left out: the trend shows what the wave's page shows.
      options:
        table?.rows.flatMap(({ optionId, count, percent, margin }) =>
          count === null ? [] : [{ optionId, count, percent, margin }],
        ) ?? [],
      agreement:
        table && question?.agreement
          ? { allAnswers: question.agreement.allAnswers, scaleAnswers: question.agreement.scaleAnswers }
          : null,
    };
    if (question && table) available.push({ point, text: question.text, population: populationOf(wave.results) });
    return point;
  });
  const steps = available.slice(1).map((later, i) => step(available[i] as TAvailable, later));
  return {
    questionId,
    number: (waves[latestIndex]?.results?.questions.findIndex((q) => q.questionId === questionId) ?? 0) + 1,
    type: latest?.type ?? 'single_choice',
    text: latest?.text ?? questionId,
    options: labelled?.table?.rows.map(({ optionId, label }) => ({ optionId, label })) ?? [],
    points,
    steps,
  };
}

function step(earlier: TAvailable, later: TAvailable): TTrendStep {
  const change = (a: TShare | undefined, aTotal: number, b: TShare | undefined, bTotal: number) =>
    a && b && aTotal > 0 && bTotal > 0
      ? compareWaves(
          { p: a.count / aTotal, n: aTotal, population: earlier.population },
          { p: b.count / bTotal, n: bTotal, population: later.population },
        )
      : null;
  const [from, to] = [earlier.point, later.point];
  const optionIds = [...new Set([...from.options, ...to.options].map((o) => o.optionId))];
  const agreement = (base: 'allAnswers' | 'scaleAnswers') => {
    const a = from.agreement?.[base];
    const b = to.agreement?.[base];
    return a && b ? change(a.agree, a.total, b.agree, b.total) : null;
  };
  return {
    fromWaveId: from.waveId,
    toWaveId: to.waveId,
    wordingChanged: earlier.text !== later.text,
    options: optionIds.map((optionId) => ({
      optionId,
      change: change(
        from.options.find((o) => o.optionId === optionId),
        from.n ?? 0,
        to.options.find((o) => o.optionId === optionId),
        to.n ?? 0,
      ),
    })),
    agreement:
      from.agreement && to.agreement
        ? { allAnswers: agreement('allAnswers'), scaleAnswers: agreement('scaleAnswers') }
        : null,
  };
}

/** The population of a wave as its results used it (null when unknown or below the responses). */
function populationOf(results: TWaveResults | null): number | null {
  const size = results?.population.size ?? null;
  return results && size !== null && size >= results.responses ? size : null;
}
