import ExcelJS from 'exceljs';
import type { HalfYearResult } from '../half-year-result';
import { SAMPLE_RESULT } from '../sample-result';
import { exportReport, renderCsv, renderPdf, renderXlsx, type ExportMeta } from './index';
import { buildReportModel } from './report-model';

const META: ExportMeta = { planName: 'Vejle Vest – Ærø Ø-parken', version: 2, createdAt: new Date('2026-07-03T08:15:00Z'), threshold: 5 };

/** The sample with a few small counts of our own, and a share that may be shown (15 of 20). */
function result(change: (r: HalfYearResult) => void = () => {}): HalfYearResult {
  const r = structuredClone(SAMPLE_RESULT);
  r.counselling.byHousingArea = { 'Ærø Ø-parken': 130, Vejleåparken: 79, 'Søndergård': 3 };
  // The phase table shows the same programmes in their final phase as the headlines.
  r.jobProgrammes.byPhaseAtEnd = { ...r.jobProgrammes.byPhaseAtEnd, ordinary_job: 15, ended: 5 };
  r.jobProgrammes.ended = 5;
  r.jobProgrammes.toOrdinaryJob = 15;
  r.jobProgrammes.ordinaryJobShare = 0.75;
  change(r);
  return r;
}

/** CSV lines split into fields (the test data has no quoted ";"). */
function csvRows(body: Buffer): string[][] {
  return body.toString('utf8').replace(/^\uFEFF/, '').split('\r\n').map((line) => line.split(';'));
}

function csvRow(rows: string[][], section: string, category: string): string[] | undefined {
  return rows.find((r) => r[0] === section && r[1] === category);
}

describe('CSV export for Danish Excel', () => {
  const body = renderCsv(result(), META);
  const rows = csvRows(body);

  it('starts with the UTF-8 byte order mark and ends lines with CRLF', () => {
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = body.toString('utf8');
    expect(text).toContain('\r\n');
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('separates fields with ";" under Danish headers', () => {
    expect(rows).toContainEqual(['Sektion', 'Kategori', 'Antal', 'Andel (%)']);
    expect(csvRow(rows, 'Rådgivning', 'Rådgivninger påbegyndt')).toEqual(['Rådgivning', 'Rådgivninger påbegyndt', '212', '']);
    expect(csvRow(rows, 'Rådgivning', 'Aktive rådgivninger')?.[2]).toBe('268');
    for (const section of ['Emne', 'Form', 'Boligområde', 'Aldersgruppe', 'Køn', 'Kontakter fordelt på kanal', 'Henvisninger fordelt på modtager', 'Fritidsjobforløb', 'Samtykker']) {
      expect(rows.some((r) => r[0] === section)).toBe(true);
    }
    expect(rows).toContainEqual(['Målsætning', 'Indikator', 'Enhed', 'Baseline', 'Baselineår', 'Mål H1 2026', 'Værdi H1 2026', 'Målets grundlag', 'Datakilde']);
  });

  it('writes decimals with a comma', () => {
    expect(csvRow(rows, 'Emne', 'Gæld')).toEqual(['Emne', 'Gæld', '54', '25,5']);
    expect(csvRow(rows, 'Fritidsjobforløb', 'Andel i ordinært fritidsjob')?.[3]).toBe('75,0');
    const shareIndicator = rows.find((r) => r[2] === 'andel');
    expect(shareIndicator?.slice(3, 7)).toEqual(['0,5', '2024', '0,7', '0,75']);
  });

  it('keeps æ, ø and å intact', () => {
    expect(csvRow(rows, 'Boligområde', 'Ærø Ø-parken')?.[2]).toBe('130');
    expect(csvRow(rows, 'Boligområde', 'Vejleåparken')).toBeDefined();
    expect(body.toString('utf8')).toContain('Halvårsstatistik H1 2026 – Vejle Vest – Ærø Ø-parken');
  });

  it('shows a count of 3 as <5, and hides one more so it cannot be worked out from "I alt"', () => {
    expect(csvRow(rows, 'Boligområde', 'Søndergård')).toEqual(['Boligområde', 'Søndergård', '<5', '']);
    // Søndergård (3) is the only small area, so the next smallest (79) is hidden too.
    const areas = rows.filter((r) => r[0] === 'Boligområde');
    expect(areas.map((r) => r[2])).toEqual(['130', 'skjult', '<5', '212']);
    expect(areas.at(-1)?.[1]).toBe('I alt');
  });

  it('hides small headline counts and a share that would give one away', () => {
    const small = csvRows(
      renderCsv(
        result((r) => {
          r.counselling.casesStarted = 4;
          r.jobProgrammes.byPhaseAtEnd = { ...r.jobProgrammes.byPhaseAtEnd, ordinary_job: 6, ended: 2 };
          r.jobProgrammes.ended = 2;
          r.jobProgrammes.toOrdinaryJob = 6;
        }),
        META,
      ),
    );
    expect(csvRow(small, 'Rådgivning', 'Rådgivninger påbegyndt')?.[2]).toBe('<5');
    expect(csvRow(small, 'Fritidsjobforløb', 'Afsluttet før tid')?.[2]).toBe('<5');
    expect(csvRow(small, 'Fritidsjobforløb', 'Andel i ordinært fritidsjob')?.[3]).toBe('skjult');
    expect(csvRow(small, 'Samtykker', 'Samtykker trukket tilbage')?.[2]).toBe('<5');
    expect(csvRow(small, 'Emne', 'Andet')?.[2]).toBe('0');
  });

  it("uses the plan's threshold", () => {
    const rows10 = csvRows(renderCsv(result(), { ...META, threshold: 10 }));
    expect(csvRow(rows10, 'Emne', 'Uddannelse')?.[2]).toBe('<10');
    expect(csvRow(rows10, 'Fritidsjobforløb', 'Forløb påbegyndt')?.[2]).toBe('11');
  });

  it('does not let Excel run a name as a formula', () => {
    const text = renderCsv(
      result((r) => {
        r.counselling.referralsByRecipient = { '=HYPERLINK("http://x")': 12, Jobcenter: 20 };
      }),
      META,
    ).toString('utf8');
    expect(text).not.toMatch(/(^|;)"?=HYPERLINK/m);
  });
});

describe('XLSX export', () => {
  async function load(r: HalfYearResult = result()): Promise<ExcelJS.Workbook> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderXlsx(r, META)) as never);
    return wb;
  }

  function rowOf(ws: ExcelJS.Worksheet, first: string, after = 0): ExcelJS.Row {
    for (let i = after + 1; i <= ws.rowCount; i++) if (ws.getRow(i).getCell(1).value === first) return ws.getRow(i);
    throw new Error(`No row "${first}" in ${ws.name}`);
  }

  it('has a sheet per section', async () => {
    const wb = await load();
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['Rådgivning', 'Fritidsjob', 'Samtykker', 'Indikatorer', 'Om rapporten']);
  });

  it('keeps counts as numbers, hidden counts as "<5" and shares in percent', async () => {
    const ws = (await load()).getWorksheet('Rådgivning') as ExcelJS.Worksheet;
    expect(rowOf(ws, 'Rådgivninger påbegyndt').getCell(2).value).toBe(212);
    const debt = rowOf(ws, 'Gæld');
    expect(debt.getCell(2).value).toBe(54);
    expect(debt.getCell(3).value).toBeCloseTo(54 / 212);
    expect(debt.getCell(3).numFmt).toBe('0.0%');
    expect(rowOf(ws, 'Bolig').getCell(2).value).toBe('<5');
    expect(rowOf(ws, 'Søndergård').getCell(2).value).toBe('<5');
    const header = rowOf(ws, 'Emne');
    expect(header.font?.bold).toBe(true);
    expect(ws.getColumn(1).width).toBeGreaterThan(30);
  });

  it('has the job programmes, consents, indicators and a page about the report', async () => {
    const wb = await load();
    const jobs = wb.getWorksheet('Fritidsjob') as ExcelJS.Worksheet;
    expect(rowOf(jobs, 'Forløb påbegyndt').getCell(2).value).toBe(11);
    const share = rowOf(jobs, 'Andel i ordinært fritidsjob').getCell(2);
    expect(share.value).toBe(0.75);
    expect(share.numFmt).toBe('0.0%');
    expect(rowOf(jobs, 'Match og jobsamtale').getCell(2).value).toBe('<5');
    expect(rowOf(wb.getWorksheet('Samtykker') as ExcelJS.Worksheet, 'Samtykker trukket tilbage').getCell(2).value).toBe('<5');
    const indicator = rowOf(wb.getWorksheet('Indikatorer') as ExcelJS.Worksheet, 'Flere unge fortsætter i ordinært fritidsjob');
    expect([indicator.getCell(4).value, indicator.getCell(6).value, indicator.getCell(7).value]).toEqual([0.5, 0.7, 0.75]);
    expect(indicator.getCell(7).numFmt).toBe('0.0%');
    const about = wb.getWorksheet('Om rapporten') as ExcelJS.Worksheet;
    expect(rowOf(about, 'Helhedsplan').getCell(2).value).toBe('Vejle Vest – Ærø Ø-parken');
    expect(rowOf(about, 'Status').getCell(2).value).toBe('Endelig');
  });
});

describe('PDF export', () => {
  it('is a PDF of some pages with charts and tables', async () => {
    const body = await renderPdf(result(), META);
    expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(body.length).toBeGreaterThan(8000);
    const pages = body.toString('latin1').match(/\/Type \/Page\b/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(2);
  });

  it('gives the same bytes for the same report', async () => {
    const [a, b] = await Promise.all([renderPdf(result(), META), renderPdf(result(), META)]);
    expect(a.equals(b)).toBe(true);
  });

  it('copes with an interim report, a plan without indicators and empty tables', async () => {
    const body = await renderPdf(
      result((r) => {
        r.period.interim = true;
        r.indicators = [];
        r.counselling.byTopic = {};
        r.jobProgrammes.byPhaseAtEnd = {};
        r.jobProgrammes.ordinaryJobShare = null;
      }),
      META,
    );
    expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});

describe('exportReport', () => {
  it('names the file after the half-year and version, with the right content type', async () => {
    const r = result();
    await expect(exportReport('csv', r, META)).resolves.toMatchObject({ fileName: 'halvaarsstatistik-2026-H1-v2.csv', contentType: 'text/csv; charset=utf-8' });
    await expect(exportReport('xlsx', r, META)).resolves.toMatchObject({
      fileName: 'halvaarsstatistik-2026-H1-v2.xlsx',
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    const pdf = await exportReport('pdf', r, { ...META, version: 3 });
    expect(pdf).toMatchObject({ fileName: 'halvaarsstatistik-2026-H1-v3.pdf', contentType: 'application/pdf' });
    expect(pdf.body.subarray(0, 4).toString('latin1')).toBe('%PDF');
  });

  it('refuses an unknown format and an invalid threshold', async () => {
    await expect(exportReport('docx' as never, result(), META)).rejects.toThrow(RangeError);
    await expect(exportReport('csv', result(), { ...META, threshold: 0 })).rejects.toThrow(RangeError);
  });

  it('states the period in Danish, with the exclusive end turned into the last day', () => {
    const m = buildReportModel(result(), META);
    expect(m.periodText).toBe('1. januar 2026 – 30. juni 2026');
    expect(m.createdText).toBe('3. juli 2026 kl. 10.15');
  });
});
