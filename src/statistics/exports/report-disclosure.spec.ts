import { pdfTexts as pdfTextRuns } from '../../../test/support/pdf-text';
import ExcelJS from 'exceljs';
import type { IndicatorMetric } from '../../indicators/plan-indicator.entity';
import type { HalfYearResult, IndicatorValue } from '../half-year-result';
import { SAMPLE_RESULT } from '../sample-result';
import { renderCsv, renderPdf, renderXlsx, type ExportMeta } from './index';
import { reportCharts } from './pdf-chart-data';
import { buildReportModel, type CountTable, type ReportModel } from './report-model';

/*
 * Suppression holds across one report: a count hidden in one place must not be readable from
 * another table, a headline, a share, an indicator or a chart of the same report, in any format.
 */

const META: ExportMeta = { planName: 'Vejle Vest', version: 1, createdAt: new Date('2026-07-03T08:15:00Z'), threshold: 5 };

const SHARE_INDICATOR: IndicatorValue = {
  id: 'ind-share',
  goal: 'Øge de unges tilknytning til arbejdsmarkedet',
  indicator: 'Andel af unge der fortsætter fra fritidsjobforløb til ordinært fritidsjob',
  unit: 'andel',
  baseline: 0.5,
  baselineYear: 2024,
  target: 0.7,
  dataSource: 'Lokal registrering',
  metric: 'ordinary_job_share',
  value: null,
};

/** The sample, with every indicator computed from the report's own figures where it says so. */
function result(change: (r: HalfYearResult) => void = () => {}): HalfYearResult {
  const r = structuredClone(SAMPLE_RESULT);
  r.indicators = [];
  change(r);
  return r;
}

/** A share indicator computed from the ordinary-job share of the same result. */
function withShareIndicator(r: HalfYearResult, extra: Partial<IndicatorValue> = {}): void {
  r.indicators.push({ ...SHARE_INDICATOR, value: r.jobProgrammes.ordinaryJobShare, ...extra });
}

/** Programme outcomes: phases at the end of the period, with the headlines that repeat two of them. */
function programmes(r: HalfYearResult, byPhaseAtEnd: Record<string, number>): void {
  const toOrdinaryJob = byPhaseAtEnd.ordinary_job ?? 0;
  const ended = byPhaseAtEnd.ended ?? 0;
  r.jobProgrammes = { ...r.jobProgrammes, byPhaseAtEnd, toOrdinaryJob, ended, ordinaryJobShare: toOrdinaryJob + ended > 0 ? toOrdinaryJob / (toOrdinaryJob + ended) : null };
}

const figure = (figures: { label: string; count: { display: string } }[], label: string) => figures.find((f) => f.label === label)?.count.display;
const row = (table: CountTable, label: string) => table.rows.find((r) => r.label === label)?.count.display;

function csvRows(body: Buffer): string[][] {
  return body.toString('utf8').replace(/^\uFEFF/, '').split('\r\n').map((line) => line.split(';'));
}

async function workbook(r: HalfYearResult): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await renderXlsx(r, META)) as never);
  return wb;
}

function xlsxRow(ws: ExcelJS.Worksheet, first: string): ExcelJS.Row {
  for (let i = 1; i <= ws.rowCount; i++) if (ws.getRow(i).getCell(1).value === first) return ws.getRow(i);
  throw new Error(`No row "${first}" in ${ws.name}`);
}

async function pdfTexts(r: HalfYearResult): Promise<string[]> {
  return pdfTextRuns(await renderPdf(r, META));
}

/** What the PDF prints right after a label's last appearance (in the tables: the value in its row). */
const after = (texts: string[], label: string) => texts[texts.lastIndexOf(label) + 1];

/** For each count metric: how to make its figure 3, and where the model prints that figure. */
const SMALL_FIGURES: [IndicatorMetric, (r: HalfYearResult) => void, (m: ReportModel) => string | undefined][] = [
  [
    'job_programmes_started',
    (x) => {
      x.jobProgrammes.started = 3;
    },
    (m) => m.jobProgrammes.started.display,
  ],
  [
    'counselling_cases_started',
    (x) => {
      x.counselling.casesStarted = 3;
      x.counselling.byTopic = { debt: 3 };
      x.counselling.byForm = { appointment: 3 };
      x.counselling.byHousingArea = { Vejleåparken: 3 };
      x.counselling.byAgeBand = { '30-49': 3 };
      x.counselling.byGender = { female: 3 };
    },
    (m) => figure(m.counselling.figures, 'Rådgivninger påbegyndt'),
  ],
  [
    'counselling_unique_residents',
    (x) => {
      x.counselling.uniqueResidents = 3;
      x.counselling.anonymousResidents = 0;
    },
    (m) => figure(m.counselling.figures, 'Unikke beboere (inkl. anonyme)'),
  ],
  [
    'active_volunteers',
    (x) => {
      x.volunteers = { activeVolunteers: 3, entries: 40, byTopic: { letters: 40 }, escorts: 10 };
    },
    (m) => figure(m.volunteers?.figures ?? [], 'Aktive frivillige'),
  ],
  [
    'small_jobs_started_30_64',
    (x) => {
      x.smallJobs = { started: 3, ended: 0, byOutcome: {}, byAgeGroup: { '30-64': 3 } };
    },
    (m) => figure(m.extraSections.find((s) => s.title === 'Småjobs')?.figures ?? [], 'Heraf 30-64 år ved start'),
  ],
];

describe('suppression across one report', () => {
  describe('indicators computed from a figure of the report', () => {
    it('hides the ordinary-job share indicator whenever the share itself is hidden, in every format', async () => {
      // 6 to an ordinary job and 2 ended: the share 75 % would give away the hidden 2.
      const r = result((x) => {
        programmes(x, { clarification: 2, matching: 3, employment: 4, evaluation: 1, ordinary_job: 6, ended: 2 });
        withShareIndicator(x);
      });
      const m = buildReportModel(r, META);
      expect(m.jobProgrammes.ordinaryJobShare.display).toBe('skjult');
      expect(m.indicators[0]).toMatchObject({ value: null, valueSuppressed: true, valueDisplay: 'skjult' });

      const csv = csvRows(renderCsv(r, META)).find((x) => x[1] === SHARE_INDICATOR.indicator);
      expect(csv?.[6]).toBe('skjult');
      const xlsx = xlsxRow((await workbook(r)).getWorksheet('Indikatorer') as ExcelJS.Worksheet, SHARE_INDICATOR.goal);
      expect(xlsx.getCell(7).value).toBe('skjult');
      const pdf = await pdfTexts(r);
      expect(pdf.join('\n')).not.toContain('75,0');
      expect(pdf).toContain('skjult');
    });

    it.each(SMALL_FIGURES)('shows an indicator computed from %s exactly as that figure is shown, whatever its unit says', (metric, makeSmall, shownFigure) => {
      // The unit is written by people; "gennemsnit" made the old unit rule print the 3.
      const r = result((x) => {
        makeSmall(x);
        x.indicators.push({ ...SHARE_INDICATOR, unit: 'gennemsnit pr. halvår', metric, value: 3 });
      });
      const m = buildReportModel(r, META);
      expect(shownFigure(m)).toBe('<5');
      expect(m.indicators[0]).toMatchObject({ value: null, valueSuppressed: true, valueDisplay: '<5' });
    });

    it('shows an indicator value when the figure it is computed from is shown', () => {
      const r = result((x) => {
        programmes(x, { matching: 20, ordinary_job: 15, ended: 5 });
        withShareIndicator(x);
      });
      expect(buildReportModel(r, META).indicators[0]).toMatchObject({ value: 0.75, valueSuppressed: false, valueDisplay: '75,0 %' });
    });

    it("hides an older snapshot's indicator value (no metric recorded) when it equals a figure the report hides", () => {
      const r = result((x) => {
        programmes(x, { matching: 20, ordinary_job: 6, ended: 2 });
        withShareIndicator(x, { metric: undefined });
        delete x.indicators[0].metric;
      });
      expect(buildReportModel(r, META).indicators[0]).toMatchObject({ value: null, valueSuppressed: true, valueDisplay: 'skjult' });
    });

    it("hides an older snapshot's computed value that matches no figure of the report, since its source is unknown", () => {
      const r = result((x) => {
        programmes(x, { matching: 20, ordinary_job: 15, ended: 5 });
        withShareIndicator(x, { value: 0.42 });
        delete x.indicators[0].metric;
      });
      expect(buildReportModel(r, META).indicators[0]).toMatchObject({ value: null, valueSuppressed: true, valueDisplay: 'skjult' });
    });

    it("shows an older snapshot's value when it equals a figure the report shows", () => {
      const r = result((x) => {
        x.jobProgrammes.started = 11;
        x.indicators.push({ ...SHARE_INDICATOR, unit: 'unge', value: 11 });
        delete x.indicators[0].metric;
      });
      expect(buildReportModel(r, META).indicators[0]).toMatchObject({ value: 11, valueDisplay: '11' });
    });
  });

  describe('programme outcomes', () => {
    it('prints "Fortsat i ordinært fritidsjob" as the phase table prints it, so the hidden "Afsluttet før tid" cannot be worked out from "I alt"', async () => {
      // 2 ended is small; the phase table then hides its next smallest phase, the 6 in an ordinary
      // job. Printing the 6 as a headline would give 30 - 10 - 12 - 6 = 2.
      const r = result((x) => programmes(x, { clarification: 10, matching: 12, ordinary_job: 6, ended: 2 }));
      const m = buildReportModel(r, META);
      expect(row(m.jobProgrammes.phases, 'Ordinært fritidsjob')).toBe('skjult');
      expect(figure(m.jobProgrammes.figures, 'Fortsat i ordinært fritidsjob')).toBe('skjult');
      expect(figure(m.jobProgrammes.figures, 'Afsluttet før tid')).toBe('<5');

      const csv = csvRows(renderCsv(r, META));
      expect(csv.find((x) => x[0] === 'Fritidsjobforløb' && x[1] === 'Fortsat i ordinært fritidsjob')?.[2]).toBe('skjult');
      const sheet = (await workbook(r)).getWorksheet('Fritidsjob') as ExcelJS.Worksheet;
      expect(xlsxRow(sheet, 'Fortsat i ordinært fritidsjob').getCell(2).value).toBe('skjult');
      expect(after(await pdfTexts(r), 'Fortsat i ordinært fritidsjob')).toBe('skjult');
    });

    it('hides the ordinary-job share, and its indicator, when the phase table hides a part of it to protect another phase', async () => {
      // Only clarification (3) is small; the phase table hides the 6 in an ordinary job to
      // protect it. The share 6 / 13 next to the shown 7 ended would give the 6 back.
      const r = result((x) => {
        programmes(x, { clarification: 3, matching: 12, ordinary_job: 6, ended: 7 });
        withShareIndicator(x);
      });
      const m = buildReportModel(r, META);
      expect(row(m.jobProgrammes.phases, 'Ordinært fritidsjob')).toBe('skjult');
      expect(m.jobProgrammes.ordinaryJobShare).toMatchObject({ value: null, display: 'skjult', suppressed: true });
      expect(m.indicators[0].valueDisplay).toBe('skjult');
      const pdf = await pdfTexts(r);
      expect(pdf.join('\n')).not.toContain('46,2');
      expect(after(pdf, 'Andel i ordinært fritidsjob')).toBe('skjult');
    });

    it('does not let the programmes carried over from earlier half-years be worked out as the phase table\'s "I alt" minus those started', () => {
      // 11 started in the period, 13 in the phase table: 2 carried over. The phase total is
      // hidden (and a phase with it), so "Forløb påbegyndt", measured against the target, stays.
      const r = result((x) => {
        x.jobProgrammes.started = 11;
        programmes(x, { matching: 8, employment: 5 });
        x.indicators.push({ ...SHARE_INDICATOR, unit: 'unge', metric: 'job_programmes_started', value: 11 });
      });
      const m = buildReportModel(r, META);
      expect(m.jobProgrammes.started.display).toBe('11');
      expect(m.indicators[0].valueDisplay).toBe('11');
      expect(m.jobProgrammes.phases.total.display).toBe('skjult');
      expect(m.jobProgrammes.phases.rows.map((x) => [x.count.display, x.share])).toEqual([
        ['8', null],
        ['skjult', null],
      ]);
      expect(reportCharts(m).phases.subtitle).not.toContain('13');
    });

    it('hides the ordinary-job share when both parts are hidden, since it would split their sum', () => {
      const r = result((x) => programmes(x, { matching: 20, ordinary_job: 3, ended: 2 }));
      expect(buildReportModel(r, META).jobProgrammes.ordinaryJobShare.display).toBe('skjult');
    });
  });

  describe('headlines that are the total of a table', () => {
    it('prints "Rådgivninger påbegyndt" as the "I alt" of every breakdown of the cases started, and "Kontakter" as that of contacts by channel', () => {
      const m = buildReportModel(result(), META);
      const started = figure(m.counselling.figures, 'Rådgivninger påbegyndt');
      expect(started).toBe('212');
      expect(m.counselling.tables.slice(0, 5).map((t) => t.total.display)).toEqual(Array(5).fill(started));
      expect(m.counselling.tables[5].total.display).toBe(figure(m.counselling.figures, 'Kontakter'));
    });

    it('treats cases missing from a breakdown as a count that could be worked out from the headline', () => {
      // 15 cases started, 12 of them with a gender in the breakdown: 15 - 12 gives away 3.
      const r = result((x) => {
        x.counselling.casesStarted = 15;
        x.counselling.byTopic = { debt: 15 };
        x.counselling.byForm = { appointment: 15 };
        x.counselling.byHousingArea = { Vejleåparken: 15 };
        x.counselling.byAgeBand = { '30-49': 15 };
        x.counselling.byGender = { female: 12 };
        x.counselling.contacts = 30;
        x.counselling.contactsByChannel = { in_person: 28 };
      });
      const m = buildReportModel(r, META);
      const [, , , , gender, channels] = m.counselling.tables;
      expect(row(gender, 'Kvinde')).toBe('skjult');
      expect(gender.total.display).toBe('15');
      expect(gender.rows[0].share).toBeNull();
      expect(row(channels, 'Personligt fremmøde')).toBe('skjult');
      expect(channels.total.display).toBe('30');
    });

    it('does not let the named residents be worked out as unique residents minus anonymous ones', async () => {
      const r = result((x) => {
        x.counselling.uniqueResidents = 23;
        x.counselling.anonymousResidents = 21;
      });
      const m = buildReportModel(r, META);
      expect(figure(m.counselling.figures, 'Unikke beboere (inkl. anonyme)')).toBe('23');
      expect(figure(m.counselling.figures, 'Heraf anonyme')).toBe('skjult');
      expect(csvRows(renderCsv(r, META)).find((x) => x[1] === 'Heraf anonyme')?.[2]).toBe('skjult');
      expect(after(await pdfTexts(r), 'Heraf anonyme')).toBe('skjult');
    });
  });

  describe('charts in the PDF', () => {
    it('draws no bar for a value the tables hide', () => {
      const r = result((x) => {
        x.counselling.byTopic = { debt: 187, housing: 3, family: 22 };
        programmes(x, { clarification: 3, matching: 12, ordinary_job: 6, ended: 7 });
        withShareIndicator(x);
      });
      const charts = reportCharts(buildReportModel(r, META));
      const bars = [...charts.topics.bars, ...charts.phases.bars, ...charts.indicators.flatMap((g) => g.bars)];
      for (const bar of bars.filter((b) => b.display === '<5' || b.display === 'skjult')) expect(bar.value).toBeNull();
      expect(charts.topics.bars.map((b) => [b.label, b.value])).toEqual([['Gæld', 187], ['Familie', null], ['Bolig', null]]);
      expect(charts.phases.bars.find((b) => b.label === 'Ordinært fritidsjob')).toMatchObject({ value: null, display: 'skjult' });
      expect(charts.indicators[0].bars[1]).toMatchObject({ value: null, display: 'skjult' });
    });
  });
});
