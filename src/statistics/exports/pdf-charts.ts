import { readableNumber } from './format';
import { box, COLORS, FONT_BOLD, FONT_ITALIC, hline, label, niceScale, paragraph, textHeight, type Doc, type Flow } from '../../common/pdf/pdf-draw';

/*
 * Bar charts drawn with pdfkit's own lines and rectangles. A hidden value gets no bar, only its
 * label ("<5", "skjult"), so a chart never shows more than the tables do.
 */

export interface Bar {
  label: string;
  /** Null: no bar (hidden or unknown); `display` says why. */
  value: number | null;
  display: string;
  color?: string;
}

const ROW = 17;
const BAR = 11;
const VALUE_ROOM = 44;

function chartTitle(doc: Doc, flow: Flow, title: string, subtitle?: string): void {
  label(doc, title, flow.left, flow.y, { font: FONT_BOLD, size: 12 });
  flow.y += 17;
  if (subtitle) {
    flow.y += paragraph(doc, subtitle, flow.left, flow.y, flow.width, { size: 8, color: COLORS.muted }) + 4;
  }
}

/** Bars and grid for one block of rows; `format` writes the axis numbers. */
function barRows(doc: Doc, x: number, y: number, width: number, labelWidth: number, bars: Bar[], format: (n: number) => string, grid: boolean): number {
  const plotX = x + labelWidth + 8;
  const plotW = width - labelWidth - 8 - VALUE_ROOM;
  const shownMax = Math.max(0, ...bars.map((b) => b.value ?? 0));
  const scale = niceScale(shownMax);
  const height = bars.length * ROW;

  if (!grid || shownMax === 0) {
    doc.save().moveTo(plotX, y).lineTo(plotX, y + height).lineWidth(0.5).strokeColor(COLORS.muted).stroke().restore();
  } else {
    for (let v = 0; v <= scale.max + 1e-9; v += scale.step) {
      const gx = plotX + (v / scale.max) * plotW;
      doc.save().moveTo(gx, y).lineTo(gx, y + height).lineWidth(0.5).strokeColor(v === 0 ? COLORS.muted : COLORS.grid).stroke().restore();
      label(doc, format(v), gx - 20, y + height + 3, { size: 7, color: COLORS.muted, width: 40, align: 'center' });
    }
  }

  bars.forEach((b, i) => {
    const rowY = y + i * ROW;
    const textY = rowY + (ROW - 8) / 2;
    label(doc, b.label, x, textY, { size: 8.5, width: labelWidth, align: 'right' });
    if (b.value === null) {
      label(doc, b.display, plotX + 4, textY, { font: FONT_ITALIC, size: 8.5, color: COLORS.muted });
      return;
    }
    const w = scale.max > 0 ? (b.value / scale.max) * plotW : 0;
    if (w > 0) box(doc, plotX, rowY + (ROW - BAR) / 2, Math.max(w, 1), BAR, b.color ?? COLORS.primary);
    label(doc, b.display, plotX + w + 4, textY, { size: 8.5 });
  });
  return y + height + (grid ? 14 : 0);
}

/** A horizontal bar chart with category labels on the left and the value at the end of each bar. */
export function horizontalBarChart(
  doc: Doc,
  flow: Flow,
  o: { title: string; subtitle?: string; bars: Bar[]; labelWidth: number; format?: (n: number) => string },
): void {
  const subtitleHeight = o.subtitle ? textHeight(doc, o.subtitle, flow.width, undefined, 8) + 4 : 0;
  flow.ensure(17 + subtitleHeight + o.bars.length * ROW + 14);
  chartTitle(doc, flow, o.title, o.subtitle);
  if (o.bars.length === 0) {
    label(doc, 'Ingen registreringer i perioden.', flow.left, flow.y, { font: FONT_ITALIC, color: COLORS.muted });
    flow.y += 16;
    return;
  }
  flow.y = barRows(doc, flow.left, flow.y, flow.width, o.labelWidth, o.bars, o.format ?? readableNumber, true) + 10;
}

export interface BarGroup {
  title: string;
  note: string;
  bars: Bar[];
}

/**
 * Grouped bars, one group per indicator (baseline, value, target), each on its own scale since
 * the indicators have different units. A small legend explains the colours.
 */
export function groupedBarChart(
  doc: Doc,
  flow: Flow,
  o: { title: string; subtitle?: string; groups: BarGroup[]; labelWidth: number; legend: { label: string; color: string }[] },
): void {
  const noteHeight = (g: BarGroup) => textHeight(doc, g.note, flow.width, undefined, 7.5) + 3;
  const groupHeight = (g: BarGroup) => textHeight(doc, g.title, flow.width, FONT_BOLD, 9) + noteHeight(g) + g.bars.length * ROW + 14;
  const first = o.groups[0];
  flow.ensure(17 + 16 + (first ? groupHeight(first) : 16));
  chartTitle(doc, flow, o.title, o.subtitle);

  if (o.groups.length === 0) {
    label(doc, 'Planen har ingen indikatorer.', flow.left, flow.y, { font: FONT_ITALIC, color: COLORS.muted });
    flow.y += 16;
    return;
  }
  let lx = flow.left;
  for (const item of o.legend) {
    box(doc, lx, flow.y + 1, 9, 9, item.color);
    label(doc, item.label, lx + 13, flow.y + 1, { size: 8.5 });
    lx += 13 + doc.widthOfString(item.label) + 16;
  }
  flow.y += 18;
  for (const g of o.groups) {
    flow.ensure(groupHeight(g));
    flow.y += paragraph(doc, g.title, flow.left, flow.y, flow.width, { font: FONT_BOLD, size: 9 });
    flow.y += paragraph(doc, g.note, flow.left, flow.y + 1, flow.width, { size: 7.5, color: COLORS.muted }) + 3;
    flow.y = barRows(doc, flow.left, flow.y, flow.width, o.labelWidth, g.bars, readableNumber, false);
    hline(doc, flow.left + o.labelWidth + 8, flow.right - VALUE_ROOM, flow.y + 2, COLORS.grid);
    flow.y += 12;
  }
}
