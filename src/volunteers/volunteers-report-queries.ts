import type { EntityManager } from 'typeorm';
import type { VolunteersResult } from '../statistics/half-year-result';
import { helpCounts } from './volunteer-help-counts';

/**
 * The half-year report's volunteers section (issue 23), read through the report's REPEATABLE READ
 * manager: [planId, fromDate, toDate) with local midnights in Europe/Copenhagen, so help at 23:30
 * on 30 June counts in the first half-year. The plan's own topics' labels are kept with the snapshot.
 */
export async function volunteersSection(manager: EntityManager, params: [planId: string, fromDate: string, toDate: string]): Promise<VolunteersResult> {
  const counts = await helpCounts(manager, params);
  const own: { key: string; label: string }[] = await manager.query(`SELECT key, label FROM volunteer_help_topics WHERE plan_id = $1 ORDER BY key`, [params[0]]);
  return {
    activeVolunteers: counts.activeVolunteers,
    entries: counts.entries,
    byTopic: counts.byTopic,
    escorts: counts.escorts,
    topicLabels: Object.fromEntries(own.map((r) => [r.key, r.label])),
  };
}
