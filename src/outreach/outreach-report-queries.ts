import type { EntityManager } from 'typeorm';
import type { OutreachResult } from '../statistics/half-year-result';
import { REACHED_OUTCOMES } from './outreach-rules';

/**
 * The half-year report's door-to-door outreach (issue 23, part 5): attempts in the period by their
 * instant in Danish time (a ring at 23:30 on 30 June is H1), together with the tallies the
 * retention sweep kept of lists whose names are deleted (counted by their Danish day). `talked`
 * is every attempt where someone opened and talked (every outcome but not_home).
 * $1 plan, $2 first day, $3 the day after the period.
 */
export async function outreachSection(manager: EntityManager, params: [string, string, string]): Promise<OutreachResult> {
  const rows: { outcome: string; n: string }[] = await manager.query(
    `SELECT outcome, sum(n) AS n FROM (
       SELECT outcome, count(*) AS n FROM outreach_attempts
        WHERE plan_id = $1
          AND at >= ($2::date::timestamp AT TIME ZONE 'Europe/Copenhagen') AND at < ($3::date::timestamp AT TIME ZONE 'Europe/Copenhagen')
        GROUP BY outcome
       UNION ALL
       SELECT outcome, sum(attempts) FROM outreach_attempt_tallies
        WHERE plan_id = $1 AND day >= $2::date AND day < $3::date
        GROUP BY outcome) counted
     GROUP BY outcome`,
    params,
  );
  const byOutcome = Object.fromEntries(rows.map((r) => [r.outcome, Number(r.n)]));
  const of = (outcomes: readonly string[]) => outcomes.reduce((total, o) => total + (byOutcome[o] ?? 0), 0);
  return {
    attempts: Object.values(byOutcome).reduce((total, n) => total + n, 0),
    talked: of(REACHED_OUTCOMES),
    offersAccepted: byOutcome.offer_accepted ?? 0,
    byOutcome,
  };
}
