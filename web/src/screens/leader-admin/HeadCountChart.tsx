import { formatNumber } from '../../text/format';
import { leaderAdmin } from '../../text/leader-admin';
import { monthShortLabel, type MonthCount } from './head-counts';

const WIDTH = 640;
const HEIGHT = 180;
const AXIS = 28;
const MAX_MONTHS = 12;

/**
 * The participants per month as bars, oldest first: a picture of the table next to it, which
 * carries the same numbers for screen readers (the chart is hidden from them).
 */
export function HeadCountChart({ months }: { months: MonthCount[] }) {
  const shown = months.slice(0, MAX_MONTHS).reverse();
  const top = Math.max(1, ...shown.map((m) => m.total));
  const slot = WIDTH / Math.max(shown.length, 1);
  const bar = Math.min(48, slot * 0.6);
  return (
    <figure className="head-count-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT + AXIS}`} aria-hidden="true" focusable="false">
        <line x1={0} y1={HEIGHT} x2={WIDTH} y2={HEIGHT} className="chart-axis" />
        {shown.map((m, i) => {
          const h = Math.round((m.total / top) * (HEIGHT - 20));
          const x = i * slot + (slot - bar) / 2;
          return (
            <g key={m.month}>
              <rect x={x} y={HEIGHT - h} width={bar} height={h} className="chart-bar" />
              <text x={x + bar / 2} y={HEIGHT - h - 4} textAnchor="middle" className="chart-value">
                {formatNumber(m.total)}
              </text>
              <text x={x + bar / 2} y={HEIGHT + 18} textAnchor="middle" className="chart-label">
                {monthShortLabel(m.month)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="form-hint">{leaderAdmin.activity.chartCaption}</figcaption>
    </figure>
  );
}
