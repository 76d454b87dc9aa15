/** One queue per kind of work (style.md); typed job payloads. */
export const STATISTICS_QUEUE = 'statistics';
export const REMINDERS_QUEUE = 'reminders';

export const JOBS = {
  /** Compute one half-year report snapshot. */
  halfYearReport: 'half-year-report',
  /** On 1 January and 1 July: file each plan's previous half-year report. */
  scheduleHalfYearReports: 'schedule-half-year-reports',
  /** Daily: recompute reminders (evaluations due, consents expiring). */
  computeReminders: 'compute-reminders',
} as const;

export interface HalfYearReportJob {
  reportId: string;
}
