import { END_REASONS, TARGET_GROUPS, type EndReason, type TargetGroup } from './jobcentre-rules';

/** What the SQL counts for a period; see jobcentre-report-queries.ts for exactly which rows. */
export interface JobcentreCounts {
  covered: number;
  active: number;
  started: number;
  byTargetGroup: Partial<Record<string, number>>;
  endedByReason: Partial<Record<string, number>>;
}

/** The job centre's caseload in a period: the report's `jobcentre` section and GET /jobcentre-enrolments/figures. */
export interface JobcentreFigures {
  /** Enrolments running on at least one day of the period (antal beboere omfattet af det fremskudte jobcenter, 004_*). */
  covered: number;
  /** Of those, enrolments marked active in at least one quarter of the period. */
  active: number;
  byTargetGroup: Record<TargetGroup, number>;
  /** Enrolments whose first day is in the period. */
  started: number;
  /** Enrolments whose last day is in the period, by why they ended. */
  endedByReason: Record<EndReason, number>;
  /** active ÷ covered, from 0 to 1; null when nobody was covered. */
  activationRate: number | null;
}

/**
 * The activation rate (aktiveringsgrad, 004_*: "aktiveringsgraden blandt de ledige skal øges til
 * 85%"): of the people the job centre's effort covered in the period, the share who were active in
 * it. The job centre judges activity per quarter (004_* reports "Kvartalsvis"), so a person counts
 * as active in a period when at least one of the period's quarters is marked active for them: a
 * quarter is its own period, and a half-year asks its two quarters. A quarter belongs to exactly one
 * half-year (Q1-Q2 to H1, Q3-Q4 to H2), so Q2's activity never counts in H2, while an enrolment that
 * runs across 1 July is covered in both half-years and active in each only by that half's quarters.
 */
export function activationRate(active: number, covered: number): number | null {
  return covered > 0 ? active / covered : null;
}

/** Every target group and end reason present, zero where nobody was counted, so tables keep their rows. */
export function jobcentreFigures(counts: JobcentreCounts): JobcentreFigures {
  const byTargetGroup = Object.fromEntries(TARGET_GROUPS.map((g) => [g, counts.byTargetGroup[g] ?? 0])) as Record<TargetGroup, number>;
  const endedByReason = Object.fromEntries(END_REASONS.map((r) => [r, counts.endedByReason[r] ?? 0])) as Record<EndReason, number>;
  return {
    covered: counts.covered,
    active: counts.active,
    byTargetGroup,
    started: counts.started,
    endedByReason,
    activationRate: activationRate(counts.active, counts.covered),
  };
}
