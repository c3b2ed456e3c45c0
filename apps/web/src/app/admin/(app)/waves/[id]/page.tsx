'use client';

import { type TQuestionSet, type TWave, type TWaveSettings, ZWave } from '@enkat/survey-schema';
import Link from 'next/link';
import { useParams } from 'next/navigation';
import { useCallback, useEffect, useState } from 'react';
import { useAdmin } from '@/components/admin/admin-shell';
import { QuestionSetEditor } from '@/components/builder/question-set-editor';
import { WaveSettingsForm } from '@/components/builder/wave-settings-form';
import { CodesPanel } from '@/components/codes/codes-panel';
import { MailingPanel } from '@/components/mailing/mailing-panel';
import { QuestionSetView } from '@/components/survey/question-set-view';
import { ApiError, api } from '@/lib/api-client';
import { useI18n } from '@/lib/i18n';
import { formatStockholm } from '@/lib/stockholm-time';

/** Errors of a 422 answer keyed by their path under `prefix` ("body.questionSet."). */
function errorsUnder(error: unknown, prefix: string): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  return Object.fromEntries(
    (error.problem.errors ?? [])
      .filter((e) => e.path.startsWith(prefix))
      .map((e) => [e.path.slice(prefix.length), e.message]),
  );
}

export default function WavePage() {
  const { id } = useParams<{ id: string }>();
  const { t, language } = useI18n();
  const admin = useAdmin();
  const canEdit = admin.role !== 'analyst';
  const [wave, setWave] = useState<TWave | null>(null);
  const [questionSet, setQuestionSet] = useState<TQuestionSet | null>(null);
  const [settings, setSettings] = useState<TWaveSettings | null>(null);
  const [message, setMessage] = useState<{ kind: 'status' | 'alert'; text: string } | null>(null);
  const [setErrors, setSetErrors] = useState<Record<string, string>>({});
  const [settingsErrors, setSettingsErrors] = useState<Record<string, string>>({});
  const [previewing, setPreviewing] = useState(false);

  const show = useCallback((next: TWave) => {
    setWave(next);
    setQuestionSet(next.questionSet);
    setSettings(next.settings);
  }, []);
  useEffect(() => {
    api(`/api/v1/waves/${id}`, ZWave).then(show, () => setMessage({ kind: 'alert', text: t('error') }));
  }, [id, show, t]);

  async function run(action: () => Promise<TWave>, onError?: (error: unknown) => void) {
    try {
      show(await action());
      setSetErrors({});
      setSettingsErrors({});
      setMessage({ kind: 'status', text: t('saved') });
    } catch (error) {
      onError?.(error);
      setMessage({ kind: 'alert', text: error instanceof ApiError ? error.message : t('error') });
    }
  }

  if (!wave || !questionSet || !settings) return <p aria-busy="true">{message?.text ?? t('loading')}</p>;
  const draft = wave.state === 'draft' && canEdit;
  const saveQuestions = () =>
    run(
      () =>
        api(`/api/v1/waves/${id}/question-set`, ZWave, {
          method: 'PUT',
          body: { revision: wave.revision, questionSet },
        }),
      (error) => setSetErrors(errorsUnder(error, 'body.questionSet.')),
    );
  const saveSettings = () =>
    run(
      () => api(`/api/v1/waves/${id}/settings`, ZWave, { method: 'PUT', body: { revision: wave.revision, settings } }),
      (error) => setSettingsErrors(errorsUnder(error, 'body.settings.')),
    );

  return (
    <>
      <p>
        <Link href={`/admin/series/${wave.series.id}`}>{wave.series.name}</Link>
      </p>
      <h1>
        {wave.series.name} {wave.name} <span className={`badge state-${wave.state}`}>{t(`state_${wave.state}`)}</span>
      </h1>
      <p className="muted">
        {formatStockholm(wave.settings.opensAt, language)} – {formatStockholm(wave.settings.closesAt, language)}
        {wave.contentHash && ` · ${wave.contentHash.slice(0, 12)}`}
      </p>
      {message && (
        <p role={message.kind} className={message.kind === 'alert' ? 'error-box' : 'notice'}>
          {message.text}
        </p>
      )}
      {wave.wordingChanged && wave.wordingChanged.questionIds.length > 0 && (
        <p className="notice">
          {t('wordingChangedSince')} {wave.wordingChanged.since}: {wave.wordingChanged.questionIds.join(', ')}
        </p>
      )}
      {!draft && wave.state !== 'draft' && <p className="notice">{t('frozen')}</p>}
      <div className="toolbar">
        <button
          type="button"
          className="button secondary"
          aria-pressed={previewing}
          onClick={() => setPreviewing(!previewing)}
        >
          {t('preview')}
        </button>
        {wave.state !== 'draft' && (
          <Link className="button" href={`/admin/waves/${id}/results`}>
            {t('results')}
          </Link>
        )}
        <a className="button secondary" href={`/api/v1/waves/${id}/export`}>
          {t('exportJson')}
        </a>
        {draft && (
          <button
            type="button"
            className="button"
            onClick={() =>
              run(() =>
                api(`/api/v1/waves/${id}/publish`, ZWave, { method: 'POST', body: { revision: wave.revision } }),
              )
            }
          >
            {t('publish')}
          </button>
        )}
        {canEdit && wave.state === 'open' && (
          <button
            type="button"
            className="button"
            onClick={() => run(() => api(`/api/v1/waves/${id}/close`, ZWave, { method: 'POST' }))}
          >
            {t('closeWave')}
          </button>
        )}
      </div>
      {wave.slug && (
        <p>
          {t('codesAddress')}: <a href={`/s/${wave.slug}`}>/s/{wave.slug}</a>
        </p>
      )}
      {wave.slug && wave.settings.accessMode === 'codes' && (
        <CodesPanel
          waveId={wave.id}
          slug={wave.slug}
          title={`${wave.series.name} ${wave.name}`}
          canEdit={canEdit}
          open={wave.state === 'open'}
        />
      )}
      {wave.slug && wave.settings.accessMode === 'codes' && canEdit && (
        <MailingPanel waveId={wave.id} canEdit={canEdit} open={wave.state === 'open'} />
      )}
      {previewing ? (
        <section className="preview" aria-label={t('previewTitle')}>
          <QuestionSetView questionSet={questionSet} settings={settings} />
        </section>
      ) : (
        <>
          <WaveSettingsForm value={settings} errors={settingsErrors} disabled={!draft} onChange={setSettings} />
          {draft && (
            <button type="button" className="button" onClick={saveSettings}>
              {t('saveSettings')}
            </button>
          )}
          <h2>{t('question')}</h2>
          {draft ? (
            <>
              <QuestionSetEditor value={questionSet} errors={setErrors} onChange={setQuestionSet} />
              <p className="sticky-save">
                <button type="button" className="button" onClick={saveQuestions}>
                  {t('saveQuestions')}
                </button>
              </p>
            </>
          ) : (
            <QuestionSetView questionSet={questionSet} settings={settings} />
          )}
        </>
      )}
    </>
  );
}
