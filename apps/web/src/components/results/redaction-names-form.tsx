'use client';

import { ZRedactionNames } from '@enkat/survey-schema';
import { type FormEvent, useEffect, useState } from 'react';
import { ApiError, api } from '@/lib/api-client';
import { useI18n } from '@/lib/i18n';

/** The names an editor wants marked in comments (colleagues, clients), one per line. */
export function RedactionNamesForm({ waveId }: { waveId: string }) {
  const { t } = useI18n();
  const [names, setNames] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'status' | 'alert'; text: string } | null>(null);
  useEffect(() => {
    api(`/api/v1/waves/${waveId}/redaction-names`, ZRedactionNames).then(
      (list) => setNames(list.names.join('\n')),
      () => setMessage({ kind: 'alert', text: t('error') }),
    );
  }, [waveId, t]);

  async function save(event: FormEvent) {
    event.preventDefault();
    const list = (names ?? '')
      .split('\n')
      .map((name) => name.trim())
      .filter(Boolean);
    try {
      await api(`/api/v1/waves/${waveId}/redaction-names`, ZRedactionNames, { method: 'PUT', body: { names: list } });
      setMessage({ kind: 'status', text: t('saved') });
    } catch (error) {
      setMessage({ kind: 'alert', text: error instanceof ApiError ? error.message : t('error') });
    }
  }

  if (names === null) return message ? <p className="error-box">{message.text}</p> : null;
  return (
    <form onSubmit={save} className="redaction-names">
      <label htmlFor="redaction-names">{t('redactionNames')}</label>
      <p id="redaction-names-hint" className="muted">
        {t('redactionNamesHint')}
      </p>
      <textarea
        id="redaction-names"
        rows={4}
        value={names}
        aria-describedby="redaction-names-hint"
        onChange={(event) => setNames(event.target.value)}
      />
      <button type="submit" className="button secondary">
        {t('saveRedactionNames')}
      </button>
      {message && (
        <p role={message.kind} className={message.kind === 'alert' ? 'error-box' : 'notice'}>
          {message.text}
        </p>
      )}
    </form>
  );
}
