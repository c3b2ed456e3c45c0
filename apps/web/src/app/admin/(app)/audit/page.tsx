'use client';

import { AUDIT_ACTIONS, type TAuditEvent, ZListAuditEventsResponse } from '@enkat/survey-schema';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { RoleRefused, useAdmin } from '@/components/admin/admin-shell';
import { Field } from '@/components/admin/field';
import { api } from '@/lib/api-client';
import { useI18n } from '@/lib/i18n';

export default function AuditPage() {
  const admin = useAdmin();
  if (admin.role !== 'owner') return <RoleRefused />;
  return <AuditLog />;
}

function AuditLog() {
  const { t, language } = useI18n();
  const [events, setEvents] = useState<TAuditEvent[] | null>(null);

  const load = useCallback(async (filters: Record<string, string> = {}) => {
    const query = new URLSearchParams(Object.entries(filters).filter(([, value]) => value !== ''));
    setEvents((await api(`/api/v1/admin/audit?${query}`, ZListAuditEventsResponse)).events);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  function filter(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void load(Object.fromEntries([...new FormData(event.currentTarget)].map(([k, v]) => [k, String(v)])));
  }

  const format = new Intl.DateTimeFormat(language === 'sv' ? 'sv-SE' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'medium',
    timeZone: 'Europe/Stockholm',
  });

  return (
    <>
      <h1>{t('auditTitle')}</h1>
      <form onSubmit={filter} className="inline-form">
        <div className="field">
          <label htmlFor="action">{t('action')}</label>
          <select id="action" name="action" defaultValue="">
            <option value="">{t('all')}</option>
            {AUDIT_ACTIONS.map((action) => (
              <option key={action}>{action}</option>
            ))}
          </select>
        </div>
        <Field id="actor" label={t('who')} />
        <Field id="from" label={t('from')} type="date" />
        <Field id="to" label={t('to')} type="date" />
        <button type="submit" className="button">
          {t('filter')}
        </button>
      </form>
      {events && events.length === 0 && <p>{t('noEvents')}</p>}
      {events && events.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('when')}</th>
              <th scope="col">{t('who')}</th>
              <th scope="col">{t('action')}</th>
              <th scope="col">{t('object')}</th>
              <th scope="col">{t('details')}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.id}>
                <td>{format.format(new Date(e.at))}</td>
                <td>{e.actorEmail ?? '–'}</td>
                <td>{e.action}</td>
                <td>{e.objectType ? `${e.objectType} ${e.objectId?.slice(0, 8)}` : '–'}</td>
                <td>
                  <code>{e.details ? JSON.stringify(e.details) : ''}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
