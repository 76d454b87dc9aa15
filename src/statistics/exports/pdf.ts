import type { HalfYearResult } from '../half-year-result';
import { percentText, readableNumber } from './format';
import { countText, reportCharts } from './pdf-chart-data';
import { groupedBarChart, horizontalBarChart } from './pdf-charts';
import { a4Document } from '../../common/pdf/pdf-document';
import { box, COLORS, Flow, FONT, FONT_BOLD, label, paragraph, type Doc } from '../../common/pdf/pdf-draw';
import { drawTableFlow, drawTablePairs, type Row, type TableSpec } from '../../common/pdf/pdf-tables';
import { buildReportModel, NO_VALUE, TOTAL_LABEL, type CountTable, type ExportMeta, type Figure, type ReportModel } from './report-model';
import { INDICATOR_COLUMN_LABELS } from '../../indicators/indicator-labels';

/*
 * A4 report for the board (common/pdf/pdf-document.ts): heading and key figures, three charts,
 * then the tables. With CreationDate taken from the report, the same snapshot always gives the
 * same bytes.
 */

function heading(doc: Doc, flow: Flow, m: ReportModel): void {
  if (m.interim) {
    doc.font(FONT_BOLD).fontSize(9);
    const w = doc.widthOfString('FORELØBIG') + 14;
    doc.save().roundedRect(flow.right - w, flow.y, w, 17, 3).fill(COLORS.interim).restore();
    label(doc, 'FORELØBIG', flow.right - w, flow.y + 5, { font: FONT_BOLD, size: 9, color: '#FFFFFF', width: w, align: 'center' });
  }
  const titleWidth = flow.width - (m.interim ? 90 : 0);
  flow.y += paragraph(doc, m.title, flow.left, flow.y, titleWidth, { font: FONT_BOLD, size: 19 }) + 4;
  const status = m.interim ? 'Foreløbig opgørelse – perioden er ikke afsluttet' : 'Endelig opgørelse';
  const sub = `Periode: ${m.periodText}   ·   Version ${m.version}   ·   Dannet ${m.createdText}   ·   ${status}`;
  flow.y += paragraph(doc, sub, flow.left, flow.y, flow.width, { size: 9, color: COLORS.muted }) + 10;
  doc.save().rect(flow.left, flow.y, flow.width, 2).fill(COLORS.primary).restore();
  flow.y += 14;
}

function keyFigures(doc: Doc, flow: Flow, m: ReportModel): void {
  const [started, active, , contacts, residents] = m.counselling.figures;
  const consentsActive = m.consents[2];
  const share = m.jobProgrammes.ordinaryJobShare;
  const employers = m.jobProgrammes.figures.find((f) => f.label === 'Aktive virksomheder') as Figure;
  const cards: { value: string; label: string; quiet: boolean }[] = [
    ...[started, active, contacts, residents].map((f) => ({ value: countText(f.count), label: f.label, quiet: f.count.suppressed })),
    {
      value: countText(m.jobProgrammes.started),
      label: `Fritidsjobforløb påbegyndt (mål ${readableNumber(m.jobProgrammes.targetPerYear)} pr. år)`,
      quiet: m.jobProgrammes.started.suppressed,
    },
    { value: share.display, label: share.label, quiet: share.value === null },
    { value: countText(employers.count), label: employers.label, quiet: employers.count.suppressed },
    { value: countText(consentsActive.count), label: consentsActive.label, quiet: consentsActive.count.suppressed },
  ];
  label(doc, 'Nøgletal', flow.left, flow.y, { font: FONT_BOLD, size: 12 });
  flow.y += 18;
  const gap = 10;
  const w = (flow.width - 3 * gap) / 4;
  const h = 62;
  cards.forEach((card, i) => {
    const x = flow.left + (i % 4) * (w + gap);
    const y = flow.y + Math.floor(i / 4) * (h + gap);
    box(doc, x, y, w, h, COLORS.band);
    box(doc, x, y, 3, h, COLORS.primary);
    label(doc, card.value, x + 10, y + 8, { font: FONT_BOLD, size: 20, color: card.quiet ? COLORS.muted : COLORS.text, width: w - 14 });
    doc.font(FONT).fontSize(8).fillColor(COLORS.muted).text(card.label, x + 10, y + 34, { width: w - 16, height: 24 });
  });
  flow.y += 2 * h + gap + 6;
  flow.y += paragraph(doc, m.disclosure, flow.left, flow.y, flow.width, { size: 7.5, color: COLORS.muted }) + 18;
}

function charts(doc: Doc, flow: Flow, m: ReportModel): void {
  const data = reportCharts(m);
  horizontalBarChart(doc, flow, { ...data.topics, labelWidth: 120 });
  horizontalBarChart(doc, flow, { ...data.phases, labelWidth: 170 });
  flow.newPage();

  const groups = data.indicators;
  groupedBarChart(doc, flow, {
    title: 'Indikatorer: baseline, værdi og mål',
    subtitle: groups.length > 0 ? 'Hver indikator har sin egen skala.' : undefined,
    groups,
    labelWidth: 110,
    legend: [
      { label: 'Baseline', color: COLORS.baseline },
      { label: `Værdi ${m.periodLabel}`, color: COLORS.primary },
      { label: 'Mål', color: COLORS.target },
    ],
  });
}

function countSpec(table: CountTable): TableSpec {
  const rows: Row[] = table.rows.map((r) => ({
    cells: [r.label, { text: countText(r.count), quiet: r.count.suppressed }, r.share === null ? '' : percentText(r.share)],
  }));
  const t = table.total;
  rows.push({ total: true, cells: [TOTAL_LABEL, { text: countText(t), quiet: t.suppressed }, t.suppressed || t.value === 0 ? '' : percentText(1)] });
  return {
    title: table.title,
    columns: [
      { header: table.categoryHeader, weight: 5 },
      { header: 'Antal', weight: 1.6, align: 'right' },
      { header: 'Andel', weight: 1.7, align: 'right' },
    ],
    rows,
  };
}

function figureSpec(title: string, figures: Figure[], extra: Row[] = []): TableSpec {
  return {
    title,
    columns: [
      { header: 'Nøgletal', weight: 5 },
      { header: 'Antal', weight: 1.8, align: 'right' },
    ],
    rows: [...figures.map((f) => ({ cells: [f.label, { text: countText(f.count), quiet: f.count.suppressed }] })), ...extra],
  };
}

function tables(doc: Doc, flow: Flow, m: ReportModel): void {
  flow.y += 6;
  flow.ensure(220); // the heading and at least the first pair of tables
  label(doc, 'Tabeller', flow.left, flow.y, { font: FONT_BOLD, size: 14 });
  flow.y += 20;
  flow.y += paragraph(doc, `${m.disclosure} Andele er beregnet af de viste tal og totalen ("I alt").`, flow.left, flow.y, flow.width, {
    size: 7.5,
    color: COLORS.muted,
  }) + 12;
  const share = m.jobProgrammes.ordinaryJobShare;
  drawTablePairs(doc, flow, [
    figureSpec('Rådgivning', m.counselling.figures),
    figureSpec('Fritidsjobforløb', m.jobProgrammes.figures, [{ cells: [share.label, { text: share.display, quiet: share.value === null }] }]),
    ...m.counselling.tables.map(countSpec),
    countSpec(m.jobProgrammes.phases),
    figureSpec('Samtykker', m.consents),
    ...(m.activities ? [figureSpec('Aktiviteter', m.activities.figures), ...m.activities.tables.map(countSpec)] : []),
    ...(m.referrals ? [countSpec(m.referrals)] : []),
    ...(m.volunteers ? [figureSpec('Frivillige', m.volunteers.figures), ...m.volunteers.tables.map(countSpec)] : []),
    ...(m.jobcentre
      ? [
          figureSpec('Jobcenter', m.jobcentre.figures, [{ cells: [m.jobcentre.activationRate.label, { text: m.jobcentre.activationRate.display, quiet: m.jobcentre.activationRate.value === null }] }]),
          ...m.jobcentre.tables.map(countSpec),
        ]
      : []),
    ...(m.employers ? [figureSpec('Virksomheder', m.employers)] : []),
    ...m.extraSections.flatMap((section) => [figureSpec(section.title, section.figures), ...section.tables.map(countSpec)]),
  ]);
  if (m.indicators.length === 0) return;
  drawTableFlow(doc, flow, {
    title: 'Indikatorer',
    columns: [
      { header: 'Indikator', weight: 4 },
      { header: 'Enhed', weight: 1.3 },
      { header: 'Baseline', weight: 1.3, align: 'right' },
      { header: INDICATOR_COLUMN_LABELS.target(m.periodLabel), weight: 1.2, align: 'right' },
      { header: INDICATOR_COLUMN_LABELS.value(m.periodLabel), weight: 1.2, align: 'right' },
      { header: 'Datakilde', weight: 2.3 },
    ],
    rows: m.indicators.map((i) => {
      const fmt = (n: number | null) => (n === null ? NO_VALUE : i.isShare ? percentText(n) : readableNumber(n));
      return {
        cells: [
          { text: i.indicator, note: i.goal },
          i.unit,
          i.baseline === null ? NO_VALUE : `${fmt(i.baseline)}${i.baselineYear ? ` (${i.baselineYear})` : ''}`,
          { text: fmt(i.target), note: i.targetBasis },
          { text: i.valueSuppressed || i.value === null ? i.valueDisplay : fmt(i.value), quiet: i.value === null },
          i.dataSource,
        ],
      };
    }),
  });
}

export async function renderPdf(result: HalfYearResult, meta: ExportMeta): Promise<Buffer> {
  const m = buildReportModel(result, meta);
  const { doc, flow, finish } = a4Document({ Title: m.title, Author: meta.planName, Subject: `Halvårsstatistik ${m.periodLabel}`, CreationDate: meta.createdAt });
  heading(doc, flow, m);
  keyFigures(doc, flow, m);
  charts(doc, flow, m);
  tables(doc, flow, m);
  return finish();
}
