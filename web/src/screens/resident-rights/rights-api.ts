import type { components } from '../../../generated/api';
import { answer, api } from '../../api/client';
import type { ErasureReason } from '../../text/resident-rights';

export type AccessLogPage = components['schemas']['AccessLogPage'];
export type AccessLogEntry = components['schemas']['AccessLogEntry'];
export type Erasure = components['schemas']['ErasureResponse'];

const PAGE = 50;

/** A page of the log, newest first; reading it is audited by the API (and may ask for step-up, which the client handles). */
export const accessLog = (residentId: string, cursor?: string): Promise<AccessLogPage> =>
  answer(api.GET('/residents/{id}/access-log', { params: { path: { id: residentId }, query: { limit: PAGE, ...(cursor ? { cursor } : {}) } } }));

export const erase = (residentId: string, reason: ErasureReason): Promise<Erasure> =>
  answer(api.POST('/residents/{id}/erase', { params: { path: { id: residentId } }, body: { reason } }));

/** A document to save: the bytes and the name the API gives it. */
export interface Download {
  blob: Blob;
  fileName: string;
}

/**
 * Documents come through the client as bytes, so the access token travels in the Authorization
 * header as for every call (never in an address a browser history or proxy log would keep).
 */
async function fetchDocument(call: Promise<{ data?: unknown; response: Response }>, fallbackName: string): Promise<Download> {
  const { data, response } = await call;
  const fileName = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? fallbackName;
  return { blob: data as Blob, fileName };
}

export const accessLogPdf = (residentId: string): Promise<Download> =>
  fetchDocument(api.GET('/residents/{id}/access-log', { params: { path: { id: residentId }, query: { format: 'pdf' } }, parseAs: 'blob' }), `adgangslog-${residentId}.pdf`);

export const copyDocument = (residentId: string, format: 'json' | 'pdf'): Promise<Download> =>
  fetchDocument(api.GET('/residents/{id}/export', { params: { path: { id: residentId }, query: { format } }, parseAs: 'blob' }), `beboerdata-${residentId}.${format}`);
