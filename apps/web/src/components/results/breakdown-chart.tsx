import { formatInteger, formatPercent } from '@enkat/results';
import type { TGroupColumn, THiddenReason, TLanguage } from '@enkat/survey-schema';

type TOption = { optionId: string; label: string };

const HEAD = 26;
const ROW = 22;
const GAP = 10;
// Narrower than the question's own chart: it is read on phones too, and scales to fit.
const LABEL_WIDTH = 150;
const BAR_WIDTH = 190;
const VALUE_WIDTH = 100;
const WIDTH = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH;

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * A question broken down by a background question, drawn on the server as SVG: for each group
 * its own bars, each option's share of the group's n, the numbers printed beside them. A group
 * or cell the wave's decision hides is written out with its reason and never drawn. The SVG
 * scales to the width it is given; its text alternative lists every number, and the breakdown
 * table beside it remains the full, accessible source.
 */
export function BreakdownChart({
  id,
  title,
  options,
  columns,
  hiddenText,
  language,
}: {
  id: string;
  title: string;
  options: TOption[];
  columns: TGroupColumn[];
  hiddenText: (reason: THiddenReason) => string;
  language: TLanguage;
}) {
  let y = 4;
  const blocks = columns.map((column) => {
    const top = y;
    const rows = column.suppressed ? [] : options;
    y += HEAD + rows.length * ROW + GAP;
    return { column, top, rows };
  });
  const description = columns
    .map((column) => {
      if (column.suppressed) return `${column.label}: ${hiddenText(column.reason)}`;
      const values = options.map((option) => {
        const cell = column.rows.find((row) => row.optionId === option.optionId);
        if (cell?.hidden) return `${option.label}: ${hiddenText(cell.hidden)}`;
        return `${option.label}: ${formatPercent(cell?.percent ?? null, language)} (${formatInteger(cell?.count ?? 0, language)})`;
      });
      return `${column.label} (n = ${formatInteger(column.n, language)}): ${values.join(', ')}`;
    })
    .join('; ');
  return (
    <svg
      className="bar-chart breakdown-chart"
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${WIDTH} ${y}`}
      width="100%"
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {blocks.map(({ column, top, rows }) => (
        <g key={column.key} data-group={column.key}>
          <text x={0} y={top + 17} className={column.suppressed ? 'group-label hidden-group' : 'group-label'}>
            {column.suppressed
              ? `${cut(column.label, 30)}: ${hiddenText(column.reason)}`
              : `${cut(column.label, 50)} (n = ${formatInteger(column.n, language)})`}
          </text>
          {rows.map((option, i) => {
            const cell = column.suppressed ? undefined : column.rows.find((row) => row.optionId === option.optionId);
            const rowTop = top + HEAD + i * ROW;
            const width = Math.max(0, ((cell?.percent ?? 0) / 100) * BAR_WIDTH);
            return (
              <g key={option.optionId}>
                <text x={LABEL_WIDTH - 8} y={rowTop + 15} textAnchor="end" className="bar-label">
                  {cut(option.label, 22)}
                </text>
                {cell?.hidden ? (
                  <text x={LABEL_WIDTH} y={rowTop + 15} className="bar-value hidden-cell">
                    {hiddenText(cell.hidden)}
                  </text>
                ) : (
                  <>
                    <rect x={LABEL_WIDTH} y={rowTop + 3} width={BAR_WIDTH} height={ROW - 8} className="bar-track" />
                    <rect x={LABEL_WIDTH} y={rowTop + 3} width={width} height={ROW - 8} className="bar" />
                    <text x={LABEL_WIDTH + BAR_WIDTH + 8} y={rowTop + 15} className="bar-value">
                      {`${formatPercent(cell?.percent ?? null, language)} (${formatInteger(cell?.count ?? 0, language)})`}
                    </text>
                  </>
                )}
              </g>
            );
          })}
        </g>
      ))}
    </svg>
  );
}
