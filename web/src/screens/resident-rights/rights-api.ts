import type { components } from '../../../generated/api';
import { answer, api } from '../../api/client';
import { fetchDocument, type Download } from '../../api/download';
import type { ErasureReason } from '../../text/resident-rights';

export type AccessLogPage = components['schemas']['AccessLogPage'];
export type AccessLogEntry = components['schemas']['AccessLogEntry'];
export type { Download };
export type Erasure = components['schemas']['ErasureResponse'];

const PAGE = 50;

/** A page of the log, newest first; reading it is audited by the API (and may ask for step-up, which the client handles). */
export const accessLog = (residentId: string, cursor?: string): Promise<AccessLogPage> =>
  answer(api.GET('/residents/{id}/access-log', { params: { path: { id: residentId }, query: { limit: PAGE, ...(cursor ? { cursor } : {}) } } }));

export const erase = (residentId: string, reason: ErasureReason): Promise<Erasure> =>
  answer(api.POST('/residents/{id}/erase', { params: { path: { id: residentId } }, body: { reason } }));

export const accessLogPdf = (residentId: string): Promise<Download> =>
  fetchDocument(api.GET('/residents/{id}/access-log', { params: { path: { id: residentId }, query: { format: 'pdf' } }, parseAs: 'blob' }), `adgangslog-${residentId}.pdf`);

export const copyDocument = (residentId: string, format: 'json' | 'pdf'): Promise<Download> =>
  fetchDocument(api.GET('/residents/{id}/export', { params: { path: { id: residentId }, query: { format } }, parseAs: 'blob' }), `beboerdata-${residentId}.${format}`);
