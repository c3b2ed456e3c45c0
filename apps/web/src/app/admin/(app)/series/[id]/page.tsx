import { ZOverviewResponse } from '@enkat/survey-schema';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RerunForm } from '@/components/admin/rerun-form';
import { WaveTable } from '@/components/admin/wave-table';
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
      <WaveTable waves={series.waves} language={language} withResults />
      {canEdit && <RerunForm seriesId={id} suggestedName={nextWaveName(series.waves.map((w) => w.name))} />}
    </>
  );
}
