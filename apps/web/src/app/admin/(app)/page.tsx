'use client';

import { type TSurveySeries, ZListSurveySeriesResponse, ZWave } from '@enkat/survey-schema';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { type FormEvent, useEffect, useState } from 'react';
import { useAdmin } from '@/components/admin/admin-shell';
import { Field, fieldErrors } from '@/components/admin/field';
import { ApiError, api } from '@/lib/api-client';
import { useI18n } from '@/lib/i18n';

type TSource = 'blank' | 'template' | 'import';

export default function AdminHomePage() {
  const { t } = useI18n();
  const admin = useAdmin();
  const router = useRouter();
  const [series, setSeries] = useState<TSurveySeries[]>([]);
  const [source, setSource] = useState<TSource>('template');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const canEdit = admin.role === 'owner' || admin.role === 'editor';

  useEffect(() => {
    api('/api/v1/series', ZListSurveySeriesResponse).then((list) => setSeries(list.series));
  }, []);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    try {
      const file = form.get('file');
      const body = {
        name: form.get('name'),
        waveName: form.get('waveName'),
        source:
          source === 'template'
            ? { kind: 'template', templateId: 'socialtjanst-2012' }
            : source === 'import'
              ? { kind: 'import', document: JSON.parse(file instanceof File ? await file.text() : 'null') }
              : { kind: 'blank' },
      };
      const wave = await api('/api/v1/series', ZWave, { method: 'POST', body });
      router.push(`/admin/waves/${wave.id}`);
    } catch (caught) {
      if (caught instanceof SyntaxError) return setErrors({ file: caught.message });
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
            <li key={s.id}>
              <Link href={`/admin/series/${s.id}`}>{s.name}</Link>
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <form onSubmit={create} noValidate>
          <h3>{t('createSeries')}</h3>
          <div className="inline-form">
            <Field id="name" label={t('seriesName')} required error={errors.name} />
            <Field id="waveName" label={t('firstWaveName')} defaultValue={String(new Date().getFullYear())} />
            <div className="field">
              <label htmlFor="source">{t('createFrom')}</label>
              <select id="source" value={source} onChange={(e) => setSource(e.target.value as TSource)}>
                <option value="template">{t('source_template')}</option>
                <option value="blank">{t('source_blank')}</option>
                <option value="import">{t('source_import')}</option>
              </select>
            </div>
            {source === 'import' && (
              <Field
                id="file"
                label={t('importFile')}
                type="file"
                accept="application/json,.json"
                error={errors.file}
              />
            )}
          </div>
          <button type="submit" className="button">
            {t('createSeries')}
          </button>
        </form>
      )}
    </>
  );
}
