import { formatInteger, formatPercent, percent } from '@enkat/results';
import type { TWaveOverview } from '@enkat/survey-schema';
import Link from 'next/link';
import { MESSAGES, type TLanguage } from '@/lib/messages';
import { waveDates } from './wave-dates';

type TWaveTableProps = {
  waves: TWaveOverview[];
  language: TLanguage;
  /** A last column linking each published wave's results. */
  withResults?: boolean;
};

/** Waves with their state, dates, answers and response rate (the overview and a series' page). */
export function WaveTable({ waves, language, withResults = false }: TWaveTableProps) {
  const m = MESSAGES[language];
  return (
    <div className="table-scroll">
      <table className="stack-table">
        <thead>
          <tr>
            <th scope="col">{m.wave}</th>
            <th scope="col">{m.status}</th>
            <th scope="col">{m.dates}</th>
            <th scope="col" className="number">
              {m.answers}
            </th>
            <th scope="col" className="number">
              {m.responseRate}
            </th>
            {withResults && <th scope="col">{m.results}</th>}
          </tr>
        </thead>
        <tbody>
          {waves.map((wave) => (
            <WaveRow key={wave.id} wave={wave} language={language} withResults={withResults} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function WaveRow({ wave, language, withResults }: { wave: TWaveOverview; language: TLanguage; withResults: boolean }) {
  const m = MESSAGES[language];
  const draft = wave.state === 'draft';
  const rate = wave.population ? percent(wave.responses, wave.population) : null;
  return (
    <tr>
      <th scope="row">
        <Link href={`/admin/waves/${wave.id}`}>{wave.name}</Link>
      </th>
      <td data-label={m.status}>
        <span className={`badge state-${wave.state}`}>{m[`state_${wave.state}`]}</span>
      </td>
      <td data-label={m.dates}>{waveDates(wave.opensAt, wave.closesAt, language)}</td>
      <td className="number" data-label={m.answers}>
        {draft ? '–' : `${wave.state === 'open' ? `${m.atLeast} ` : ''}${formatInteger(wave.responses, language)}`}
      </td>
      <td className="number" data-label={m.responseRate}>
        {draft || rate === null ? '–' : formatPercent(rate, language)}
      </td>
      {withResults && (
        <td data-label={m.results}>
          {draft ? (
            '–'
          ) : (
            <Link href={`/admin/waves/${wave.id}/results`}>
              {m.results}
              <span className="visually-hidden"> {wave.name}</span>
            </Link>
          )}
        </td>
      )}
    </tr>
  );
}
