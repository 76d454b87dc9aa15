import type { EntityManager } from 'typeorm';
import { jobcentreFigures, type JobcentreFigures } from './jobcentre-figures';

/**
 * The job centre's caseload over a period [fromDate, toDate) of calendar days (a quarter or a
 * half-year): covered, started, ended by reason, by target group, and active (see activationRate).
 * Enrolments carry calendar dates, not instants, so a period's days are the plan's own days and
 * no time zone enters. Set-based: two statements, whatever the size of the caseload. Read with the
 * report's REPEATABLE READ manager, or any manager for the caseworker's figures.
 */
export async function jobcentreSection(manager: EntityManager, [planId, fromDate, toDate]: [string, string, string]): Promise<JobcentreFigures> {
  const [totals]: { covered: number; active: number; started: number }[] = await manager.query(
    `SELECT count(*)::int AS covered,
            count(*) FILTER (WHERE EXISTS (
              SELECT 1 FROM jobcentre_enrolment_quarters q
               WHERE q.enrolment_id = e.id AND q.plan_id = $1 AND q.active
                 AND q.quarter_start >= $2::date AND q.quarter_start < $3::date))::int AS active,
            count(*) FILTER (WHERE e.started_on >= $2::date)::int AS started
       FROM jobcentre_enrolments e
      WHERE e.plan_id = $1 AND e.started_on < $3::date AND (e.ended_on IS NULL OR e.ended_on >= $2::date)`,
    [planId, fromDate, toDate],
  );
  const groups: { kind: 'group' | 'reason'; key: string; n: number }[] = await manager.query(
    `SELECT 'group' AS kind, e.target_group AS key, count(*)::int AS n
       FROM jobcentre_enrolments e
      WHERE e.plan_id = $1 AND e.started_on < $3::date AND (e.ended_on IS NULL OR e.ended_on >= $2::date)
      GROUP BY e.target_group
     UNION ALL
     SELECT 'reason', e.end_reason, count(*)::int
       FROM jobcentre_enrolments e
      WHERE e.plan_id = $1 AND e.ended_on >= $2::date AND e.ended_on < $3::date
      GROUP BY e.end_reason`,
    [planId, fromDate, toDate],
  );
  const pick = (kind: 'group' | 'reason') => Object.fromEntries(groups.filter((g) => g.kind === kind).map((g) => [g.key, g.n]));
  return jobcentreFigures({ ...totals, byTargetGroup: pick('group'), endedByReason: pick('reason') });
}
