import {
  AUDIT_ACTIONS,
  type TAuditEvent,
  ZListAdministratorsResponse,
  ZListAuditEventsResponse,
  ZOverviewResponse,
} from '@enkat/survey-schema';
import Link from 'next/link';
import { ACTION_NAMES, detailsText } from '@/components/admin/audit-text';
import { Field } from '@/components/admin/field';
import { MESSAGES, type TLanguage } from '@/lib/messages';
import { adminMessages, currentAdmin, serverApi } from '@/lib/server-api';
import { formatStockholm } from '@/lib/stockholm-time';

type TProps = { searchParams: Promise<Record<string, string | undefined>> };
type TObjectNames = Map<string, { name: string; href: string }>;

const DATE_FILTERS = ['from', 'to'] as const;
const FILTERS = ['action', 'actor', ...DATE_FILTERS] as const;

/** The audit log, filtered with a plain GET form: Swedish event names, objects by name, details as text. */
export default async function AuditPage({ searchParams }: TProps) {
  const [{ language, m }, me, search] = await Promise.all([adminMessages(), currentAdmin(), searchParams]);
  if (!me.ok || me.value.administrator.role !== 'owner') {
    return (
      <p role="alert" className="error-box">
        {m.forbiddenRole}
      </p>
    );
  }
  const filters = Object.fromEntries(FILTERS.flatMap((key) => (search[key] ? [[key, search[key]]] : [])));
  const [events, overview, administrators] = await Promise.all([
    serverApi(`/api/v1/admin/audit?${new URLSearchParams(filters)}`, ZListAuditEventsResponse),
    serverApi('/api/v1/overview', ZOverviewResponse),
    serverApi('/api/v1/admin/administrators', ZListAdministratorsResponse),
  ]);
  const names: TObjectNames = new Map();
  for (const series of overview.ok ? overview.value.series : []) {
    names.set(series.id, { name: series.name, href: `/admin/series/${series.id}` });
    for (const wave of series.waves) {
      names.set(wave.id, { name: `${series.name} ${wave.name}`, href: `/admin/waves/${wave.id}` });
    }
  }
  for (const a of administrators.ok ? administrators.value.administrators : []) {
    names.set(a.id, { name: a.name, href: '/admin/administrators' });
  }
  return (
    <>
      <h1>{m.auditTitle}</h1>
      <form method="get" className="inline-form" aria-label={m.filter}>
        <div className="field">
          <label htmlFor="action">{m.action}</label>
          <select id="action" name="action" defaultValue={filters.action ?? ''}>
            <option value="">{m.all}</option>
            {AUDIT_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {ACTION_NAMES[language][action] ?? action}
              </option>
            ))}
          </select>
        </div>
        <Field id="actor" label={m.who} defaultValue={filters.actor ?? ''} />
        {/* Text, not type="date": the browser would show its own locale's format ("mm/dd/yyyy"). */}
        {DATE_FILTERS.map((key) => (
          <Field
            key={key}
            id={key}
            label={m[key]}
            hint={m.dateFormatHint}
            placeholder={m.datePlaceholder}
            inputMode="numeric"
            pattern="\d{4}-\d{2}-\d{2}"
            defaultValue={filters[key] ?? ''}
          />
        ))}
        <button type="submit" className="button">
          {m.filter}
        </button>
      </form>
      {!events.ok && <p className="error-box">{m.error}</p>}
      {events.ok && events.value.events.length === 0 && <p>{m.noEvents}</p>}
      {events.ok && events.value.events.length > 0 && (
        <div className="table-scroll">
          <table className="audit-table stack-table">
            <thead>
              <tr>
                <th scope="col">{m.when}</th>
                <th scope="col">{m.who}</th>
                <th scope="col">{m.action}</th>
                <th scope="col">{m.object}</th>
                <th scope="col">{m.details}</th>
              </tr>
            </thead>
            <tbody>
              {events.value.events.map((e) => (
                <AuditRow key={e.id} event={e} names={names} language={language} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function AuditRow({ event: e, names, language }: { event: TAuditEvent; names: TObjectNames; language: TLanguage }) {
  const m = MESSAGES[language];
  const object = e.objectId ? names.get(e.objectId) : undefined;
  const details = detailsText(e.details, language);
  return (
    <tr>
      <th scope="row" className="nowrap">
        {formatStockholm(e.at, language, 'dateTimeSeconds')}
      </th>
      <td className="long-text" data-label={m.who}>
        {e.actorEmail ?? m.system}
      </td>
      <td data-label={m.action}>{ACTION_NAMES[language][e.action] ?? e.action}</td>
      <td data-label={m.object}>{object ? <Link href={object.href}>{object.name}</Link> : e.objectId ? '–' : ''}</td>
      {/* Without details, the stacked row on a phone leaves out an empty "Detaljer:" line. */}
      <td className="long-text" data-label={details ? m.details : undefined}>
        {details}
      </td>
    </tr>
  );
}
