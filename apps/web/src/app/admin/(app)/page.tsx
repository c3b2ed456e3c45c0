'use client';

import { type TSurveySeries, ZListSurveySeriesResponse, ZSurveySeries } from '@enkat/survey-schema';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useAdmin } from '@/components/admin/admin-shell';
import { Field, fieldErrors } from '@/components/admin/field';
import { ApiError, api } from '@/lib/api-client';
import { useI18n } from '@/lib/i18n';

export default function AdminHomePage() {
  const { t } = useI18n();
  const admin = useAdmin();
  const [series, setSeries] = useState<TSurveySeries[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const canEdit = admin.role === 'owner' || admin.role === 'editor';

  const load = useCallback(async () => {
    setSeries((await api('/api/v1/series', ZListSurveySeriesResponse)).series);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    try {
      await api('/api/v1/series', ZSurveySeries, { method: 'POST', body: { name: new FormData(form).get('name') } });
      form.reset();
      setErrors({});
      await load();
    } catch (caught) {
      setErrors(
        caught instanceof ApiError
          ? { name: caught.message, ...fieldErrors(caught.problem.errors) }
          : { name: t('error') },
      );
    }
  }

  return (
    <>
      <h1>
        {t('welcome')}, {admin.name}
      </h1>
      <p>{t('dashboardIntro')}</p>
      <h2>{t('seriesTitle')}</h2>
      {series.length === 0 ? (
        <p>{t('noSeries')}</p>
      ) : (
        <ul>
          {series.map((s) => (
            <li key={s.id}>{s.name}</li>
          ))}
        </ul>
      )}
      {canEdit && (
        <form onSubmit={create} noValidate className="inline-form">
          <Field id="name" label={t('seriesName')} required error={errors.name} />
          <button type="submit" className="button">
            {t('createSeries')}
          </button>
        </form>
      )}
    </>
  );
}
