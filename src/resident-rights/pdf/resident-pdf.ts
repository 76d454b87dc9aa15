import { roleLabel } from '../../audit/audit-labels';
import { a4Document } from '../../common/pdf/pdf-document';
import { COLORS, Flow, FONT_BOLD, label, paragraph, type Doc } from '../../common/pdf/pdf-draw';
import { drawTableFlow, type Row, type TableSpec } from '../../common/pdf/pdf-tables';
import { dateTimeText, NO_VALUE } from '../../statistics/exports/format';
import type { AccessLogEntry } from '../dto/resident-rights-response.dto';

/*
 * The documents a counsellor hands a resident (issue 11): their access log and their copy, in
 * Danish, on the same A4 page as the half-year report (common/pdf/pdf-document.ts). The log is
 * drawn a database page at a time.
 */

export interface DocumentMeta {
  title: string;
  planName: string;
  /** How the resident is named on the document: the name, or the pseudonym of an anonymous resident. */
  residentName: string | null;
  createdAt: Date;
}

/** "4. marts 2011" for a date, a Danish date and time for an instant, "–" for nothing. */
export function danishValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return NO_VALUE;
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nej';
  if (Array.isArray(value)) return value.length ? value.map(danishValue).join(', ') : NO_VALUE;
  const text = String(value);
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const [y, m, d] = text.split('-').map(Number);
    return `${d}.${m}.${y}`;
  }
  if (/^\d{4}-\d{2}-\d{2}T/.test(text)) return dateTimeText(new Date(text));
  return text;
}

export async function renderDocument(meta: DocumentMeta, body: (doc: Doc, flow: Flow) => Promise<void>): Promise<Buffer> {
  const { doc, flow, finish } = a4Document({ Title: meta.title, Author: meta.planName, CreationDate: meta.createdAt });
  flow.y += paragraph(doc, meta.title, flow.left, flow.y, flow.width, { font: FONT_BOLD, size: 18 }) + 4;
  const who = meta.residentName ? `${meta.residentName}   ·   ` : '';
  flow.y += paragraph(doc, `${who}${meta.planName}   ·   Dannet ${dateTimeText(meta.createdAt)}`, flow.left, flow.y, flow.width, { size: 9, color: COLORS.muted }) + 14;
  try {
    await body(doc, flow);
  } catch (error) {
    doc.end(); // a document that failed half-way is not left open
    throw error;
  }
  return finish();
}

export function section(doc: Doc, flow: Flow, title: string, text?: string): void {
  flow.ensure(60);
  flow.y += 6;
  label(doc, title, flow.left, flow.y, { font: FONT_BOLD, size: 13 });
  flow.y += 19;
  if (text) flow.y += paragraph(doc, text, flow.left, flow.y, flow.width, { size: 8.5, color: COLORS.muted }) + 8;
}

/** A two-column table of label and value. */
export function facts(doc: Doc, flow: Flow, title: string | undefined, pairs: [string, unknown][]): void {
  drawTableFlow(doc, flow, {
    title,
    columns: [
      { header: 'Oplysning', weight: 2 },
      { header: 'Værdi', weight: 5 },
    ],
    rows: pairs.map(([k, v]) => ({ cells: [k, { text: danishValue(v), quiet: v === null || v === undefined }] })),
  });
  flow.y += 10;
}

export function table(doc: Doc, flow: Flow, title: string, headers: [string, number][], rows: unknown[][], empty = 'Ingen.'): void {
  if (rows.length === 0) {
    flow.ensure(30);
    label(doc, title, flow.left, flow.y, { font: FONT_BOLD, size: 10 });
    flow.y += 14;
    flow.y += paragraph(doc, empty, flow.left, flow.y, flow.width, { size: 8.5, color: COLORS.muted }) + 10;
    return;
  }
  const spec: TableSpec = {
    title,
    columns: headers.map(([header, weight]) => ({ header, weight })),
    rows: rows.map((cells): Row => ({ cells: cells.map((c) => danishValue(c)) })),
  };
  drawTableFlow(doc, flow, spec);
  flow.y += 10;
}

/** The access log as a table, one database page at a time. */
export async function accessLogTable(doc: Doc, flow: Flow, log: AsyncIterable<AccessLogEntry[]>): Promise<number> {
  let shown = 0;
  for await (const page of log) {
    if (page.length === 0) continue;
    drawTableFlow(doc, flow, {
      title: shown === 0 ? 'Hændelser, nyeste først' : undefined,
      columns: [
        { header: 'Tidspunkt', weight: 2.2 },
        { header: 'Hvem', weight: 2.6 },
        { header: 'Hvad', weight: 3.4 },
        { header: 'Hvorfor', weight: 2.6 },
      ],
      rows: page.map((e) => ({
        cells: [
          dateTimeText(new Date(e.occurredAt)),
          e.actor
            ? { text: e.actor.name || NO_VALUE, note: [roleLabel(e.actor.role), e.actor.organisation].filter(Boolean).join(', ') }
            : { text: 'Systemet', quiet: true },
          e.actionLabel,
          e.purposeLabel,
        ],
      })),
    });
    shown += page.length;
  }
  if (shown === 0) flow.y += paragraph(doc, 'Ingen har set eller ændret oplysningerne.', flow.left, flow.y, flow.width, { size: 9 });
  return shown;
}
