import { formatInteger, formatPercent } from '@enkat/results';
import type { TLanguage } from '@enkat/survey-schema';

type TBar = { label: string; count: number; percent: number | null };

const ROW = 28;
const LABEL_WIDTH = 190;
const BAR_WIDTH = 260;
const VALUE_WIDTH = 110;

/**
 * A horizontal bar chart drawn on the server as SVG: a title and a text alternative that list
 * every number, the numbers printed next to the bars (readable without colour), and vector
 * shapes that print sharply.
 */
export function BarChart({
  id,
  title,
  bars,
  language,
}: {
  id: string;
  title: string;
  bars: TBar[];
  language: TLanguage;
}) {
  const value = (bar: TBar) => `${formatPercent(bar.percent, language)} (${formatInteger(bar.count, language)})`;
  const description = bars.map((bar) => `${bar.label}: ${value(bar)}`).join('; ');
  const height = bars.length * ROW + 8;
  return (
    <svg
      className="bar-chart"
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH} ${height}`}
      width="100%"
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {bars.map((bar, i) => {
        const y = i * ROW + 4;
        const width = Math.max(0, ((bar.percent ?? 0) / 100) * BAR_WIDTH);
        return (
          <g key={bar.label}>
            <text x={LABEL_WIDTH - 8} y={y + 17} textAnchor="end" className="bar-label">
              {bar.label.length > 28 ? `${bar.label.slice(0, 27)}…` : bar.label}
            </text>
            <rect x={LABEL_WIDTH} y={y + 3} width={BAR_WIDTH} height={ROW - 10} className="bar-track" />
            <rect x={LABEL_WIDTH} y={y + 3} width={width} height={ROW - 10} className="bar" />
            <text x={LABEL_WIDTH + BAR_WIDTH + 8} y={y + 17} className="bar-value">
              {value(bar)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
