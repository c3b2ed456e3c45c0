import { formatInteger, formatPercent, percent } from '@enkat/results';
import { ZOverviewResponse } from '@enkat/survey-schema';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RerunForm } from '@/components/admin/rerun-form';
import { waveDates } from '@/components/admin/wave-dates';
import { adminMessages, currentAdmin, serverApi } from '@/lib/server-api';

type TProps = { params: Promise<{ id: string }> };

/** A name for the next wave that no wave has yet: the year after the latest numbered one. */
function nextWaveName(names: string[]): string {
  const years = names.filter((name) => /^\d{4}$/.test(name)).map(Number);
  const next = String(Math.max(new Date().getFullYear(), ...years.map((year) => year + 1)));
  return names.includes(next) ? '' : next;
}

/** A series: its waves with state, dates, answers and response rate; the next wave starts here. */
export default async function SeriesPage({ params }: TProps) {
  const { id } = await params;
  const [{ language, m }, me, overview] = await Promise.all([
    adminMessages(),
    currentAdmin(),
    serverApi('/api/v1/overview', ZOverviewResponse),
  ]);
  if (!overview.ok) return <p className="error-box">{m.error}</p>;
  const series = overview.value.series.find((s) => s.id === id);
  if (!series) notFound();
  const canEdit = me.ok && me.value.administrator.role !== 'analyst';
  return (
    <>
      <h1>{series.name}</h1>
      <p>
        <Link href={`/admin/series/${id}/trend`}>{m.trendTitle}</Link>
      </p>
      <h2>{m.waves}</h2>
      <div className="table-scroll">
        <table className="stack-table">
          <thead>
            <tr>
              <th scope="col">{m.wave}</th>
              <th scope="col">{m.status}</th>
              <th scope="col">{m.dates}</th>
              <th scope="col" className="number">
                {m.answers}
              </th>
              <th scope="col" className="number">
                {m.responseRate}
              </th>
              <th scope="col">{m.results}</th>
            </tr>
          </thead>
          <tbody>
            {series.waves.map((wave) => {
              const rate = wave.population ? percent(wave.responses, wave.population) : null;
              const draft = wave.state === 'draft';
              return (
                <tr key={wave.id}>
                  <th scope="row">
                    <Link href={`/admin/waves/${wave.id}`}>{wave.name}</Link>
                  </th>
                  <td data-label={m.status}>
                    <span className={`badge state-${wave.state}`}>{m[`state_${wave.state}`]}</span>
                  </td>
                  <td data-label={m.dates}>{waveDates(wave.opensAt, wave.closesAt, language)}</td>
                  <td className="number" data-label={m.answers}>
                    {draft
                      ? '–'
                      : `${wave.state === 'open' ? `${m.atLeast} ` : ''}${formatInteger(wave.responses, language)}`}
                  </td>
                  <td className="number" data-label={m.responseRate}>
                    {draft || rate === null ? '–' : formatPercent(rate, language)}
                  </td>
                  <td data-label={m.results}>
                    {draft ? (
                      '–'
                    ) : (
                      <Link href={`/admin/waves/${wave.id}/results`}>
                        {m.results}
                        <span className="visually-hidden"> {wave.name}</span>
                      </Link>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {canEdit && <RerunForm seriesId={id} suggestedName={nextWaveName(series.waves.map((w) => w.name))} />}
    </>
  );
}
