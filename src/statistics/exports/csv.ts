import { stringify } from 'csv-stringify/sync';
import { INDICATOR_COLUMN_LABELS } from '../../indicators/indicator-labels';
import type { HalfYearResult } from '../half-year-result';
import type { ShownCount } from '../suppression';
import { csvNumber, percentNumber } from './format';
import { buildReportModel, NO_VALUE, TOTAL_LABEL, type CountTable, type ExportMeta, type Figure } from './report-model';

/*
 * CSV for Danish Excel: UTF-8 with BOM (else Excel reads æøå as Windows-1252), ";" between
 * fields (Danish Excel's list separator, since "," is the decimal comma), decimal comma, CRLF.
 * Counts go out as plain integers, hidden counts as the text "<5"/"skjult".
 *
 * Layout: a short heading block, then one long table "Sektion;Kategori;Antal;Andel (%)" with
 * every count table and its "I alt" row, then the indicators with their own columns.
 */

type Row = (string | number)[];

function count(c: ShownCount): string {
  return c.suppressed ? c.display : String(c.value);
}

function figureRows(section: string, figures: Figure[]): Row[] {
  return figures.map((f) => [section, f.label, count(f.count), '']);
}

function tableRows(table: CountTable): Row[] {
  const total = table.total;
  return [
    ...table.rows.map((row) => [table.section, row.label, count(row.count), row.share === null ? '' : percentNumber(row.share)]),
    [table.section, TOTAL_LABEL, count(total), total.suppressed || total.value === 0 ? '' : percentNumber(1)],
  ];
}

function optional(n: number | null): string {
  return n === null ? '' : csvNumber(n);
}

export function renderCsv(result: HalfYearResult, meta: ExportMeta): Buffer {
  const m = buildReportModel(result, meta);
  const rows: Row[] = [[m.title], ...m.about.map(([label, text]) => [label, text]), []];

  rows.push(['Sektion', 'Kategori', 'Antal', 'Andel (%)']);
  rows.push(...figureRows('Rådgivning', m.counselling.figures));
  for (const table of m.counselling.tables) rows.push(...tableRows(table));
  rows.push(...figureRows('Fritidsjobforløb', m.jobProgrammes.figures));
  const share = m.jobProgrammes.ordinaryJobShare;
  rows.push(['Fritidsjobforløb', share.label, '', share.value === null ? share.display : percentNumber(share.value)]);
  rows.push(...tableRows(m.jobProgrammes.phases));
  rows.push(...figureRows('Samtykker', m.consents));
  if (m.activities) {
    rows.push(...figureRows('Aktiviteter', m.activities.figures));
    for (const table of m.activities.tables) rows.push(...tableRows(table));
  }
  if (m.referrals) rows.push(...tableRows(m.referrals));
  if (m.volunteers) {
    rows.push(...figureRows('Frivillige', m.volunteers.figures));
    for (const table of m.volunteers.tables) rows.push(...tableRows(table));
  }
  if (m.jobcentre) {
    rows.push(...figureRows('Jobcenter', m.jobcentre.figures));
    const rate = m.jobcentre.activationRate;
    rows.push(['Jobcenter', rate.label, '', rate.value === null ? rate.display : percentNumber(rate.value)]);
    for (const table of m.jobcentre.tables) rows.push(...tableRows(table));
  }
  if (m.employers) rows.push(...figureRows('Virksomheder', m.employers));
  for (const section of m.extraSections) {
    rows.push(...figureRows(section.title, section.figures));
    for (const table of section.tables) rows.push(...tableRows(table));
  }

  if (m.indicators.length > 0) {
    rows.push([], ['Indikatorer']);
    const c = INDICATOR_COLUMN_LABELS;
    rows.push([c.goal, c.indicator, c.unit, c.baseline, c.baselineYear, c.target(m.periodLabel), c.value(m.periodLabel), c.targetBasis, c.dataSource]);
    for (const i of m.indicators) {
      const value = i.valueSuppressed ? i.valueDisplay : i.value === null ? NO_VALUE : csvNumber(i.value);
      rows.push([i.goal, i.indicator, i.unit, optional(i.baseline), i.baselineYear ?? '', optional(i.target), value, i.targetBasis, i.dataSource]);
    }
  }

  const text = stringify(rows, {
    bom: true,
    delimiter: ';',
    record_delimiter: 'windows',
    // Area and recipient names are typed by people: never let Excel run them as formulas.
    escape_formulas: true,
  });
  return Buffer.from(text, 'utf8');
}
