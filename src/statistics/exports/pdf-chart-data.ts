import type { ShownCount } from '../suppression';
import { percentText, readableNumber } from './format';
import type { Bar, BarGroup } from './pdf-charts';
import { COLORS } from '../../common/pdf/pdf-draw';
import type { CountTable, ReportModel } from './report-model';

/*
 * What the PDF's charts draw, taken from the report model only. A hidden value gets no bar,
 * just its label: a bar's length would give the hidden count away.
 */

export interface BarChartData {
  title: string;
  subtitle: string;
  bars: Bar[];
}

export interface ReportCharts {
  topics: BarChartData;
  phases: BarChartData;
  indicators: BarGroup[];
}

export const countText = (c: ShownCount) => (c.suppressed ? c.display : readableNumber(c.value));
const countBar = (name: string, c: ShownCount): Bar => ({ label: name, value: c.suppressed ? null : c.value, display: countText(c) });

function topicChart(topics: CountTable): BarChartData {
  // Largest first; hidden topics last, in the table's order (their order must not hint at their size).
  const bars = [...topics.rows]
    .sort((a, b) => Number(a.count.suppressed) - Number(b.count.suppressed) || (a.count.suppressed ? 0 : b.count.value - a.count.value))
    .map((r) => countBar(r.label, r.count));
  return { title: topics.title, subtitle: `${countText(topics.total)} rådgivninger i alt.`, bars };
}

function phaseChart(phases: CountTable): BarChartData {
  return {
    title: 'Fritidsjobforløb fordelt på fase ved periodens udgang',
    subtitle: `${countText(phases.total)} forløb i alt.`,
    bars: phases.rows.map((r) => countBar(r.label, r.count)),
  };
}

function indicatorGroups(m: ReportModel): BarGroup[] {
  return m.indicators.map((i) => {
    const fmt = (n: number) => (i.isShare ? percentText(n) : readableNumber(n));
    const bar = (name: string, value: number | null, color: string, display = value === null ? 'ikke opgjort' : fmt(value)): Bar => ({ label: name, value, display, color });
    return {
      title: i.indicator,
      note: `${i.goal}. Enhed: ${i.unit}. Kilde: ${i.dataSource}.`,
      bars: [
        bar(`Baseline${i.baselineYear ? ` (${i.baselineYear})` : ''}`, i.baseline, COLORS.baseline),
        bar(`Værdi ${m.periodLabel}`, i.valueSuppressed ? null : i.value, COLORS.primary, i.valueSuppressed ? i.valueDisplay : undefined),
        bar(i.targetLabel, i.target, COLORS.target),
      ],
    };
  });
}

export function reportCharts(m: ReportModel): ReportCharts {
  return { topics: topicChart(m.counselling.tables[0]), phases: phaseChart(m.jobProgrammes.phases), indicators: indicatorGroups(m) };
}
