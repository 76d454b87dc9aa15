export interface Bar {
  label: string;
  /** Null for a hidden count: no bar, only what the table prints ("<5", "skjult"). */
  value: number | null;
  display: string;
}

const ROW = 26;
const LABEL_WIDTH = 220;
const BAR_WIDTH = 300;
const WIDTH = LABEL_WIDTH + BAR_WIDTH + 70;

/**
 * Horizontal bars of a table's counts, drawn from the very numbers the table shows. Hidden from
 * assistive technology: the table next to it is the truth and says everything the chart does.
 * SVG attributes only, no style attributes (the app's CSP); colours come from leader-report.css.
 */
export function BarChart({ bars }: { bars: Bar[] }) {
  const max = Math.max(1, ...bars.map((b) => b.value ?? 0));
  return (
    <svg className="report-chart" viewBox={`0 0 ${WIDTH} ${bars.length * ROW + 4}`} width={WIDTH} height={bars.length * ROW + 4} aria-hidden="true" focusable="false">
      {bars.map((bar, i) => {
        const y = i * ROW + 2;
        const width = bar.value === null ? 0 : Math.max(bar.value > 0 ? 2 : 0, (bar.value / max) * BAR_WIDTH);
        return (
          <g key={bar.label}>
            <text className="report-chart-label" x={LABEL_WIDTH - 8} y={y + ROW / 2 + 4} textAnchor="end">
              {bar.label.length > 30 ? `${bar.label.slice(0, 29)}…` : bar.label}
            </text>
            <rect className={bar.value === null ? 'report-chart-hidden' : 'report-chart-bar'} x={LABEL_WIDTH} y={y + 3} width={bar.value === null ? 6 : width} height={ROW - 8} />
            <text className="report-chart-value" x={LABEL_WIDTH + (bar.value === null ? 6 : width) + 6} y={y + ROW / 2 + 4}>
              {bar.display}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
