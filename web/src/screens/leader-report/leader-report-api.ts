import type { components } from '../../../generated/api';
import { answer, api, idempotent } from '../../api/client';
import { fetchDocument, saveFile } from '../../api/download';

export type ReportSummary = components['schemas']['ReportSummaryResponse'];
export type Report = components['schemas']['ReportResponse'];
export type ReportPage = components['schemas']['ReportPage'];
export type ReportFigures = components['schemas']['ReportFiguresResponse'];
export type FigureSection = components['schemas']['FigureSectionResponse'];
export type CountTable = components['schemas']['CountTableResponse'];
export type ReportPeriods = components['schemas']['ReportPeriodsResponse'];
export type HalfYear = components['schemas']['ReportHalfYearResponse'];
export type Indicator = components['schemas']['IndicatorResponse'];
export type IndicatorValue = components['schemas']['IndicatorPeriodValueResponse'];
export type ExportFormat = 'csv' | 'xlsx' | 'pdf';

export const periods = (): Promise<ReportPeriods> => answer(api.GET('/reports/periods'));

export const reports = (cursor?: string): Promise<ReportPage> => answer(api.GET('/reports', { params: { query: { limit: 25, ...(cursor ? { cursor } : {}) } } }));

export const report = (id: string): Promise<Report> => answer(api.GET('/reports/{id}', { params: { path: { id } } }));

export const figures = (id: string): Promise<ReportFigures> => answer(api.GET('/reports/{id}/figures', { params: { path: { id } } }));

/** Answers the report of that half-year being computed, if one is: thirty clicks make one report. */
export const requestReport = (period: { year: number; half: 1 | 2 }) => answer(api.POST('/reports/half-year', { body: period }));

/**
 * The file as a blob through the client (bearer token in the header, refreshed if need be), never a
 * token in an address; the browser then saves it under the service's file name.
 */
export async function download(id: string, format: ExportFormat): Promise<void> {
  saveFile(await fetchDocument(api.GET('/reports/{id}/export', { params: { path: { id }, query: { format } }, parseAs: 'blob' }), `halvaarsstatistik.${format}`));
}

export const indicators = (): Promise<Indicator[]> => answer(api.GET('/indicators')).then((list) => list.items);

/** Each period's current value, or with `history` every correction too; newest first. */
export const indicatorValues = (id: string, history = false): Promise<IndicatorValue[]> =>
  answer(api.GET('/indicators/{id}/values', { params: { path: { id }, query: { limit: 200, history } } })).then((page) => page.items);

export const recordValue = (id: string, body: { period: string; value: number; source?: string; note?: string }): Promise<IndicatorValue> =>
  answer(api.POST('/indicators/{id}/values', { params: { path: { id } }, body }));

export type AddIndicator = components['schemas']['AddIndicatorDto'];
export type UpdateIndicator = components['schemas']['UpdateIndicatorDto'];

/** One key per press of the button: a retried request adds the indicator once. */
export const addIndicator = (body: AddIndicator, key: string): Promise<Indicator> => answer(api.POST('/indicators', { body, headers: idempotent(key) }));

/** Only the changed fields, with `version` as read: a change by someone else in between is refused (stale_version). */
export const updateIndicator = (id: string, body: UpdateIndicator): Promise<Indicator> => answer(api.PATCH('/indicators/{id}', { params: { path: { id } }, body }));
