'use client';

import { formatInteger, formatPercent, percent } from '@enkat/results';
import {
  MAX_CODES_PER_BATCH,
  type TCodeSummary,
  type TIssuedCodes,
  ZCodeSummary,
  ZIssuedCodes,
} from '@enkat/survey-schema';
import { useCallback, useEffect, useRef, useState } from 'react';
import { z } from 'zod';
import { useConfirm } from '@/components/admin/confirm-dialog';
import { api, errorText } from '@/lib/api-client';
import { useI18n } from '@/lib/i18n';
import { fillMessage } from '@/lib/messages';
import { formatStockholm } from '@/lib/stockholm-time';
import { codeInstruction, codesCsv, download, personalLink } from './code-files';

/** Slips on screen beyond this many would freeze the page; larger batches are for the CSV file. */
const SHEET_LIMIT = 2_000;
/** How often the page asks how far a batch has come while it is being issued. */
const PROGRESS_POLL_MS = 400;

type TCodesPanelProps = {
  waveId: string;
  slug: string;
  title: string;
  /** The survey's own language: slips and the CSV speak to respondents in it. */
  surveyLanguage: 'sv' | 'en';
  invitedCount: number | null;
  /** The summary as the server rendered it (null: ask the API here). */
  initialSummary: TCodeSummary | null;
  canEdit: boolean;
  open: boolean;
};

/**
 * A wave's invitation codes: how many are issued and used (the response rate), new batches
 * shown exactly once (to download as CSV or print as slips with the personal link), and
 * revocation of unused ones, after a confirmation.
 */
export function CodesPanel({
  waveId,
  slug,
  title,
  surveyLanguage,
  invitedCount,
  initialSummary,
  canEdit,
  open,
}: TCodesPanelProps) {
  const { t, language } = useI18n();
  const { ask, dialog } = useConfirm();
  const [summary, setSummary] = useState<TCodeSummary | null>(initialSummary);
  const [issued, setIssued] = useState<TIssuedCodes | null>(null);
  // By default, as many codes as are still missing for everyone invited.
  const missing = invitedCount === null ? null : invitedCount - (initialSummary?.issued ?? 0);
  const [count, setCount] = useState(missing !== null && missing > 0 ? String(missing) : '');
  const [revokeCode, setRevokeCode] = useState('');
  const [busy, setBusy] = useState(false);
  /** A batch being issued from this page: how many are asked for, and stored so far. */
  const [progress, setProgress] = useState<{ count: number; written: number } | null>(null);
  const polling = useRef<ReturnType<typeof setInterval> | null>(null);
  const [message, setMessage] = useState<{ kind: 'status' | 'alert'; text: string } | null>(null);
  const [origin, setOrigin] = useState('');
  useEffect(() => setOrigin(window.location.origin), []);
  const address = `${origin}/s/${slug}`;

  const refresh = useCallback(() => api(`/api/v1/waves/${waveId}/codes`, ZCodeSummary).then(setSummary), [waveId]);
  useEffect(() => () => stopPolling(polling), []);

  /**
   * Issues a batch and, while the API stores it step by step, polls the summary for how far
   * the newest unfinished batch has come. The codes themselves come only in the answer.
   */
  async function issue(wanted: number) {
    setIssued(null);
    setProgress({ count: wanted, written: 0 });
    const startedAt = Date.now();
    polling.current = setInterval(() => {
      api(`/api/v1/waves/${waveId}/codes`, ZCodeSummary).then(
        (latest) => {
          const running = latest.batches.find(
            (batch) => batch.written < batch.count && Date.parse(batch.createdAt) >= startedAt - 60_000,
          );
          if (running) setProgress((shown) => (shown ? { count: running.count, written: running.written } : shown));
        },
        () => {},
      );
    }, PROGRESS_POLL_MS);
    try {
      const answer = await api(`/api/v1/waves/${waveId}/codes`, ZIssuedCodes, {
        method: 'POST',
        body: { count: wanted },
      });
      setIssued(answer);
    } finally {
      stopPolling(polling);
      setProgress(null);
    }
  }
  useEffect(() => {
    if (initialSummary) return;
    refresh().catch(() => setMessage({ kind: 'alert', text: t('error') }));
  }, [initialSummary, refresh, t]);

  async function act(action: () => Promise<unknown>, done: string) {
    setBusy(true);
    try {
      await action();
      setMessage({ kind: 'status', text: done });
      await refresh();
    } catch (error) {
      setMessage({ kind: 'alert', text: errorText(error, language) });
    } finally {
      setBusy(false);
    }
  }

  async function revoke(body: { batchId: string } | { code: string }) {
    const confirmed = await ask({
      title: 'code' in body ? t('confirmRevokeCodeTitle') : t('confirmRevokeBatchTitle'),
      body: (
        <p>
          {'code' in body ? fillMessage(t('confirmRevokeCodeBody'), { code: body.code }) : t('confirmRevokeBatchBody')}
        </p>
      ),
      confirmLabel: t('revoke'),
    });
    if (!confirmed) return;
    await act(async () => {
      const { revoked } = await api(`/api/v1/waves/${waveId}/codes/revoke`, z.object({ revoked: z.number() }), {
        method: 'POST',
        body,
      });
      setRevokeCode('');
      return revoked;
    }, t('codesRevoked'));
  }

  const instruction = codeInstruction(title, address, surveyLanguage);
  return (
    <section className="codes-panel" aria-labelledby="codes-heading">
      <h2 id="codes-heading">{t('codesTitle')}</h2>
      {message && (
        <p role={message.kind} className={message.kind === 'alert' ? 'error-box' : 'notice'}>
          {message.text}
        </p>
      )}
      {summary && (
        <p>
          {t('codesIssued')}: <strong>{formatInteger(summary.issued, language)}</strong> · {t('codesUsed')}:{' '}
          <strong>{formatInteger(summary.used, language)}</strong> · {t('responseRate')}:{' '}
          <strong>{formatPercent(percent(summary.used, summary.issued), language)}</strong> · {t('codesRevokedCount')}:{' '}
          {formatInteger(summary.revoked, language)}
        </p>
      )}
      {summary && summary.batches.length > 0 && (
        <div className="table-scroll">
          <table className="stack-table">
            <caption>{t('codeBatches')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('codeBatchCreated')}</th>
                <th scope="col" className="number">
                  {t('codesIssued')}
                </th>
                <th scope="col" className="number">
                  {t('codesRevokedCount')}
                </th>
                {canEdit && open && <th scope="col">{t('actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {summary.batches.map((batch) => (
                <tr key={batch.id}>
                  <th scope="row">{formatStockholm(batch.createdAt, language)}</th>
                  <td className="number" data-label={t('codesIssued')}>
                    {batch.written < batch.count
                      ? fillMessage(t('codesInProgress'), {
                          written: formatInteger(batch.written, language),
                          count: formatInteger(batch.count, language),
                        })
                      : formatInteger(batch.count, language)}
                  </td>
                  <td className="number" data-label={t('codesRevokedCount')}>
                    {formatInteger(batch.revoked, language)}
                  </td>
                  {canEdit && open && (
                    <td>
                      <button
                        type="button"
                        className="button secondary"
                        disabled={busy}
                        onClick={() => revoke({ batchId: batch.id })}
                      >
                        {t('revokeUnused')}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canEdit && open && (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            act(() => issue(Number(count)), t('codesCreated'));
          }}
        >
          <div className="field">
            <label htmlFor="code-count">{t('codeCount')}</label>
            <input
              id="code-count"
              className="count-input"
              type="number"
              inputMode="numeric"
              required
              min={1}
              max={MAX_CODES_PER_BATCH}
              value={count}
              onChange={(event) => setCount(event.target.value)}
            />
          </div>
          <button type="submit" className="button" disabled={busy}>
            {t('createCodes')}
          </button>
        </form>
      )}
      {progress && (
        <div className="issue-progress" role="status" aria-live="polite">
          <p>
            {progress.written === 0
              ? t('codesCreating')
              : fillMessage(t('codesProgress'), {
                  written: formatInteger(progress.written, language),
                  count: formatInteger(progress.count, language),
                })}
          </p>
          <progress max={progress.count} value={progress.written} aria-label={t('codesCreating')} />
        </div>
      )}
      {issued && (
        <div className="issued-codes">
          <p className="notice" role="status">
            {t('codesShownOnce')}
          </p>
          <div className="toolbar">
            <button
              type="button"
              className="button"
              onClick={() =>
                download(
                  `koder-${slug}.csv`,
                  codesCsv(issued.codes, { address, title, language: surveyLanguage }),
                  'text/csv;charset=utf-8',
                )
              }
            >
              {t('downloadCsv')}
            </button>
            {issued.codes.length <= SHEET_LIMIT && (
              <button type="button" className="button secondary" onClick={() => window.print()}>
                {t('printSheet')}
              </button>
            )}
          </div>
          {issued.codes.length > SHEET_LIMIT ? (
            <p>{fillMessage(t('codeSheetTooLong'), { limit: formatInteger(SHEET_LIMIT, language) })}</p>
          ) : (
            <ol className="code-sheet" aria-label={t('codeSheet')}>
              {issued.codes.map((code) => (
                <li key={code}>
                  <span className="code-sheet-title">{title}</span>
                  <span className="code-sheet-instruction">{instruction}</span>
                  <strong className="code-sheet-code">{code}</strong>
                  <span className="code-sheet-link">{personalLink(address, code)}</span>
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
      {canEdit && open && (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (revokeCode.trim()) void revoke({ code: revokeCode.trim() });
          }}
        >
          <div className="field">
            <label htmlFor="revoke-code">{t('revokeOneCode')}</label>
            <input
              id="revoke-code"
              className="code-input"
              value={revokeCode}
              autoComplete="off"
              spellCheck={false}
              onChange={(event) => setRevokeCode(event.target.value)}
            />
          </div>
          <button type="submit" className="button secondary" disabled={busy}>
            {t('revoke')}
          </button>
        </form>
      )}
      {dialog}
    </section>
  );
}

function stopPolling(polling: { current: ReturnType<typeof setInterval> | null }) {
  if (polling.current) clearInterval(polling.current);
  polling.current = null;
}
