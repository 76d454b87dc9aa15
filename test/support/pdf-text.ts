import { inflateSync } from 'node:zlib';

/**
 * The text runs a PDF draws, in order: pdfkit writes each line as a TJ array of hex strings in
 * WinAnsi (Latin-1 for æ, ø, å) inside Flate-compressed content streams.
 */
export function pdfTexts(body: Buffer): string[] {
  const raw = body.toString('latin1');
  const texts: string[] = [];
  const streams = /stream\r?\n/g;
  for (let m = streams.exec(raw); m; m = streams.exec(raw)) {
    const start = m.index + m[0].length;
    let content: string;
    try {
      content = inflateSync(body.subarray(start, raw.indexOf('endstream', start))).toString('latin1');
    } catch {
      continue; // not a content stream (e.g. font data)
    }
    for (const tj of content.matchAll(/\[(.*?)\] TJ/g)) {
      const hex = [...tj[1].matchAll(/<([0-9a-f]*)>/g)].map((h) => h[1]).join('');
      texts.push(Buffer.from(hex, 'hex').toString('latin1'));
    }
  }
  return texts;
}
