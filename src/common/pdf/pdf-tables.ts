import { box, COLORS, FONT, FONT_BOLD, FONT_ITALIC, hline, paragraph, textHeight, type Doc, type Flow } from './pdf-draw';

/** Simple ruled tables for the PDF: a header band, wrapped first column, right-aligned numbers. */

export interface Column {
  header: string;
  /** Share of the table width (the columns' weights are scaled to fill it). */
  weight: number;
  align?: 'left' | 'right';
}

export interface Cell {
  text: string;
  /** A hidden or missing value: drawn in grey italics. */
  quiet?: boolean;
  /** A smaller grey line under the text (e.g. the goal under an indicator). */
  note?: string;
}

export interface Row {
  cells: (string | Cell)[];
  /** The "I alt" row: bold with a rule above. */
  total?: boolean;
}

export interface TableSpec {
  title?: string;
  columns: Column[];
  rows: Row[];
}

const SIZE = 8.5;
const NOTE_SIZE = 7.5;
const PAD_X = 4;
const PAD_Y = 3;
const TITLE_SIZE = 10;

function titleHeight(doc: Doc, title: string | undefined, width: number): number {
  return title ? textHeight(doc, title, width, FONT_BOLD, TITLE_SIZE) + 5 : 0;
}

function drawTitle(doc: Doc, title: string | undefined, x: number, y: number, width: number, space = titleHeight(doc, title, width)): number {
  if (title) paragraph(doc, title, x, y, width, { font: FONT_BOLD, size: TITLE_SIZE });
  return y + space;
}

const asCell = (c: string | Cell): Cell => (typeof c === 'string' ? { text: c } : c);

function widths(columns: Column[], width: number): number[] {
  const sum = columns.reduce((s, c) => s + c.weight, 0);
  return columns.map((c) => (c.weight / sum) * width);
}

function rowHeight(doc: Doc, row: Row, ws: number[]): number {
  const heights = row.cells.map((raw, i) => {
    const c = asCell(raw);
    const inner = ws[i] - 2 * PAD_X;
    const main = textHeight(doc, c.text || ' ', inner, row.total ? FONT_BOLD : FONT, SIZE);
    return main + (c.note ? textHeight(doc, c.note, inner, FONT, NOTE_SIZE) + 1 : 0);
  });
  return Math.max(...heights) + 2 * PAD_Y;
}

function drawHeader(doc: Doc, x: number, y: number, spec: TableSpec, ws: number[]): number {
  const h = Math.max(...spec.columns.map((c, i) => textHeight(doc, c.header, ws[i] - 2 * PAD_X, FONT_BOLD, SIZE))) + 2 * PAD_Y;
  box(doc, x, y, ws.reduce((a, b) => a + b, 0), h, COLORS.band);
  let cx = x;
  spec.columns.forEach((c, i) => {
    doc.font(FONT_BOLD).fontSize(SIZE).fillColor(COLORS.text);
    doc.text(c.header, cx + PAD_X, y + PAD_Y, { width: ws[i] - 2 * PAD_X, align: c.align ?? 'left' });
    cx += ws[i];
  });
  return y + h;
}

function drawRow(doc: Doc, x: number, y: number, spec: TableSpec, row: Row, ws: number[], h: number): void {
  const width = ws.reduce((a, b) => a + b, 0);
  if (row.total) hline(doc, x, x + width, y, COLORS.muted, 0.8);
  let cx = x;
  row.cells.forEach((raw, i) => {
    const c = asCell(raw);
    const inner = ws[i] - 2 * PAD_X;
    const align = spec.columns[i].align ?? 'left';
    const font = c.quiet ? FONT_ITALIC : row.total ? FONT_BOLD : FONT;
    doc.font(font).fontSize(SIZE).fillColor(c.quiet ? COLORS.muted : COLORS.text);
    doc.text(c.text, cx + PAD_X, y + PAD_Y, { width: inner, align });
    if (c.note) {
      const top = y + PAD_Y + textHeight(doc, c.text || ' ', inner, font, SIZE) + 1;
      doc.font(FONT).fontSize(NOTE_SIZE).fillColor(COLORS.muted).text(c.note, cx + PAD_X, top, { width: inner, align });
    }
    cx += ws[i];
  });
  hline(doc, x, x + width, y + h, COLORS.grid);
}

/** The height a table will take at this width, without its title. */
function bodyHeight(doc: Doc, spec: TableSpec, width: number): number {
  const ws = widths(spec.columns, width);
  const header = Math.max(...spec.columns.map((c, i) => textHeight(doc, c.header, ws[i] - 2 * PAD_X, FONT_BOLD, SIZE))) + 2 * PAD_Y;
  return header + spec.rows.reduce((s, r) => s + rowHeight(doc, r, ws), 0);
}

/** Draws a table at a fixed place (the caller has made room); `titleSpace` lines up tables side by side. */
function drawTableAt(doc: Doc, spec: TableSpec, x: number, y: number, width: number, titleSpace: number): void {
  const ws = widths(spec.columns, width);
  y = drawHeader(doc, x, drawTitle(doc, spec.title, x, y, width, titleSpace), spec, ws);
  for (const row of spec.rows) {
    const h = rowHeight(doc, row, ws);
    drawRow(doc, x, y, spec, row, ws, h);
    y += h;
  }
}

/**
 * Draws tables two by two across the page, each pair below the last. A table too long for one
 * page (e.g. very many referral recipients) goes full width and runs over pages instead.
 */
export function drawTablePairs(doc: Doc, flow: Flow, specs: TableSpec[], gap = 22): void {
  const w = (flow.width - gap) / 2;
  const fits = (s: TableSpec) => titleHeight(doc, s.title, w) + bodyHeight(doc, s, w) <= flow.pageHeight;
  const queue = [...specs];
  while (queue.length > 0) {
    const first = queue.shift() as TableSpec;
    if (!fits(first)) {
      drawTableFlow(doc, flow, first);
      continue;
    }
    const pair = queue.length > 0 && fits(queue[0]) ? [first, queue.shift() as TableSpec] : [first];
    const titles = Math.max(...pair.map((s) => titleHeight(doc, s.title, w)));
    const h = titles + Math.max(...pair.map((s) => bodyHeight(doc, s, w)));
    flow.ensure(h);
    pair.forEach((s, j) => drawTableAt(doc, s, flow.left + j * (w + gap), flow.y, w, titles));
    flow.y += h + 16;
  }
}

/** A full-width table that may run over pages; the header is repeated on each new page. */
export function drawTableFlow(doc: Doc, flow: Flow, spec: TableSpec): void {
  const ws = widths(spec.columns, flow.width);
  const first = spec.rows[0] ? rowHeight(doc, spec.rows[0], ws) : 0;
  flow.ensure(titleHeight(doc, spec.title, flow.width) + 20 + first);
  flow.y = drawHeader(doc, flow.left, drawTitle(doc, spec.title, flow.left, flow.y, flow.width), spec, ws);
  for (const row of spec.rows) {
    const h = rowHeight(doc, row, ws);
    const before = flow.y;
    flow.ensure(h);
    if (flow.y < before) flow.y = drawHeader(doc, flow.left, flow.y, spec, ws);
    drawRow(doc, flow.left, flow.y, spec, row, ws, h);
    flow.y += h;
  }
  flow.y += 16;
}
