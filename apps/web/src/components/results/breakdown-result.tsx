import { formatInteger, formatPercent } from '@enkat/results';
import {
  NO_ANSWER_GROUP_KEY,
  type TChoiceQuestionResult,
  type THiddenReason,
  type TWaveResults,
} from '@enkat/survey-schema';
import { fillMessage, MESSAGES, type TLanguage } from '@/lib/messages';
import { BreakdownChart } from './breakdown-chart';
import { markerText } from './hidden-marker';

/**
 * A question broken down by a background question: the table (one column per group, those who
 * skipped the background question last), what a hidden cell means, and the chart of each
 * shown group's answers.
 */
export function BreakdownResult({
  question,
  results,
  language,
}: {
  question: TChoiceQuestionResult;
  results: TWaveResults;
  language: TLanguage;
}) {
  const m = MESSAGES[language];
  const columns = question.breakdown ?? [];
  const marker = (reason: THiddenReason) => markerText(reason, results.minGroupSize, language);
  const skipped = columns.find((column) => column.key === NO_ANSWER_GROUP_KEY);
  const by = results.breakdown?.text ?? '';
  return (
    <>
      <div className="table-scroll">
        <table className="breakdown-table">
          <caption>
            {m.breakdownBy}: {results.breakdown?.text}
          </caption>
          <thead>
            <tr>
              <th scope="col">{m.option}</th>
              {columns.map((column) => (
                <th scope="col" key={column.key}>
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {question.table?.rows.map((row) => (
              <tr key={row.optionId}>
                <th scope="row">{row.label}</th>
                {columns.map((column) => {
                  if (column.suppressed) {
                    return (
                      <td key={column.key} className="suppressed">
                        {marker(column.reason)}
                      </td>
                    );
                  }
                  const cell = column.rows.find((r) => r.optionId === row.optionId);
                  if (cell?.hidden) {
                    return (
                      <td key={column.key} className="suppressed">
                        {marker(cell.hidden)}
                      </td>
                    );
                  }
                  return (
                    <td key={column.key} className="number">
                      {formatPercent(cell?.percent ?? null, language)} ({formatInteger(cell?.count ?? 0, language)})
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{m.total}</th>
              {columns.map((column) => (
                <td key={column.key} className={column.suppressed ? 'suppressed' : 'number'}>
                  {column.suppressed ? marker(column.reason) : formatInteger(column.n, language)}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="muted">
        {fillMessage(m.suppressedNote, { n: results.minGroupSize })}
        {skipped && ` ${fillMessage(m.noAnswerGroupNote, { label: skipped.label })}`}
      </p>
      <figure className="breakdown-figure">
        <figcaption>{fillMessage(m.breakdownChartCaption, { question: question.text, by })}</figcaption>
        <BreakdownChart
          id={`breakdown-chart-${question.questionId}`}
          title={fillMessage(m.breakdownChartCaption, { question: question.text, by })}
          options={question.table?.rows ?? []}
          columns={columns}
          hiddenText={marker}
          language={language}
        />
      </figure>
    </>
  );
}
