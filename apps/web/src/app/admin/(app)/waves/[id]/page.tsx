import { ZCodeSummary, ZWave } from '@enkat/survey-schema';
import { notFound } from 'next/navigation';
import { WaveWorkspace } from '@/components/builder/wave-workspace';
import { problemText } from '@/lib/problem-text';
import { adminMessages, currentAdmin, serverApi } from '@/lib/server-api';

type TProps = { params: Promise<{ id: string }> };

/** A wave: its settings, question set (editable while a draft), publishing, closing and codes. */
export default async function WavePage({ params }: TProps) {
  const { id } = await params;
  const [{ language, m }, me, wave, codes] = await Promise.all([
    adminMessages(),
    currentAdmin(),
    serverApi(`/api/v1/waves/${id}`, ZWave),
    serverApi(`/api/v1/waves/${id}/codes`, ZCodeSummary),
  ]);
  if (!wave.ok) {
    if (wave.problem?.status === 404 || wave.problem?.status === 400) notFound();
    return <p className="error-box">{wave.problem ? problemText(wave.problem, language) : m.error}</p>;
  }
  const canEdit = me.ok && me.value.administrator.role !== 'analyst';
  return <WaveWorkspace initialWave={wave.value} initialCodes={codes.ok ? codes.value : null} canEdit={canEdit} />;
}
