'use client';

import { formatInteger } from '@enkat/results';
import {
  type TMailing,
  type TMailingMode,
  type TMailKind,
  type TMailTemplates,
  type TPreviewMailResponse,
  type TUploadRecipientsResponse,
  ZMailing,
  ZPreviewMailResponse,
  ZTestMailResponse,
} from '@enkat/survey-schema';
import { useCallback, useEffect, useState } from 'react';
import { z } from 'zod';
import { ApiError, api } from '@/lib/api-client';
import { useI18n } from '@/lib/i18n';
import { fillMessage } from '@/lib/messages';
import { fromStockholmInput } from '@/lib/stockholm-time';
import { SendsTable } from './sends-table';
import { TemplatesForm } from './templates-form';
import { uploadList } from './upload-list';

type TMailingPanelProps = { waveId: string; canEdit: boolean; open: boolean };

/**
 * A wave's e-mail invitations: the participation mode (tracked or blind, locked at the first
 * send), the recipient list, the templates with preview and test mail, scheduling, and the
 * counts of every send. The mailed codes are never shown to anyone here.
 */
export function MailingPanel({ waveId, canEdit, open }: TMailingPanelProps) {
  const { t, language } = useI18n();
  const [mailing, setMailing] = useState<TMailing | null>(null);
  const [mode, setMode] = useState<TMailingMode>('tracked');
  const [pasted, setPasted] = useState('');
  /** Null when no upload is under way; else the share of the list sent so far. */
  const [uploading, setUploading] = useState<number | null>(null);
  const [upload, setUpload] = useState<TUploadRecipientsResponse | null>(null);
  const [preview, setPreview] = useState<TPreviewMailResponse | null>(null);
  const [at, setAt] = useState('');
  const [message, setMessage] = useState<{ kind: 'status' | 'alert'; text: string } | null>(null);
  const base = `/api/v1/waves/${waveId}/mailing`;

  const refresh = useCallback(
    () =>
      api(`/api/v1/waves/${waveId}/mailing`, ZMailing).then((value) => {
        setMailing(value);
        if (value.mode) setMode(value.mode);
      }),
    [waveId],
  );
  useEffect(() => {
    refresh().catch(() => setMessage({ kind: 'alert', text: t('error') }));
  }, [refresh, t]);
  useEffect(() => {
    if (!mailing?.sends.some((send) => send.state === 'sending' || send.state === 'scheduled')) return;
    const timer = setInterval(() => refresh().catch(() => {}), 3000);
    return () => clearInterval(timer);
  }, [mailing, refresh]);

  async function act(action: () => Promise<unknown>, done?: string) {
    try {
      await action();
      if (done) setMessage({ kind: 'status', text: done });
      await refresh();
    } catch (error) {
      setMessage({ kind: 'alert', text: error instanceof ApiError ? error.message : t('error') });
    }
  }

  async function uploadText(text: string) {
    setUploading(0);
    setUpload(null);
    await act(async () => {
      setUpload(await uploadList(`${base}/recipients`, text, setUploading));
    });
    setUploading(null);
  }

  const showPreview = (kind: TMailKind) =>
    act(async () => setPreview(await api(`${base}/preview`, ZPreviewMailResponse, { method: 'POST', body: { kind } })));
  const testSend = (kind: TMailKind) =>
    act(async () => {
      const { to } = await api(`${base}/test`, ZTestMailResponse, { method: 'POST', body: { kind } });
      setMessage({ kind: 'status', text: `${t('mailTestSent')} ${to}` });
    });
  const schedule = (kind: TMailKind) =>
    act(async () => {
      const when = at ? fromStockholmInput(at) : null;
      await api(`${base}/sends`, ZMailing, { method: 'POST', body: when ? { kind, at: when } : { kind } });
      setAt('');
    }, t('mailScheduled'));
  const saveTemplates = (templates: TMailTemplates, lang: 'sv' | 'en') =>
    act(
      () => api(`${base}/templates`, ZMailing, { method: 'PUT', body: { language: lang, templates } }),
      t('mailSaved'),
    );

  if (!mailing) return null;
  const editable = canEdit && open;
  const hasInvitation = mailing.sends.some((send) => send.kind === 'invitation' && send.state !== 'cancelled');

  return (
    <section className="mailing-panel" aria-labelledby="mailing-heading">
      <h2 id="mailing-heading">{t('mailTitle')}</h2>
      {message && (
        <p role={message.kind} className={message.kind === 'alert' ? 'error-box' : 'notice'}>
          {message.text}
        </p>
      )}
      {mailing.sending.enabled ? (
        <p>
          {fillMessage(t('mailOn'), {
            n: mailing.sending.ratePerSecond.toLocaleString(language === 'sv' ? 'sv-SE' : 'en-GB'),
          })}
        </p>
      ) : (
        <p className="notice">
          <strong>{t('mailOff')}:</strong> {t('mailOffDetail')}
        </p>
      )}

      <fieldset disabled={!editable || mailing.locked}>
        <legend>{t('mailMode')}</legend>
        {(['tracked', 'blind'] as const).map((value) => (
          <div key={value} className="field">
            <label>
              <input
                type="radio"
                name="mailing-mode"
                value={value}
                checked={mode === value}
                onChange={() => setMode(value)}
              />{' '}
              <strong>{t(value === 'tracked' ? 'mailModeTracked' : 'mailModeBlind')}</strong>:{' '}
              {t(value === 'tracked' ? 'mailModeTrackedText' : 'mailModeBlindText')}
            </label>
          </div>
        ))}
        {mailing.locked ? (
          <p>{t('mailModeLocked')}</p>
        ) : (
          <button
            type="button"
            className="button secondary"
            onClick={() => act(() => api(`${base}/mode`, ZMailing, { method: 'PUT', body: { mode } }), t('mailSaved'))}
          >
            {t('mailModeSave')}
          </button>
        )}
      </fieldset>

      {mailing.mode && (
        <>
          <h3>{t('mailRecipients')}</h3>
          <p>
            {t('mailRecipientCount')}: <strong>{formatInteger(mailing.recipients, language)}</strong>
            {mailing.answered !== null && (
              <>
                {' '}
                · {t('mailAnswered')}: <strong>{formatInteger(mailing.answered, language)}</strong>
              </>
            )}
          </p>
          {mailing.listDeleted && <p>{t('mailListDeleted')}</p>}
          {editable && !mailing.locked && (
            <div className="mailing-upload">
              <p>{t('mailRecipientsHelp')}</p>
              <label htmlFor="mailing-file">{t('mailFile')}</label>
              <input
                id="mailing-file"
                type="file"
                accept=".csv,.txt,text/csv,text/plain"
                onChange={async (event) => {
                  const file = event.target.files?.[0];
                  if (file) await uploadText(await file.text());
                  event.target.value = '';
                }}
              />
              <label htmlFor="mailing-paste">{t('mailPaste')}</label>
              <textarea id="mailing-paste" rows={5} value={pasted} onChange={(e) => setPasted(e.target.value)} />
              <div className="toolbar">
                <button
                  type="button"
                  className="button"
                  disabled={uploading !== null}
                  onClick={() => uploadText(pasted)}
                >
                  {t('mailUpload')}
                </button>
                {mailing.recipients > 0 && (
                  <button
                    type="button"
                    className="button secondary"
                    onClick={() => act(() => api(`${base}/recipients`, z.null(), { method: 'DELETE' }))}
                  >
                    {t('mailDeleteList')}
                  </button>
                )}
              </div>
              {uploading !== null && (
                <p role="status" aria-live="polite">
                  {t('mailUploading')}{' '}
                  <progress max={1} value={uploading}>
                    {Math.round(uploading * 100)} %
                  </progress>
                </p>
              )}
            </div>
          )}
          {upload && <UploadResult result={upload} />}

          <TemplatesForm
            key={`${mailing.language}-${JSON.stringify(mailing.templates)}`}
            language={mailing.language}
            templates={mailing.templates}
            disabled={!editable}
            onSave={saveTemplates}
          />
          <div className="toolbar">
            {(['invitation', 'reminder'] as const).map((kind) => (
              <button key={kind} type="button" className="button secondary" onClick={() => showPreview(kind)}>
                {t('mailPreview')}: {t(kind === 'invitation' ? 'mailInvitation' : 'mailReminder')}
              </button>
            ))}
            {editable && mailing.sending.enabled && (
              <button type="button" className="button secondary" onClick={() => testSend('invitation')}>
                {t('mailTestSend')}
              </button>
            )}
          </div>
          {preview && (
            <figure className="mail-preview">
              <figcaption>
                {t('mailSubject')}: <strong>{preview.subject}</strong>
              </figcaption>
              <pre>{preview.body}</pre>
            </figure>
          )}

          {editable && mailing.sending.enabled && mailing.recipients > 0 && (
            <div className="inline-form">
              <label htmlFor="mailing-at">{t('mailAt')}</label>
              <input id="mailing-at" type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} />
              {hasInvitation ? (
                <button type="button" className="button" onClick={() => schedule('reminder')}>
                  {t('mailScheduleReminder')}
                </button>
              ) : (
                <button type="button" className="button" onClick={() => schedule('invitation')}>
                  {t('mailScheduleInvitation')}
                </button>
              )}
            </div>
          )}
          {mailing.sends.length > 0 && (
            <SendsTable
              sends={mailing.sends}
              onCancel={
                editable
                  ? (sendId) =>
                      act(() => api(`${base}/sends/${sendId}/cancel`, ZMailing, { method: 'POST' }), t('mailSaved'))
                  : undefined
              }
            />
          )}
        </>
      )}
    </section>
  );
}

function UploadResult({ result }: { result: TUploadRecipientsResponse }) {
  const { t, language } = useI18n();
  return (
    <div className="upload-result" role="status">
      <p>
        {t('mailAccepted')}: <strong>{formatInteger(result.accepted, language)}</strong> · {t('mailDuplicates')}:{' '}
        {formatInteger(result.duplicates, language)} · {t('mailRejected')}:{' '}
        {formatInteger(result.rejected.length, language)}
      </p>
      {result.rejected.length > 0 && (
        <table>
          <caption>{t('mailRejected')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('mailLine')}</th>
              <th scope="col">{t('mailLineText')}</th>
              <th scope="col">{t('mailReason')}</th>
            </tr>
          </thead>
          <tbody>
            {result.rejected.slice(0, 500).map((line) => (
              <tr key={line.line}>
                <td>{line.line}</td>
                <td>{line.text}</td>
                <td>{line.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
