'use client';

import { ZWave } from '@enkat/survey-schema';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { Field } from '@/components/admin/field';
import { api, errorText } from '@/lib/api-client';
import { useI18n } from '@/lib/i18n';

/** Starts the series' next wave: a draft with the latest question set and the same question ids. */
export function RerunForm({ seriesId, suggestedName }: { seriesId: string; suggestedName: string }) {
  const { t, language } = useI18n();
  const router = useRouter();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function rerun(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    try {
      const wave = await api(`/api/v1/series/${seriesId}/waves`, ZWave, {
        method: 'POST',
        body: { name: new FormData(event.currentTarget).get('name') },
      });
      router.push(`/admin/waves/${wave.id}`);
    } catch (caught) {
      setError(errorText(caught, language));
      setBusy(false);
    }
  }

  return (
    <form onSubmit={rerun} noValidate aria-labelledby="rerun-heading">
      <h2 id="rerun-heading">{t('startRerun')}</h2>
      <div className="inline-form">
        <Field id="name" label={t('rerunName')} defaultValue={suggestedName} error={error} />
        <button type="submit" className="button" disabled={busy}>
          {t('startRerun')}
        </button>
      </div>
    </form>
  );
}
