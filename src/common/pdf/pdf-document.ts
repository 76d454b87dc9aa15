import PDFDocument from 'pdfkit';
import { COLORS, Flow, label, type Doc } from './pdf-draw';

/*
 * The A4 page every exported document shares: margins, the built-in Helvetica (WinAnsi covers æ,
 * ø, å and "–", so no font files are needed), and a footer with the title and "Side 1 af N". Pages
 * are kept until the end so the footer knows N; the document's bytes come back as one Buffer.
 */

const MARGIN = 50;
const FOOTER_SPACE = 24;

export interface DocumentInfo {
  Title: string;
  Author: string;
  Subject?: string;
  /** Taken from the data, not the clock, where the same input must give the same bytes. */
  CreationDate: Date;
}

/** Opens an A4 document; `finish` writes the footers, ends it and resolves to its bytes. */
export function a4Document(info: DocumentInfo): { doc: Doc; flow: Flow; finish: () => Promise<Buffer> } {
  const { Title, Author, Subject, CreationDate } = info;
  const doc: Doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    lang: 'da-DK',
    info: { Title, Author, ...(Subject === undefined ? {} : { Subject }), Creator: 'Helhedsplan', CreationDate },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const flow = new Flow(doc, MARGIN, doc.page.width - 2 * MARGIN, MARGIN, doc.page.height - MARGIN - FOOTER_SPACE);
  return {
    doc,
    flow,
    finish: () => {
      footers(doc, info.Title);
      doc.end();
      return done;
    },
  };
}

/** The title and "Side i af N" at the foot of every page. */
function footers(doc: Doc, title: string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing below the margin must not start a new page
    const y = doc.page.height - MARGIN + 8;
    label(doc, title, MARGIN, y, { size: 7.5, color: COLORS.muted, width: 380 });
    label(doc, `Side ${i - start + 1} af ${count}`, doc.page.width - MARGIN - 100, y, { size: 7.5, color: COLORS.muted, width: 100, align: 'right' });
    doc.page.margins.bottom = bottom;
  }
}
