'use client';

import { ZWave } from '@enkat/survey-schema';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { Field, fieldErrors } from '@/components/admin/field';
import { ApiError, api, errorText } from '@/lib/api-client';
import { useI18n } from '@/lib/i18n';

type TSource = 'blank' | 'template' | 'import';

/** A new series with its first draft wave: blank, from the 2012 template, or imported from JSON. */
export function CreateSeriesForm() {
  const { t, language } = useI18n();
  const router = useRouter();
  const [source, setSource] = useState<TSource>('template');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
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
      setBusy(false);
      if (caught instanceof SyntaxError) return setErrors({ file: t('importNotJson') });
      setErrors(
        caught instanceof ApiError
          ? { name: errorText(caught, language), ...fieldErrors(caught.problem.errors, language) }
          : { name: t('error') },
      );
    }
  }

  return (
    <form onSubmit={create} noValidate aria-labelledby="create-series-heading">
      <h2 id="create-series-heading">{t('createSeries')}</h2>
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
          <Field id="file" label={t('importFile')} type="file" accept="application/json,.json" error={errors.file} />
        )}
      </div>
      <button type="submit" className="button" disabled={busy}>
        {t('createSeries')}
      </button>
    </form>
  );
}
