import type { EntityManager } from 'typeorm';

export interface HelpCounts {
  entries: number;
  minutes: number;
  escorts: number;
  activeVolunteers: number;
  byTopic: Record<string, number>;
}

/**
 * The plan's volunteer help counted over a period, set-based in one statement: for the summary
 * screen and the half-year report alike, so the two never disagree. Bounds are local midnights in
 * Europe/Copenhagen: help at 23:30 on 30 June (21:30 UTC) is in the first half-year. `$3` is the
 * first day after the period (the report's toDate), or with `lastDayIncluded` the period's last day.
 */
export async function helpCounts(manager: EntityManager, params: [planId: string, from: string, to: string], options: { lastDayIncluded?: boolean } = {}): Promise<HelpCounts> {
  const end = options.lastDayIncluded ? `($3::date + 1)` : `$3::date`;
  const rows: { total: boolean; topic: string | null; entries: string; minutes: string; escorts: string; volunteers: string }[] = await manager.query(
    `SELECT GROUPING(topic) = 1 AS total, topic, count(*) AS entries, COALESCE(sum(minutes), 0) AS minutes, count(*) FILTER (WHERE escort) AS escorts,
            count(DISTINCT volunteer_id) AS volunteers
       FROM volunteer_help
      WHERE plan_id = $1
        AND occurred_at >= ($2::date::timestamp AT TIME ZONE 'Europe/Copenhagen')
        AND occurred_at < (${end}::timestamp AT TIME ZONE 'Europe/Copenhagen')
      GROUP BY GROUPING SETS ((topic), ())`,
    params,
  );
  const total = rows.find((r) => r.total);
  return {
    entries: Number(total?.entries ?? 0),
    minutes: Number(total?.minutes ?? 0),
    escorts: Number(total?.escorts ?? 0),
    activeVolunteers: Number(total?.volunteers ?? 0),
    byTopic: Object.fromEntries(rows.filter((r) => !r.total).map((r) => [r.topic as string, Number(r.entries)])),
  };
}
