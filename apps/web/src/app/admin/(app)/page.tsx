import { formatInteger, formatPercent, percent } from '@enkat/results';
import { type TWaveOverview, ZOverviewResponse } from '@enkat/survey-schema';
import Link from 'next/link';
import { CreateSeriesForm } from '@/components/admin/create-series-form';
import { waveDates } from '@/components/admin/wave-dates';
import { MESSAGES, type TLanguage } from '@/lib/messages';
import { adminMessages, currentAdmin, serverApi } from '@/lib/server-api';

/** How many waves of a series the overview shows, newest first. */
const WAVES_SHOWN = 3;

/** The overview: every series with its newest waves' state, dates, answers and response rate. */
export default async function AdminHomePage() {
  const [{ language, m }, me, overview] = await Promise.all([
    adminMessages(),
    currentAdmin(),
    serverApi('/api/v1/overview', ZOverviewResponse),
  ]);
  const admin = me.ok ? me.value.administrator : null;
  const canEdit = admin?.role === 'owner' || admin?.role === 'editor';
  return (
    <>
      <h1>
        {m.welcome}, {admin?.name}
      </h1>
      <p>{m.dashboardIntro}</p>
      <h2>{m.seriesTitle}</h2>
      {!overview.ok && <p className="error-box">{m.error}</p>}
      {overview.ok && overview.value.series.length === 0 && <p>{m.noSeries}</p>}
      {overview.ok &&
        overview.value.series.map((series) => (
          <section key={series.id} className="series-card" aria-labelledby={`series-${series.id}`}>
            <h3 id={`series-${series.id}`}>
              <Link href={`/admin/series/${series.id}`}>{series.name}</Link>
            </h3>
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
                  </tr>
                </thead>
                <tbody>
                  {series.waves
                    .toReversed()
                    .slice(0, WAVES_SHOWN)
                    .map((wave) => (
                      <WaveRow key={wave.id} wave={wave} language={language} />
                    ))}
                </tbody>
              </table>
            </div>
          </section>
        ))}
      {canEdit && <CreateSeriesForm />}
    </>
  );
}

function WaveRow({ wave, language }: { wave: TWaveOverview; language: TLanguage }) {
  const m = MESSAGES[language];
  const draft = wave.state === 'draft';
  const rate = wave.population ? percent(wave.responses, wave.population) : null;
  return (
    <tr>
      <th scope="row">
        <Link href={`/admin/waves/${wave.id}`}>{wave.name}</Link>
      </th>
      <td data-label={m.status}>
        <span className={`badge state-${wave.state}`}>{m[`state_${wave.state}`]}</span>
      </td>
      <td data-label={m.dates}>{waveDates(wave.opensAt, wave.closesAt, language)}</td>
      <td className="number" data-label={m.answers}>
        {draft ? '–' : `${wave.state === 'open' ? `${m.atLeast} ` : ''}${formatInteger(wave.responses, language)}`}
      </td>
      <td className="number" data-label={m.responseRate}>
        {draft || rate === null ? '–' : formatPercent(rate, language)}
      </td>
    </tr>
  );
}
