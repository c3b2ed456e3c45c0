import { ZOverviewResponse } from '@enkat/survey-schema';
import Link from 'next/link';
import { CreateSeriesForm } from '@/components/admin/create-series-form';
import { WaveTable } from '@/components/admin/wave-table';
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
            <WaveTable waves={series.waves.toReversed().slice(0, WAVES_SHOWN)} language={language} />
          </section>
        ))}
      {canEdit && <CreateSeriesForm />}
    </>
  );
}
