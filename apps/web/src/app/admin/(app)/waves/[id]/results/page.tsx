import { formatInteger, formatMargin, formatPercent } from '@enkat/results';
import { questionsOf, ZGetWaveResultsResponse, ZMeResponse, ZWave } from '@enkat/survey-schema';
import Link from 'next/link';
import { QuestionResult } from '@/components/results/question-result';
import { RedactionNamesForm } from '@/components/results/redaction-names-form';
import { fillMessage, MESSAGES } from '@/lib/messages';
import { adminLanguage, serverApi } from '@/lib/server-api';

type TProps = { params: Promise<{ id: string }>; searchParams: Promise<{ breakdown?: string }> };

/** Export formats of the results, all built by the API from the same suppressed numbers. */
const EXPORTS = [
  ['results.xlsx', 'Excel (XLSX)'],
  ['results.csv', 'CSV'],
  ['results-excel-sv.csv', 'CSV (Excel, svenska)'],
  ['report.pdf', 'PDF'],
  ['responses.xlsx', 'Svar (XLSX)'],
  ['responses.csv', 'Svar (CSV)'],
  ['comments.csv', 'Kommentarer (CSV)'],
] as const;

/**
 * A wave's results, rendered on the server: the tables as the 2012 report printed them, the
 * combined figures, margins of error, charts, and a breakdown chosen with a plain GET form.
 */
export default async function ResultsPage({ params, searchParams }: TProps) {
  const { id } = await params;
  const { breakdown } = await searchParams;
  const language = await adminLanguage();
  const m = MESSAGES[language];
  const query = new URLSearchParams({ lang: language, ...(breakdown ? { breakdown } : {}) });
  const [me, wave, results] = await Promise.all([
    serverApi('/api/v1/auth/me', ZMeResponse),
    serverApi(`/api/v1/waves/${id}`, ZWave),
    serverApi(`/api/v1/waves/${id}/results?${query}`, ZGetWaveResultsResponse),
  ]);
  if (!wave.ok) return <p className="error-box">{wave.problem?.detail ?? m.error}</p>;
  const title = `${wave.value.series.name} ${wave.value.name}`;
  if (!results.ok) {
    return (
      <>
        <h1>
          {m.resultsTitle}: {title}
        </h1>
        <p className="error-box">
          {results.problem?.status === 409 ? m.notReleased : (results.problem?.detail ?? m.error)}
        </p>
      </>
    );
  }
  const r = results.value;
  const canRedact = me.ok && me.value.administrator.role !== 'analyst';
  const backgrounds = questionsOf(wave.value.questionSet).filter((q) => q.type === 'background');
  const exportQuery = breakdown ? `?breakdown=${encodeURIComponent(breakdown)}` : '';
  return (
    <>
      <p>
        <Link href={`/admin/waves/${id}`}>{title}</Link> ·{' '}
        <Link href={`/admin/series/${wave.value.series.id}/trend`}>{m.trendTitle}</Link>
      </p>
      <h1>
        {m.resultsTitle}: {title}
      </h1>
      <p>
        <strong>{formatInteger(r.responses, language)}</strong> {m.responsesLine}
        {r.population.size !== null && ` ${m.ofInvited} ${formatInteger(r.population.size, language)}`}
        {r.responseRate !== null && ` · ${m.responseRateLabel} ${formatPercent(r.responseRate, language)}`}
      </p>
      {r.lateCodes.count > 0 && (
        <p className="notice" data-testid="late-codes">
          {fillMessage(m.lateCodes, {
            n: formatInteger(r.lateCodes.count, language),
            who: r.lateCodes.batches.map((b) => `${b.count} ${b.issuedOn} ${b.issuedBy ?? '?'}`).join('; '),
          })}
        </p>
      )}
      {r.marginOfError !== null && (
        <p className="muted">
          {fillMessage(m.marginExplained, { m: formatMargin(r.marginOfError, language).replace('±', '') })}
        </p>
      )}
      {r.wave.state === 'closed' ? (
        <form method="get" className="inline-form">
          <div className="field">
            <label htmlFor="breakdown">{m.breakdownBy}</label>
            <select id="breakdown" name="breakdown" defaultValue={breakdown ?? ''}>
              <option value="">{m.noBreakdown}</option>
              {backgrounds.map((q) => (
                <option key={q.id} value={q.id}>
                  {q.text}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button secondary">
            {m.showBreakdown}
          </button>
        </form>
      ) : (
        <p className="muted">{m.breakdownAfterClose}</p>
      )}
      <nav aria-label={m.download} className="toolbar">
        {/* The raw responses and comments of an open wave wait for its close (the API refuses them). */}
        {EXPORTS.filter(
          ([file]) => r.wave.state === 'closed' || file.startsWith('results') || file === 'report.pdf',
        ).map(([file, label]) => (
          <a
            key={file}
            className="button secondary"
            href={`/api/v1/waves/${id}/exports/${file}${exportQuery}`}
            download
          >
            {m.download} {label}
          </a>
        ))}
        <a className="button secondary" href={`/api/v1/waves/${id}/export`} download>
          {m.download} {m.questionSetJson}
        </a>
      </nav>
      {canRedact && r.questions.some((q) => q.type === 'free_text' && q.commentsShown) && (
        <RedactionNamesForm waveId={id} />
      )}
      {r.withheld ? (
        <p className="notice">{fillMessage(m.withheldWave, { n: r.minGroupSize })}</p>
      ) : (
        r.questions.map((question, index) => (
          <QuestionResult
            key={question.questionId}
            question={question}
            number={index + 1}
            results={r}
            language={language}
            canRedact={canRedact}
          />
        ))
      )}
    </>
  );
}
