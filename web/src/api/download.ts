/** A document to save: the bytes and the name the API gives it. */
export interface Download {
  blob: Blob;
  fileName: string;
}

/**
 * Documents (PDF, CSV, XLSX, JSON) come through the client as bytes, so the access token travels in
 * the Authorization header as for every call, never in an address a browser history or proxy log
 * would keep. The name is the one the API gives in Content-Disposition.
 */
export async function fetchDocument(call: Promise<{ data?: unknown; response: Response }>, fallbackName: string): Promise<Download> {
  const { data, response } = await call;
  const fileName = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? fallbackName;
  return { blob: data as Blob, fileName };
}

/**
 * Hands the bytes to the browser as a download through a temporary object URL. The URL is
 * revoked a little later, not at once: some browsers start reading it only after the click returns.
 */
export function saveFile({ blob, fileName }: Download): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
