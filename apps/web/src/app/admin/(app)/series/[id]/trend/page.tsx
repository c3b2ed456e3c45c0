import { formatInteger, formatPercent, formatPoints } from '@enkat/results';
import { ZGetSeriesTrendResponse } from '@enkat/survey-schema';
import Link from 'next/link';
import { fillMessage, MESSAGES } from '@/lib/messages';
import { adminLanguage, serverApi } from '@/lib/server-api';

type TProps = { params: Promise<{ id: string }> };

/**
 * Every question of a series, matched by its stable id, wave beside wave: the shares, the
 * change in percentage points, and whether that change is larger than the combined margin
 * of error ("statistically significant at 95 %" only then).
 */
export default async function TrendPage({ params }: TProps) {
  const { id } = await params;
  const language = await adminLanguage();
  const m = MESSAGES[language];
  const trend = await serverApi(`/api/v1/series/${id}/trend?lang=${language}`, ZGetSeriesTrendResponse);
  if (!trend.ok) return <p className="error-box">{trend.problem?.detail ?? m.error}</p>;
  const { series, waves, questions } = trend.value;
  const changeText = (change: { difference: number; significant: boolean } | null | undefined) =>
    change
      ? `${formatPoints(change.difference, language)} (${change.significant ? m.significant : m.notSignificant})`
      : '–';
  return (
    <>
      <p>
        <Link href={`/admin/series/${id}`}>{series.name}</Link>
      </p>
      <h1>
        {m.trendTitle}: {series.name}
      </h1>
      {questions.map((question) => {
        const rows =
          question.type === 'agreement'
            ? [{ key: 'agree', label: m.agreeLabel }]
            : question.options.map((o) => ({ key: o.optionId, label: o.label }));
        const share = (point: (typeof question.points)[number], key: string) => {
          if (!point.available) return '–';
          const value =
            key === 'agree' ? point.agreement?.allAnswers.agree : point.options.find((o) => o.optionId === key);
          return value ? formatPercent(value.percent, language) : '–';
        };
        const step = (s: (typeof question.steps)[number], key: string) =>
          key === 'agree' ? s.agreement?.allAnswers : s.options.find((o) => o.optionId === key)?.change;
        return (
          <section
            key={question.questionId}
            className="question-result"
            aria-labelledby={`trend-${question.questionId}`}
          >
            <h2 id={`trend-${question.questionId}`}>
              {question.number}. {question.text}
            </h2>
            {question.steps.some((s) => s.wordingChanged) && (
              <p className="notice">
                {fillMessage(m.wordingChanged, {
                  wave: question.steps
                    .filter((s) => s.wordingChanged)
                    .map((s) => waves.find((w) => w.id === s.fromWaveId)?.name)
                    .join(', '),
                })}
              </p>
            )}
            <div className="table-scroll">
              <table className="result-table">
                <thead>
                  <tr>
                    <th scope="col">{m.option}</th>
                    {waves.map((wave) => (
                      <th scope="col" key={wave.id}>
                        {wave.name}
                      </th>
                    ))}
                    {question.steps.map((s) => (
                      <th scope="col" key={`${s.fromWaveId}-${s.toWaveId}`}>
                        {m.change} {waves.find((w) => w.id === s.fromWaveId)?.name}–
                        {waves.find((w) => w.id === s.toWaveId)?.name}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.key}>
                      <th scope="row">{row.label}</th>
                      {question.points.map((point) => (
                        <td key={point.waveId} className="number">
                          {share(point, row.key)}
                        </td>
                      ))}
                      {question.steps.map((s) => (
                        <td key={`${s.fromWaveId}-${s.toWaveId}`}>{changeText(step(s, row.key))}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">{m.total}</th>
                    {question.points.map((point) => (
                      <td key={point.waveId} className="number">
                        {point.n === null ? '–' : formatInteger(point.n, language)}
                      </td>
                    ))}
                    {question.steps.map((s) => (
                      <td key={`${s.fromWaveId}-${s.toWaveId}`} />
                    ))}
                  </tr>
                </tfoot>
              </table>
            </div>
          </section>
        );
      })}
    </>
  );
}
