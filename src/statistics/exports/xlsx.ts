import ExcelJS from 'exceljs';
import type { HalfYearResult } from '../half-year-result';
import type { ShownCount } from '../suppression';
import { buildReportModel, NO_VALUE, TOTAL_LABEL, type CountTable, type ExportMeta, type Figure, type ReportModel } from './report-model';
import { INDICATOR_COLUMN_LABELS } from '../../indicators/indicator-labels';

/*
 * One sheet per section. Counts are numbers (so people can sum and chart them); a hidden count
 * is the text "<5" or "skjult", right-aligned like the numbers. Shares are numbers with a
 * percent format, which Excel shows the Danish way ("75,0 %") on a Danish machine.
 */

const PERCENT = '0.0%';
const INTEGER = '#,##0';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };

type Sheet = ExcelJS.Worksheet;

function addHeading(ws: Sheet, m: ReportModel, heading: string): void {
  const title = ws.addRow([`${heading} – ${m.periodLabel} – ${m.planName}`]);
  title.font = { bold: true, size: 14 };
  const sub = ws.addRow([`${m.periodText}. Version ${m.version}. ${m.interim ? 'Foreløbig.' : 'Endelig.'}`]);
  sub.font = { italic: true, color: { argb: 'FF555555' } };
  ws.addRow([m.disclosure]).font = { size: 9, color: { argb: 'FF555555' } };
  ws.addRow([]);
}

function addHeader(ws: Sheet, labels: string[]): void {
  const row = ws.addRow(labels);
  row.font = { bold: true };
  row.eachCell((cell, col) => {
    cell.fill = HEADER_FILL;
    cell.border = { bottom: { style: 'thin' } };
    if (col > 1) cell.alignment = { horizontal: 'right' };
  });
}

/** A count as a number, or the hidden label as right-aligned text. */
function setCount(cell: ExcelJS.Cell, count: ShownCount): void {
  if (count.suppressed) {
    cell.value = count.display;
    cell.alignment = { horizontal: 'right' };
  } else {
    cell.value = count.value;
    cell.numFmt = INTEGER;
  }
}

function setShare(cell: ExcelJS.Cell, share: number | null, fallback = ''): void {
  if (share === null) {
    cell.value = fallback;
    cell.alignment = { horizontal: 'right' };
  } else {
    cell.value = share;
    cell.numFmt = PERCENT;
  }
}

function addFigures(ws: Sheet, title: string, figures: Figure[]): void {
  addHeader(ws, [title, 'Antal']);
  for (const f of figures) setCount(ws.addRow([f.label]).getCell(2), f.count);
}

function addTable(ws: Sheet, table: CountTable): void {
  ws.addRow([table.title]).font = { bold: true, size: 12 };
  addHeader(ws, [table.categoryHeader, 'Antal', 'Andel']);
  for (const r of table.rows) {
    const row = ws.addRow([r.label]);
    setCount(row.getCell(2), r.count);
    setShare(row.getCell(3), r.share);
  }
  const total = ws.addRow([TOTAL_LABEL]);
  total.font = { bold: true };
  setCount(total.getCell(2), table.total);
  setShare(total.getCell(3), table.total.suppressed || table.total.value === 0 ? null : 1);
  [1, 2, 3].forEach((c) => (total.getCell(c).border = { top: { style: 'thin' } }));
  ws.addRow([]);
}

function widths(ws: Sheet, values: number[]): void {
  values.forEach((width, i) => (ws.getColumn(i + 1).width = width));
}

function counsellingSheet(wb: ExcelJS.Workbook, m: ReportModel): void {
  const ws = wb.addWorksheet('Rådgivning');
  addHeading(ws, m, 'Rådgivning');
  addFigures(ws, 'Nøgletal', m.counselling.figures);
  ws.addRow([]);
  for (const table of m.counselling.tables) addTable(ws, table);
  widths(ws, [44, 12, 12]);
}

function jobSheet(wb: ExcelJS.Workbook, m: ReportModel): void {
  const ws = wb.addWorksheet('Fritidsjob');
  addHeading(ws, m, 'Fritidsjob');
  addFigures(ws, 'Fritidsjobforløb', m.jobProgrammes.figures);
  const share = m.jobProgrammes.ordinaryJobShare;
  setShare(ws.addRow([share.label]).getCell(2), share.value, share.display);
  ws.addRow([]);
  addTable(ws, m.jobProgrammes.phases);
  widths(ws, [52, 12, 12]);
}

function consentSheet(wb: ExcelJS.Workbook, m: ReportModel): void {
  const ws = wb.addWorksheet('Samtykker');
  addHeading(ws, m, 'Samtykker');
  addFigures(ws, 'Samtykker', m.consents);
  widths(ws, [44, 12]);
}

function activitiesSheet(wb: ExcelJS.Workbook, m: ReportModel): void {
  if (!m.activities && !m.referrals) return;
  const ws = wb.addWorksheet('Aktiviteter');
  addHeading(ws, m, 'Aktiviteter');
  if (m.activities) {
    addFigures(ws, 'Nøgletal', m.activities.figures);
    ws.addRow([]);
    for (const table of m.activities.tables) addTable(ws, table);
  }
  if (m.referrals) addTable(ws, m.referrals);
  widths(ws, [52, 12, 12]);
}

function volunteersSheet(wb: ExcelJS.Workbook, m: ReportModel): void {
  if (!m.volunteers) return;
  const ws = wb.addWorksheet('Frivillige');
  addHeading(ws, m, 'Frivillige');
  addFigures(ws, 'Nøgletal', m.volunteers.figures);
  ws.addRow([]);
  for (const table of m.volunteers.tables) addTable(ws, table);
  widths(ws, [52, 12, 12]);
}

function jobcentreSheet(wb: ExcelJS.Workbook, m: ReportModel): void {
  if (!m.jobcentre) return;
  const ws = wb.addWorksheet('Jobcenter');
  addHeading(ws, m, 'Jobcenterets fremskudte indsats');
  addFigures(ws, 'Nøgletal', m.jobcentre.figures);
  const rate = m.jobcentre.activationRate;
  setShare(ws.addRow([rate.label]).getCell(2), rate.value, rate.display);
  ws.addRow([]);
  for (const table of m.jobcentre.tables) addTable(ws, table);
  widths(ws, [52, 12, 12]);
}

function employersSheet(wb: ExcelJS.Workbook, m: ReportModel): void {
  if (!m.employers) return;
  const ws = wb.addWorksheet('Virksomheder');
  addHeading(ws, m, 'Virksomheder');
  addFigures(ws, 'Nøgletal', m.employers);
  widths(ws, [52, 12]);
}

function extraSheets(wb: ExcelJS.Workbook, m: ReportModel): void {
  for (const section of m.extraSections) {
    const ws = wb.addWorksheet(section.title);
    addHeading(ws, m, section.title);
    addFigures(ws, 'Nøgletal', section.figures);
    ws.addRow([]);
    for (const table of section.tables) addTable(ws, table);
    widths(ws, [52, 12, 12]);
  }
}

function indicatorSheet(wb: ExcelJS.Workbook, m: ReportModel): void {
  const ws = wb.addWorksheet('Indikatorer');
  addHeading(ws, m, 'Indikatorer');
  const c = INDICATOR_COLUMN_LABELS;
  addHeader(ws, [c.goal, c.indicator, c.unit, c.baseline, c.baselineYear, c.target(m.periodLabel), c.value(m.periodLabel), c.targetBasis, c.dataSource]);
  for (const i of m.indicators) {
    const row = ws.addRow([i.goal, i.indicator, i.unit]);
    const number = (col: number, value: number | null, fallback = NO_VALUE) => {
      const cell = row.getCell(col);
      if (value === null) {
        cell.value = fallback;
        cell.alignment = { horizontal: 'right' };
      } else {
        cell.value = value;
        cell.numFmt = i.isShare ? PERCENT : '#,##0.##';
      }
    };
    number(4, i.baseline);
    row.getCell(5).value = i.baselineYear ?? NO_VALUE;
    row.getCell(5).alignment = { horizontal: 'right' };
    number(6, i.target);
    number(7, i.value, i.valueDisplay);
    row.getCell(8).value = i.targetBasis;
    row.getCell(9).value = i.dataSource;
    row.alignment = { vertical: 'top', wrapText: true };
    [4, 5, 6, 7].forEach((c) => (row.getCell(c).alignment = { vertical: 'top', horizontal: 'right' }));
  }
  if (m.indicators.length === 0) ws.addRow(['Planen har ingen indikatorer.']);
  widths(ws, [36, 44, 14, 11, 11, 11, 14, 30, 28]);
}

function aboutSheet(wb: ExcelJS.Workbook, m: ReportModel): void {
  const ws = wb.addWorksheet('Om rapporten');
  ws.addRow([m.title]).font = { bold: true, size: 14 };
  ws.addRow([]);
  for (const [label, text] of m.about) {
    const row = ws.addRow([label, text]);
    row.getCell(1).font = { bold: true };
    row.alignment = { vertical: 'top', wrapText: true };
  }
  widths(ws, [18, 90]);
}

export async function renderXlsx(result: HalfYearResult, meta: ExportMeta): Promise<Buffer> {
  const m = buildReportModel(result, meta);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Helhedsplan';
  wb.title = m.title;
  wb.created = meta.createdAt;
  wb.modified = meta.createdAt;
  counsellingSheet(wb, m);
  jobSheet(wb, m);
  consentSheet(wb, m);
  activitiesSheet(wb, m);
  volunteersSheet(wb, m);
  jobcentreSheet(wb, m);
  employersSheet(wb, m);
  extraSheets(wb, m);
  indicatorSheet(wb, m);
  aboutSheet(wb, m);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
