import { formatNumber } from '../../text/format';
import { leaderReport } from '../../text/leader-report';
import { periodName } from './IndicatorCard';
import type { Indicator, IndicatorValue, ReportPeriods } from './leader-report-api';

const text = leaderReport.indicators;
const WIDTH = 520;
const HEIGHT = 180;
const LEFT = 48;
const RIGHT = 16;
const TOP = 12;
const BOTTOM = 28;

/** Where a period sits on a time axis of years: a year in its middle, a half-year in the middle of its half. */
function position(period: string): number {
  const m = /^(\d{4})(?:-H([12]))?$/.exec(period);
  if (!m) return NaN;
  const year = Number(m[1]);
  return m[2] ? year + (m[2] === '1' ? 0.25 : 0.75) : year + 0.5;
}

/**
 * The indicator's current values against its target over the plan's years. The SVG is hidden from
 * assistive technology; the caption under it says the same in words, and the table above is the truth.
 */
export function IndicatorChart({ indicator: i, values, plan }: { indicator: Indicator; values: IndicatorValue[]; plan: ReportPeriods }) {
  const first = Number(plan.validFrom.slice(0, 4));
  const last = Math.max(Number(plan.validTo.slice(0, 4)), i.targetYear ?? 0);
  const points = values.map((v) => ({ x: position(v.period), y: v.value, label: periodName(v.period) })).filter((p) => p.x >= first && p.x <= last + 1).sort((a, b) => a.x - b.x);
  const top = Math.max(1, ...points.map((p) => p.y), i.target ?? 0, i.baseline ?? 0) * 1.1;
  const bottom = Math.min(0, ...points.map((p) => p.y));
  const sx = (x: number) => LEFT + ((x - first) / (last + 1 - first)) * (WIDTH - LEFT - RIGHT);
  const sy = (y: number) => TOP + (1 - (y - bottom) / (top - bottom)) * (HEIGHT - TOP - BOTTOM);
  const years = Array.from({ length: last - first + 1 }, (_, k) => first + k);
  const summary = text.chartSummary(
    points.length ? points.map((p) => `${p.label}: ${formatNumber(p.y)}`).join('; ') : text.chartNoValues,
    i.target === null ? text.none_ : `${formatNumber(i.target)}${i.targetYear ? ` i ${i.targetYear}` : ''}`,
  );
  return (
    <figure className="indicator-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} aria-hidden="true" focusable="false">
        <line className="chart-axis" x1={LEFT} y1={sy(bottom)} x2={WIDTH - RIGHT} y2={sy(bottom)} />
        <line className="chart-axis" x1={LEFT} y1={TOP} x2={LEFT} y2={sy(bottom)} />
        <text className="chart-tick" x={LEFT - 6} y={sy(bottom) + 4} textAnchor="end">
          {formatNumber(bottom)}
        </text>
        <text className="chart-tick" x={LEFT - 6} y={TOP + 8} textAnchor="end">
          {formatNumber(Math.round(top))}
        </text>
        {years.map((year) => (
          <g key={year}>
            <line className="chart-grid" x1={sx(year)} y1={TOP} x2={sx(year)} y2={sy(bottom)} />
            <text className="chart-tick" x={sx(year + 0.5)} y={HEIGHT - 8} textAnchor="middle">
              {year}
            </text>
          </g>
        ))}
        {i.target !== null && (
          <>
            <line className="chart-target" x1={LEFT} y1={sy(i.target)} x2={WIDTH - RIGHT} y2={sy(i.target)} />
            <text className="chart-target-label" x={WIDTH - RIGHT} y={sy(i.target) - 4} textAnchor="end">
              {`${text.target} ${formatNumber(i.target)}`}
            </text>
          </>
        )}
        {points.length > 1 && <polyline className="chart-line" points={points.map((p) => `${sx(p.x)},${sy(p.y)}`).join(' ')} />}
        {points.map((p) => (
          <circle key={p.label} className="chart-point" cx={sx(p.x)} cy={sy(p.y)} r={4} />
        ))}
      </svg>
      <figcaption>
        <strong>{text.chartHeading}.</strong> {summary}
      </figcaption>
    </figure>
  );
}
