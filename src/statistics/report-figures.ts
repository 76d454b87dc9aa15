import type { ReportFiguresResponse, ShownCountResponse } from './dto/report-figures.dto';
import type { CountTable, Figure, ReportModel } from './exports/report-model';
import { halfYearOf, periodState, type HalfYear } from './report-period';
import type { ShownCount } from './suppression';

/*
 * The report model the exporters print, as the web app shows it: a hidden count's number is left
 * out altogether (not only its display), so the page cannot show more than the files do.
 */

const shown = (c: ShownCount): ShownCountResponse => ({ value: c.suppressed ? null : c.value, hidden: c.suppressed, display: c.display });
const figures = (list: Figure[]) => list.map((f) => ({ label: f.label, count: shown(f.count) }));
const table = (t: CountTable) => ({
  title: t.title,
  categoryHeader: t.categoryHeader,
  rows: t.rows.map((r) => ({ label: r.label, count: shown(r.count), share: r.share })),
  total: shown(t.total),
});

/** The sections follow the XLSX's sheets, so a leader finds a number in the same place in both. */
export function reportFiguresView(id: string, m: ReportModel): ReportFiguresResponse {
  const share = m.jobProgrammes.ordinaryJobShare;
  const sections = [
    { title: 'Rådgivning', figures: figures(m.counselling.figures), shares: [], tables: m.counselling.tables.map(table) },
    { title: 'Fritidsjob', figures: figures(m.jobProgrammes.figures), shares: [{ label: share.label, value: share.value, display: share.display }], tables: [table(m.jobProgrammes.phases)] },
    { title: 'Samtykker', figures: figures(m.consents), shares: [], tables: [] },
  ];
  if (m.activities || m.referrals) {
    sections.push({
      title: 'Aktiviteter',
      figures: figures(m.activities?.figures ?? []),
      shares: [],
      tables: [...(m.activities?.tables ?? []), ...(m.referrals ? [m.referrals] : [])].map(table),
    });
  }
  if (m.volunteers) sections.push({ title: 'Frivillige', figures: figures(m.volunteers.figures), shares: [], tables: m.volunteers.tables.map(table) });
  if (m.jobcentre) {
    const rate = m.jobcentre.activationRate;
    sections.push({
      title: 'Jobcenter',
      figures: figures(m.jobcentre.figures),
      shares: [{ label: rate.label, value: rate.value, display: rate.display }],
      tables: m.jobcentre.tables.map(table),
    });
  }
  if (m.employers) sections.push({ title: 'Virksomheder', figures: figures(m.employers), shares: [], tables: [] });
  for (const section of m.extraSections) sections.push({ title: section.title, figures: figures(section.figures), shares: [], tables: section.tables.map(table) });
  return {
    id,
    version: m.version,
    title: m.title,
    periodLabel: m.periodLabel,
    periodText: m.periodText,
    interim: m.interim,
    threshold: m.threshold,
    disclosure: m.disclosure,
    sections,
    indicators: m.indicators.map((i) => ({
      goal: i.goal,
      indicator: i.indicator,
      unit: i.unit,
      isShare: i.isShare,
      baseline: i.baseline,
      baselineYear: i.baselineYear,
      target: i.target,
      targetBasis: i.targetBasis,
      value: i.valueSuppressed ? null : i.value,
      valueDisplay: i.valueDisplay,
      dataSource: i.dataSource,
    })),
    about: m.about.map(([label, text]) => ({ label, text })),
  };
}

/** The plan's half-years from its first to the running one (or its last), newest first. */
export function planHalfYears(validFrom: string, validTo: string, now = new Date()): { year: number; half: 1 | 2; running: boolean }[] {
  const key = (p: HalfYear) => p.year * 2 + p.half - 1;
  const first = halfYearOf(new Date(`${validFrom}T12:00:00Z`));
  const last = Math.min(key(halfYearOf(new Date(`${validTo}T12:00:00Z`))), key(halfYearOf(now)));
  const items: { year: number; half: 1 | 2; running: boolean }[] = [];
  for (let k = last; k >= key(first); k--) {
    const period: HalfYear = { year: Math.floor(k / 2), half: ((k % 2) + 1) as 1 | 2 };
    items.push({ ...period, running: periodState(period, now) === 'running' });
  }
  return items;
}
