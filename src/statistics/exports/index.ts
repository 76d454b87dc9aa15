import type { HalfYearResult } from '../half-year-result';
import { renderCsv } from './csv';
import { renderPdf } from './pdf';
import { baseFileName, type ExportMeta } from './report-model';
import { renderXlsx } from './xlsx';

export type { ExportMeta } from './report-model';
export { renderCsv } from './csv';
export { renderPdf } from './pdf';
export { renderXlsx } from './xlsx';

export const EXPORT_FORMATS = ['csv', 'xlsx', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportedFile {
  body: Buffer;
  contentType: string;
  fileName: string;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** The half-year report as a file for people: CSV for Danish Excel, XLSX, or a PDF with charts. */
export async function exportReport(format: ExportFormat, result: HalfYearResult, meta: ExportMeta): Promise<ExportedFile> {
  let body: Buffer;
  switch (format) {
    case 'csv':
      body = renderCsv(result, meta);
      break;
    case 'xlsx':
      body = await renderXlsx(result, meta);
      break;
    case 'pdf':
      body = await renderPdf(result, meta);
      break;
    default:
      throw new RangeError(`Unknown export format: ${String(format)}`);
  }
  return { body, contentType: CONTENT_TYPES[format], fileName: `${baseFileName(result, meta)}.${format}` };
}
