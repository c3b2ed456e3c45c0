'use client';

import { formatPercent, percent } from '@enkat/results';
import {
  MAX_CODES_PER_BATCH,
  type TCodeSummary,
  type TIssuedCodes,
  ZCodeSummary,
  ZIssuedCodes,
} from '@enkat/survey-schema';
import { useCallback, useEffect, useState } from 'react';
import { z } from 'zod';
import { ApiError, api } from '@/lib/api-client';
import { useI18n } from '@/lib/i18n';
import { codesCsv, download } from './code-files';

type TCodesPanelProps = { waveId: string; slug: string; title: string; canEdit: boolean; open: boolean };

/**
 * A wave's invitation codes: how many are issued and used (the response rate), new batches
 * shown exactly once (to download as CSV or print as a sheet), and revocation of unused ones.
 */
export function CodesPanel({ waveId, slug, title, canEdit, open }: TCodesPanelProps) {
  const { t, language } = useI18n();
  const [summary, setSummary] = useState<TCodeSummary | null>(null);
  const [issued, setIssued] = useState<TIssuedCodes | null>(null);
  const [count, setCount] = useState('640');
  const [revokeCode, setRevokeCode] = useState('');
  const [message, setMessage] = useState<{ kind: 'status' | 'alert'; text: string } | null>(null);
  const address = typeof window === 'undefined' ? `/s/${slug}` : `${window.location.origin}/s/${slug}`;

  const refresh = useCallback(() => api(`/api/v1/waves/${waveId}/codes`, ZCodeSummary).then(setSummary), [waveId]);
  useEffect(() => {
    refresh().catch(() => setMessage({ kind: 'alert', text: t('error') }));
  }, [refresh, t]);

  async function act(action: () => Promise<unknown>, done: string) {
    try {
      await action();
      setMessage({ kind: 'status', text: done });
      await refresh();
    } catch (error) {
      setMessage({ kind: 'alert', text: error instanceof ApiError ? error.message : t('error') });
    }
  }

  const revoke = (body: { batchId: string } | { code: string }) =>
    act(async () => {
      const { revoked } = await api(`/api/v1/waves/${waveId}/codes/revoke`, z.object({ revoked: z.number() }), {
        method: 'POST',
        body,
      });
      setRevokeCode('');
      return revoked;
    }, t('codesRevoked'));

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
          {t('codesIssued')}: <strong>{summary.issued}</strong> · {t('codesUsed')}: <strong>{summary.used}</strong> ·{' '}
          {t('responseRate')}: <strong>{formatPercent(percent(summary.used, summary.issued), language)}</strong> ·{' '}
          {t('codesRevokedCount')}: {summary.revoked}
        </p>
      )}
      {summary && summary.batches.length > 0 && (
        <table>
          <caption>{t('codeBatches')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('codeBatchCreated')}</th>
              <th scope="col">{t('codesIssued')}</th>
              <th scope="col">{t('codesRevokedCount')}</th>
              {canEdit && <th scope="col">{t('actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {summary.batches.map((batch) => (
              <tr key={batch.id}>
                <td>{new Date(batch.createdAt).toLocaleString(language === 'sv' ? 'sv-SE' : 'en-GB')}</td>
                <td>{batch.count}</td>
                <td>{batch.revoked}</td>
                {canEdit && (
                  <td>
                    <button type="button" className="button secondary" onClick={() => revoke({ batchId: batch.id })}>
                      {t('revokeUnused')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canEdit && open && (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            act(async () => {
              setIssued(
                await api(`/api/v1/waves/${waveId}/codes`, ZIssuedCodes, {
                  method: 'POST',
                  body: { count: Number(count) },
                }),
              );
            }, t('codesCreated'));
          }}
        >
          <label htmlFor="code-count">{t('codeCount')}</label>
          <input
            id="code-count"
            type="number"
            min={1}
            max={MAX_CODES_PER_BATCH}
            value={count}
            onChange={(event) => setCount(event.target.value)}
          />
          <button type="submit" className="button">
            {t('createCodes')}
          </button>
        </form>
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
              onClick={() => download(`koder-${slug}.csv`, codesCsv(issued.codes, address), 'text/csv;charset=utf-8')}
            >
              {t('downloadCsv')}
            </button>
            <button type="button" className="button secondary" onClick={() => window.print()}>
              {t('printSheet')}
            </button>
          </div>
          <ol className="code-sheet" aria-label={t('codeSheet')}>
            {issued.codes.map((code) => (
              <li key={code}>
                <span className="code-sheet-title">{title}</span>
                <span>{address}</span>
                <strong className="code-sheet-code">{code}</strong>
              </li>
            ))}
          </ol>
        </div>
      )}
      {canEdit && (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            revoke({ code: revokeCode });
          }}
        >
          <label htmlFor="revoke-code">{t('revokeOneCode')}</label>
          <input
            id="revoke-code"
            value={revokeCode}
            autoComplete="off"
            onChange={(event) => setRevokeCode(event.target.value)}
          />
          <button type="submit" className="button secondary">
            {t('revoke')}
          </button>
        </form>
      )}
    </section>
  );
}
