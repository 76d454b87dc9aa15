import ExcelJS from 'exceljs';
import type { HalfYearResult, IndicatorValue } from '../half-year-result';
import { SAMPLE_RESULT } from '../sample-result';
import { renderCsv, renderPdf, renderXlsx, type ExportMeta } from './index';
import { reportCharts } from './pdf-chart-data';
import { buildReportModel } from './report-model';

const META: ExportMeta = { planName: 'Ishøj', version: 1, createdAt: new Date('2026-07-03T08:15:00Z'), threshold: 5 };

/** 001_*: 18 youth a year start a leisure-job programme; the board reads H1 against 9, not 18. */
const YOUTH_STARTED: IndicatorValue = {
  id: 'youth',
  goal: 'Flere unge får erfaring med arbejdsmarkedet',
  indicator: 'Antal unge i praktik via skolen',
  unit: 'unge',
  baseline: 12,
  baselineYear: 2024,
  baselineSource: 'Skolens opgørelse 2024',
  target: 18,
  targetYear: 2029,
  targetKind: 'yearly',
  periodTarget: 9,
  targetBasis: 'half_of_yearly',
  dataSource: 'Helhedsplanens registreringer',
  metric: null,
  value: 7,
  recordedValue: { source: 'Skolens praktikliste', note: null, revision: 2, recordedAt: '2026-07-01T08:00:00.000Z' },
};

const SHARE_LEVEL: IndicatorValue = {
  ...YOUTH_STARTED,
  id: 'share',
  indicator: 'Andel elever med mindst 2,0 i dansk og matematik',
  unit: 'andel',
  baseline: 0.814,
  target: 0.85,
  targetKind: 'level',
  periodTarget: 0.85,
  targetBasis: 'level',
  value: 0.83,
  recordedValue: null,
};

function withIndicators(...indicators: IndicatorValue[]): HalfYearResult {
  const r = structuredClone(SAMPLE_RESULT);
  r.indicators = indicators;
  return r;
}

const csvRows = (body: Buffer) => body.toString('utf8').replace(/^\uFEFF/, '').split('\r\n').map((line) => line.split(';'));

describe("the half-year report's indicators", () => {
  it('shows half of a yearly target next to a half-year value, and says so', () => {
    const [row] = buildReportModel(withIndicators(YOUTH_STARTED), META).indicators;
    expect(row).toMatchObject({ baseline: 12, target: 9, value: 7, targetLabel: 'Mål (halvdelen af årsmålet)', targetBasis: 'Mål (halvdelen af årsmålet): årsmål 18' });
  });

  it('shows a share to reach as it is, with its target year', () => {
    const [row] = buildReportModel(withIndicators(SHARE_LEVEL), META).indicators;
    expect(row).toMatchObject({ target: 0.85, targetBasis: 'Mål (niveau for perioden), mål for 2029' });
  });

  it("names a recorded value's own source", () => {
    expect(buildReportModel(withIndicators(YOUTH_STARTED), META).indicators[0].dataSource).toBe('Skolens praktikliste');
  });

  it('labels an older snapshot’s target as the yearly target it is', () => {
    const old = { ...YOUTH_STARTED };
    delete old.periodTarget;
    delete old.targetBasis;
    const [row] = buildReportModel(withIndicators(old), META).indicators;
    expect(row).toMatchObject({ target: 18, targetBasis: 'Årsmål (hele året)' });
  });

  it('prints baseline, the half-year target, the value and the basis in the CSV and XLSX', async () => {
    const r = withIndicators(YOUTH_STARTED);
    const row = csvRows(renderCsv(r, META)).find((x) => x[1] === YOUTH_STARTED.indicator);
    expect(row?.slice(3, 8)).toEqual(['12', '2024', '9', '7', 'Mål (halvdelen af årsmålet): årsmål 18']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderXlsx(r, META)) as never);
    const sheet = wb.getWorksheet('Indikatorer') as ExcelJS.Worksheet;
    let found: ExcelJS.Row | undefined;
    sheet.eachRow((x) => {
      if (x.getCell(2).value === YOUTH_STARTED.indicator) found = x;
    });
    expect([found?.getCell(4).value, found?.getCell(6).value, found?.getCell(7).value, found?.getCell(8).value]).toEqual([12, 9, 7, 'Mål (halvdelen af årsmålet): årsmål 18']);
  });

  it("draws the half-year target's bar under its own label in the PDF chart", () => {
    const [group] = reportCharts(buildReportModel(withIndicators(YOUTH_STARTED), META)).indicators;
    expect(group.bars.map((b) => [b.label, b.value])).toEqual([
      ['Baseline (2024)', 12],
      ['Værdi H1 2026', 7],
      ['Mål (halvdelen af årsmålet)', 9],
    ]);
  });

  it('renders the PDF with the half-year target and its basis', async () => {
    const pdf = await renderPdf(withIndicators(YOUTH_STARTED, SHARE_LEVEL), META);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
