import type { ProblemItem } from '../common/domain-errors';

/**
 * The job centre's target groups (målgrupper) as the seeds list them (002_* and 004_*: "6.1 -
 * Dagpengemodtager" … "6.8 - Rehabilitent"), and `other` for the integration groups (INT-SP,
 * INT-SHP) and anyone else.
 */
export const TARGET_GROUPS = ['6.1', '6.2', '6.3', '6.4', '6.5', '6.6', '6.7', '6.8', 'other'] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

export const TARGET_GROUP_LABELS: Record<TargetGroup, string> = {
  '6.1': '6.1 Dagpengemodtager',
  '6.2': '6.2 Jobparat kontanthjælps- og overgangsydelsesmodtager',
  '6.3': '6.3 Aktivitetsparat kontanthjælps- og overgangsydelsesmodtager',
  '6.4': '6.4 Uddannelsesparat uddannelseshjælps- og overgangsydelsesmodtager',
  '6.5': '6.5 Aktivitetsparat uddannelseshjælps- og overgangsydelsesmodtager',
  '6.6': '6.6 Sygedagpengemodtager',
  '6.7': '6.7 Jobafklaringsforløb',
  '6.8': '6.8 Rehabilitent',
  other: 'Anden målgruppe (fx integrationsborgere)',
};

/** Why an enrolment ended (afslutningsårsager, 002_*); the report counts each. */
export const END_REASONS = ['job', 'education', 'small_job', 'flexjob', 'moved', 'sick', 'other'] as const;
export type EndReason = (typeof END_REASONS)[number];

export const END_REASON_LABELS: Record<EndReason, string> = {
  job: 'Job',
  education: 'Uddannelse',
  small_job: 'Småjob',
  flexjob: 'Fleksjob',
  moved: 'Fraflyttet',
  sick: 'Sygdom',
  other: 'Andet',
};

/**
 * The criteria the job centre picks people by (002_* Varde, "Der er udvalgt 15 borgere ud fra
 * følgende kriterier"): 1) the work capacity can grow through a hands-on effort, 2) complex
 * problems stand in the way, 3) lives in the area, 4) the adviser can describe the effort.
 */
export const CRITERIA = ['work_capacity_development', 'complex_problems', 'lives_in_area', 'effort_described'] as const;
export type Criterion = (typeof CRITERIA)[number];

export const CRITERION_LABELS: Record<Criterion, string> = {
  work_capacity_development: 'Kan udvikle arbejdsevnen via en særlig håndholdt indsats',
  complex_problems: 'Komplekse problemstillinger',
  lives_in_area: 'Bor i boligområdet',
  effort_described: 'Rådgiver kan beskrive den særlige indsats',
};

/** An effort is named by the plan ("Fremskudt jobcenter", "Beboerrådgivning for job og uddannelse"): a short label, no notes. */
export const EFFORT_MAX_LENGTH = 80;

/** A quarter as the API writes it: `2026-Q1` (January-March) … `2026-Q4`. */
export const QUARTER_PATTERN = /^(19|20|21)\d{2}-Q[1-4]$/;

export interface Quarter {
  year: number;
  quarter: 1 | 2 | 3 | 4;
}

export function parseQuarter(value: string): Quarter {
  if (!QUARTER_PATTERN.test(value)) throw new Error(`not a quarter: ${value}`);
  const [year, q] = value.split('-Q');
  return { year: Number(year), quarter: Number(q) as Quarter['quarter'] };
}

export const quarterName = ({ year, quarter }: Quarter): string => `${year}-Q${quarter}`;

/** The first day of the quarter and the first day after it (YYYY-MM-DD), the half-open range. */
export function quarterDates({ year, quarter }: Quarter): { fromDate: string; toDate: string } {
  const month = (quarter - 1) * 3 + 1;
  const next = quarter === 4 ? `${year + 1}-01-01` : `${year}-${String(month + 3).padStart(2, '0')}-01`;
  return { fromDate: `${year}-${String(month).padStart(2, '0')}-01`, toDate: next };
}

/** The quarter a calendar date falls in. */
export function quarterOfDate(date: string): Quarter {
  const [year, month] = date.split('-').map(Number);
  return { year, quarter: (Math.floor((month - 1) / 3) + 1) as Quarter['quarter'] };
}

export interface EnrolmentSpan {
  startedOn: string;
  endedOn: string | null;
}

/** Whether an enrolment runs on at least one day of the range [fromDate, toDate). */
export function overlaps(span: EnrolmentSpan, fromDate: string, toDate: string): boolean {
  return span.startedOn < toDate && (span.endedOn === null || span.endedOn >= fromDate);
}

/** Every unmet rule of a new enrolment; `today` is the plan's calendar day. */
export function enrolmentProblems(startedOn: string, today: string): ProblemItem[] {
  return startedOn > today ? [{ field: 'startedOn', rule: 'not_in_future', message: `startedOn is after today (${today}): register the enrolment when it starts` }] : [];
}

/**
 * The rules of ending: not before the start, not after today, and no quarter marked active that
 * begins after the last day (it would count the person as active where they were not enrolled).
 */
export function endProblems(span: EnrolmentSpan, endedOn: string, today: string, activeQuarterStarts: readonly string[]): ProblemItem[] {
  const problems: ProblemItem[] = [];
  if (endedOn < span.startedOn) problems.push({ field: 'endedOn', rule: 'ended_not_before_start', message: `endedOn must not be before the enrolment started (${span.startedOn})` });
  if (endedOn > today) problems.push({ field: 'endedOn', rule: 'not_in_future', message: `endedOn is after today (${today})` });
  const after = activeQuarterStarts.filter((start) => start > endedOn).map((start) => quarterName(quarterOfDate(start)));
  if (after.length) {
    problems.push({ field: 'endedOn', rule: 'no_active_quarter_after_end', message: `quarters marked active after endedOn: ${after.join(', ')}; mark them not active first` });
  }
  return problems;
}

/** The rules of marking a quarter: the enrolment runs in it, and it has begun. */
export function quarterProblems(span: EnrolmentSpan, quarter: Quarter, today: string): ProblemItem[] {
  const { fromDate, toDate } = quarterDates(quarter);
  const problems: ProblemItem[] = [];
  if (!overlaps(span, fromDate, toDate)) {
    problems.push({ field: 'quarter', rule: 'enrolment_in_quarter', message: `the enrolment (${span.startedOn} to ${span.endedOn ?? 'now'}) does not run in ${quarterName(quarter)}` });
  }
  if (fromDate > today) problems.push({ field: 'quarter', rule: 'quarter_begun', message: `${quarterName(quarter)} has not begun yet` });
  return problems;
}
