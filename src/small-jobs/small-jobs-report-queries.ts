import type { EntityManager } from 'typeorm';
import type { SmallJobsResult } from '../statistics/half-year-result';

/**
 * The half-year report's småjobs (issue 23, part 4), over the report's REPEATABLE READ snapshot:
 * started by the first day, ended by the day they ended, both calendar dates (already Danish
 * days). Age groups are the resident's on the first day (small-job-rules.ts), kept on the row.
 * $1 plan, $2 first day, $3 the day after the period.
 */
export async function smallJobsSection(manager: EntityManager, params: [string, string, string]): Promise<SmallJobsResult> {
  const rows: { dimension: 'started' | 'ended'; key: string; n: string }[] = await manager.query(
    `SELECT 'started' AS dimension, age_group AS key, count(*) AS n FROM small_jobs
      WHERE plan_id = $1 AND starts_on >= $2::date AND starts_on < $3::date GROUP BY age_group
     UNION ALL
     SELECT 'ended', outcome, count(*) FROM small_jobs
      WHERE plan_id = $1 AND ended_on >= $2::date AND ended_on < $3::date GROUP BY outcome`,
    params,
  );
  const byAgeGroup = Object.fromEntries(rows.filter((r) => r.dimension === 'started').map((r) => [r.key, Number(r.n)]));
  const byOutcome = Object.fromEntries(rows.filter((r) => r.dimension === 'ended').map((r) => [r.key, Number(r.n)]));
  const sum = (counts: Record<string, number>) => Object.values(counts).reduce((total, n) => total + n, 0);
  return { started: sum(byAgeGroup), ended: sum(byOutcome), byOutcome, byAgeGroup };
}
