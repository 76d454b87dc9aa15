import type PDFDocument from 'pdfkit';

/** Small drawing helpers on top of pdfkit, shared by the PDF's charts and tables. */

export type Doc = typeof PDFDocument;

export const COLORS = {
  text: '#1F2933',
  muted: '#616E7C',
  rule: '#CBD2D9',
  grid: '#E4E7EB',
  band: '#F0F4F8',
  primary: '#2F6690',
  baseline: '#9AA5B1',
  target: '#E09F3E',
  interim: '#C05621',
};

export const FONT = 'Helvetica';
export const FONT_BOLD = 'Helvetica-Bold';
export const FONT_ITALIC = 'Helvetica-Oblique';

export interface LabelOptions {
  font?: string;
  size?: number;
  color?: string;
  /** With `width`: where in the box the text goes. */
  align?: 'left' | 'right' | 'center';
  width?: number;
}

/** Shortens text with "…" until it fits the width (in the current font and size). */
export function fit(doc: Doc, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let s = text;
  while (s.length > 1 && doc.widthOfString(`${s}…`) > width) s = s.slice(0, -1);
  return `${s.trimEnd()}…`;
}

/**
 * One line of text at an exact place, never wrapped and never starting a new page (pdfkit's
 * own wrapping would); too long text is shortened with "…".
 */
export function label(doc: Doc, text: string, x: number, y: number, o: LabelOptions = {}): void {
  doc.font(o.font ?? FONT).fontSize(o.size ?? 9).fillColor(o.color ?? COLORS.text);
  const shown = o.width === undefined ? text : fit(doc, text, o.width);
  const w = doc.widthOfString(shown);
  let left = x;
  if (o.width !== undefined && o.align === 'right') left = x + o.width - w;
  if (o.width !== undefined && o.align === 'center') left = x + (o.width - w) / 2;
  doc.text(shown, left, y, { lineBreak: false });
}

/** Text wrapped in a box of the given width; returns its height. Caller makes sure it fits the page. */
export function paragraph(doc: Doc, text: string, x: number, y: number, width: number, o: Omit<LabelOptions, 'width'> = {}): number {
  doc.font(o.font ?? FONT).fontSize(o.size ?? 9).fillColor(o.color ?? COLORS.text);
  const height = doc.heightOfString(text, { width });
  doc.text(text, x, y, { width, align: o.align ?? 'left' });
  return height;
}

export function textHeight(doc: Doc, text: string, width: number, font = FONT, size = 9): number {
  return doc.font(font).fontSize(size).heightOfString(text, { width });
}

export function hline(doc: Doc, x1: number, x2: number, y: number, color = COLORS.rule, width = 0.5): void {
  doc.save().moveTo(x1, y).lineTo(x2, y).lineWidth(width).strokeColor(color).stroke().restore();
}

export function box(doc: Doc, x: number, y: number, w: number, h: number, color: string): void {
  doc.save().rect(x, y, w, h).fill(color).restore();
}

/** A round number at or above `max`, and a step for 3-5 grid lines: 212 → {max: 250, step: 50}. */
export function niceScale(max: number): { max: number; step: number } {
  if (!(max > 0)) return { max: 1, step: 1 };
  const rough = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  return { max: Math.ceil(max / step) * step, step };
}

/** Where the next thing goes on the page; starts a new page when something will not fit. */
export class Flow {
  y: number;

  constructor(
    private readonly doc: Doc,
    readonly left: number,
    readonly width: number,
    private readonly top: number,
    private readonly bottom: number,
  ) {
    this.y = top;
  }

  /** Makes room for `height` points, on a new page if needed. */
  ensure(height: number): void {
    if (this.y + height > this.bottom && this.y > this.top) this.newPage();
  }

  newPage(): void {
    this.doc.addPage();
    this.y = this.top;
  }

  /** The height of a page's content area. */
  get pageHeight(): number {
    return this.bottom - this.top;
  }

  get right(): number {
    return this.left + this.width;
  }
}
