import { formatInteger, formatMargin, formatPercent } from '@enkat/results';
import type {
  TAgreementFigures,
  TChoiceQuestionResult,
  THiddenReason,
  TQuestionResult,
  TWaveResults,
} from '@enkat/survey-schema';
import { fillMessage, MESSAGES, type TLanguage } from '@/lib/messages';
import { BarChart } from './bar-chart';
import { BreakdownResult } from './breakdown-result';
import { CommentsList } from './comments-list';
import { markerText } from './hidden-marker';

type TProps = {
  question: TQuestionResult;
  number: number;
  results: TWaveResults;
  language: TLanguage;
  canRedact?: boolean;
};

/** One question's results: the report's table, the combined figures, the chart, the breakdown. */
export function QuestionResult({ question, number, results, language, canRedact = false }: TProps) {
  const m = MESSAGES[language];
  const headingId = `result-${question.questionId}`;
  return (
    <section className="question-result" aria-labelledby={headingId} data-question-id={question.questionId}>
      <h2 id={headingId}>
        {number}. {question.text}
      </h2>
      {question.wordingChangedSince && (
        <p className="notice">{fillMessage(m.wordingChanged, { wave: question.wordingChangedSince })}</p>
      )}
      {question.type === 'free_text' ? (
        <>
          <p>
            {formatInteger(question.writers, language)} {m.writers}.{' '}
            {question.commentsShown
              ? ''
              : results.wave.state === 'closed'
                ? fillMessage(m.commentsHidden, { n: results.freeTextMinGroup })
                : m.commentsAfterClose}
          </p>
          {question.commentsShown && (
            <CommentsList waveId={results.wave.id} questionId={question.questionId} canRedact={canRedact} />
          )}
        </>
      ) : (
        <ChoiceResult question={question} results={results} language={language} />
      )}
    </section>
  );
}

function ChoiceResult({
  question,
  results,
  language,
}: { question: TChoiceQuestionResult } & Omit<TProps, 'question' | 'number'>) {
  const m = MESSAGES[language];
  if (question.withheld === 'protects_small_group')
    return <p>{fillMessage(m.withheldProtects, { n: results.minGroupSize })}</p>;
  if (question.withheld || !question.table)
    return <p>{fillMessage(m.withheldQuestion, { n: results.minGroupSize })}</p>;
  const { table } = question;
  const hiddenText = (reason: THiddenReason) => markerText(reason, results.minGroupSize, language);
  return (
    <>
      <div className="table-scroll">
        <table className="result-table">
          <thead>
            <tr>
              <th scope="col">{m.option}</th>
              <th scope="col">{m.percentCol}</th>
              <th scope="col">{m.countCol}</th>
              <th scope="col">{m.marginCol}</th>
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) =>
              row.hidden || row.count === null ? (
                <tr key={row.optionId}>
                  <th scope="row">{row.label}</th>
                  <td className="suppressed" colSpan={3}>
                    {hiddenText(row.hidden ?? 'small_group')}
                  </td>
                </tr>
              ) : (
                <tr key={row.optionId}>
                  <th scope="row">{row.label}</th>
                  <td className="number">{formatPercent(row.percent, language)}</td>
                  <td className="number">{formatInteger(row.count, language)}</td>
                  <td className="number">{formatMargin(row.margin, language)}</td>
                </tr>
              ),
            )}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{m.total}</th>
              <td />
              <td className="number">{formatInteger(table.total, language)}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
      {question.agreement && (
        <ul className="agreement-figures">
          {[question.agreement.allAnswers, question.agreement.scaleAnswers].map((figures) => (
            <AgreementLine
              key={figures.base}
              figures={figures}
              labels={{
                agree: summaryLabel(question.agreement?.agreeOptionIds ?? [], table.rows, language),
                disagree: summaryLabel(question.agreement?.disagreeOptionIds ?? [], table.rows, language),
              }}
              language={language}
            />
          ))}
        </ul>
      )}
      <BarChart
        id={`chart-${question.questionId}`}
        title={question.text}
        bars={table.rows.flatMap((row) =>
          row.count === null ? [] : [{ label: row.label, count: row.count, percent: row.percent }],
        )}
        language={language}
      />
      {question.breakdown && <BreakdownResult question={question} results={results} language={language} />}
    </>
  );
}

/**
 * The name of a combined figure, from the options the chosen scale combines: "Instämmer helt
 * eller instämmer delvis" on the 2012 scale, "Instämmer helt eller instämmer till stor del" on
 * the five-step one.
 */
function summaryLabel(optionIds: string[], rows: { optionId: string; label: string }[], language: TLanguage): string {
  const labels = optionIds.flatMap((id) => rows.find((row) => row.optionId === id)?.label ?? []);
  return labels
    .map((label, i) => (i === 0 ? label : label.charAt(0).toLocaleLowerCase(language) + label.slice(1)))
    .join(language === 'sv' ? ' eller ' : ' or ');
}

function AgreementLine({
  figures,
  labels,
  language,
}: {
  figures: TAgreementFigures;
  labels: { agree: string; disagree: string };
  language: TLanguage;
}) {
  const m = MESSAGES[language];
  const share = (s: TAgreementFigures['agree']) =>
    `${formatPercent(s.percent, language)} (${formatInteger(s.count, language)} ${m.ofInvited} ${formatInteger(figures.total, language)})`;
  return (
    <li>
      <strong>{figures.label}:</strong> {labels.agree || m.agreeLabel} {share(figures.agree)} ·{' '}
      {labels.disagree || m.disagreeLabel} {share(figures.disagree)}
    </li>
  );
}
