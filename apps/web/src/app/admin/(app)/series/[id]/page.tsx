'use client';

import { type TSeriesDetail, ZSeriesDetail, ZWave } from '@enkat/survey-schema';
import Link from 'next/link';
import { useParams, useRouter } from 'next/navigation';
import { type FormEvent, useEffect, useState } from 'react';
import { useAdmin } from '@/components/admin/admin-shell';
import { Field } from '@/components/admin/field';
import { ApiError, api } from '@/lib/api-client';
import { useI18n } from '@/lib/i18n';
import { formatStockholm } from '@/lib/stockholm-time';

export default function SeriesPage() {
  const { id } = useParams<{ id: string }>();
  const { t, language } = useI18n();
  const router = useRouter();
  const admin = useAdmin();
  const [series, setSeries] = useState<TSeriesDetail | null>(null);
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    api(`/api/v1/series/${id}`, ZSeriesDetail).then(setSeries, () => setError(t('error')));
  }, [id, t]);

  async function rerun(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    try {
      const wave = await api(`/api/v1/series/${id}/waves`, ZWave, {
        method: 'POST',
        body: { name: new FormData(event.currentTarget).get('name') },
      });
      router.push(`/admin/waves/${wave.id}`);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t('error'));
    }
  }

  if (!series) return <p aria-busy="true">{error ?? t('loading')}</p>;
  return (
    <>
      <h1>{series.name}</h1>
      <p>
        <Link href={`/admin/series/${id}/trend`}>{t('trendTitle')}</Link>
      </p>
      <h2>{t('waves')}</h2>
      <table>
        <tbody>
          {series.waves.map((wave) => (
            <tr key={wave.id}>
              <td>
                <Link href={`/admin/waves/${wave.id}`}>{wave.name}</Link>
              </td>
              <td>
                <span className={`badge state-${wave.state}`}>{t(`state_${wave.state}`)}</span>
              </td>
              <td>{wave.publishedAt ? formatStockholm(wave.publishedAt, language) : ''}</td>
              <td>{wave.state !== 'draft' && <Link href={`/admin/waves/${wave.id}/results`}>{t('results')}</Link>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {admin.role !== 'analyst' && (
        <form onSubmit={rerun} noValidate className="inline-form">
          <Field id="name" label={t('rerunName')} defaultValue={String(new Date().getFullYear())} error={error} />
          <button type="submit" className="button">
            {t('startRerun')}
          </button>
        </form>
      )}
    </>
  );
}
