import type { EntityManager } from 'typeorm';
import { WHOLE_PLAN, type ActivitiesResult, type ActivityCounts, type ReferralsResult } from './half-year-result';
import type { ReportPeriodParams } from './report-queries';

/**
 * The activities, internships and referral follow-up of the half-year report (issue 12), set-based
 * like report-queries.ts and over the same REPEATABLE READ snapshot. Bounds are local midnights in
 * Europe/Copenhagen: a session at 23:30 on 30 June (21:30 UTC) is in H1. Every table read is
 * limited to the plan ($1), joined tables included.
 */
const FROM = `($2::date::timestamp AT TIME ZONE 'Europe/Copenhagen')`;
const TO = `($3::date::timestamp AT TIME ZONE 'Europe/Copenhagen')`;

type Params = ReportPeriodParams;

interface GroupedRow {
  dimension: 'kind' | 'area' | 'total';
  key: string | null;
  sessions: string;
  headcount: string;
  participants: string;
}

// A session's head count is at least its named participants (the service keeps it so; this guards
// sessions recorded with names only). Named participants of the period, and residents enrolled at
// any time during it, are the participants; a resident counts once however often they came.
const SESSIONS = `
  SELECT s.id, a.kind, COALESCE(ha.name, '${WHOLE_PLAN}') AS area,
         GREATEST(s.headcount_total, (SELECT count(*) FROM activity_session_participants p WHERE p.session_id = s.id AND p.plan_id = $1)) AS headcount
    FROM activity_sessions s
    JOIN activities a ON a.id = s.activity_id AND a.plan_id = $1
    LEFT JOIN housing_areas ha ON ha.id = a.housing_area_id AND ha.plan_id = $1
   WHERE s.plan_id = $1 AND s.starts_at >= ${FROM} AND s.starts_at < ${TO}`;

const PARTICIPANTS = `
  SELECT p.resident_id, a.kind, COALESCE(ha.name, '${WHOLE_PLAN}') AS area
    FROM activity_session_participants p
    JOIN activity_sessions s ON s.id = p.session_id AND s.plan_id = $1
    JOIN activities a ON a.id = s.activity_id AND a.plan_id = $1
    LEFT JOIN housing_areas ha ON ha.id = a.housing_area_id AND ha.plan_id = $1
   WHERE p.plan_id = $1 AND s.starts_at >= ${FROM} AND s.starts_at < ${TO}
  UNION ALL
  SELECT e.resident_id, a.kind, COALESCE(ha.name, '${WHOLE_PLAN}') AS area
    FROM activity_enrolments e
    JOIN activities a ON a.id = e.activity_id AND a.plan_id = $1
    LEFT JOIN housing_areas ha ON ha.id = a.housing_area_id AND ha.plan_id = $1
   WHERE e.plan_id = $1 AND e.started_on < $3::date AND (e.ended_on IS NULL OR e.ended_on >= $2::date)`;

function byKey(rows: GroupedRow[], dimension: GroupedRow['dimension']): Record<string, ActivityCounts> {
  return Object.fromEntries(
    rows
      .filter((r) => r.dimension === dimension)
      .map((r) => [r.key ?? 'unknown', { sessions: Number(r.sessions), headcount: Number(r.headcount), uniqueParticipants: Number(r.participants) }]),
  );
}

export async function activitiesSection(manager: EntityManager, params: Params): Promise<ActivitiesResult> {
  const grouped: GroupedRow[] = await manager.query(
    `WITH sessions AS (${SESSIONS}),
          session_counts AS (
            SELECT CASE WHEN GROUPING(kind) = 0 THEN 'kind' WHEN GROUPING(area) = 0 THEN 'area' ELSE 'total' END AS dimension,
                   COALESCE(kind, area) AS key, count(*) AS sessions, sum(headcount) AS headcount
              FROM sessions GROUP BY GROUPING SETS ((kind), (area), ())),
          participants AS (${PARTICIPANTS}),
          participant_counts AS (
            SELECT 'kind' AS dimension, kind AS key, count(DISTINCT resident_id) AS participants FROM participants GROUP BY kind
            UNION ALL
            SELECT 'area', area, count(DISTINCT resident_id) FROM participants GROUP BY area
            UNION ALL
            SELECT 'total', NULL, count(DISTINCT resident_id) FROM participants)
     SELECT COALESCE(s.dimension, p.dimension) AS dimension, COALESCE(s.key, p.key) AS key,
            COALESCE(s.sessions, 0) AS sessions, COALESCE(s.headcount, 0) AS headcount, COALESCE(p.participants, 0) AS participants
       FROM session_counts s
       FULL JOIN participant_counts p ON p.dimension = s.dimension AND p.key IS NOT DISTINCT FROM s.key`,
    params,
  );
  const outcomes: { outcome: string; n: string }[] = await manager.query(
    `SELECT outcome, count(*) AS n FROM activity_enrolments
      WHERE plan_id = $1 AND ended_on >= $2::date AND ended_on < $3::date GROUP BY outcome`,
    params,
  );
  const [n]: Record<string, string>[] = await manager.query(
    `SELECT
       (SELECT count(*) FROM activity_enrolments WHERE plan_id = $1 AND started_on >= $2::date AND started_on < $3::date) AS enrolments_started,
       (SELECT count(*) FROM internships WHERE plan_id = $1 AND starts_on >= $2::date AND starts_on < $3::date) AS internships_started,
       (SELECT count(*) FROM internships WHERE plan_id = $1 AND ended_on >= $2::date AND ended_on < $3::date) AS internships_ended,
       (SELECT count(*) FROM internships WHERE plan_id = $1 AND ended_on >= $2::date AND ended_on < $3::date AND outcome = 'job') AS internships_to_job`,
    params,
  );
  const totals = grouped.find((r) => r.dimension === 'total');
  const enrolmentsByOutcome = Object.fromEntries(outcomes.map((o) => [o.outcome, Number(o.n)]));
  return {
    sessions: Number(totals?.sessions ?? 0),
    headcount: Number(totals?.headcount ?? 0),
    uniqueParticipants: Number(totals?.participants ?? 0),
    byKind: byKey(grouped, 'kind'),
    byHousingArea: byKey(grouped, 'area'),
    enrolmentsStarted: Number(n.enrolments_started),
    enrolmentsEnded: Object.values(enrolmentsByOutcome).reduce((sum, v) => sum + v, 0),
    enrolmentsByOutcome,
    internshipsStarted: Number(n.internships_started),
    internshipsEnded: Number(n.internships_ended),
    internshipsToJob: Number(n.internships_to_job),
  };
}

/**
 * Referrals made in the period by their status at its end: the last status change before the end,
 * or `sent` when none came before it. A referral accepted in July counts as sent in H1's report.
 */
export async function referralsSection(manager: EntityManager, params: Params): Promise<ReferralsResult> {
  const rows: { status: string; n: string }[] = await manager.query(
    `SELECT COALESCE(last.to_status, 'sent') AS status, count(*) AS n
       FROM counselling_referrals f
       LEFT JOIN LATERAL (
         SELECT c.to_status FROM counselling_referral_status_changes c
          WHERE c.referral_id = f.id AND c.plan_id = $1 AND c.changed_at < ${TO}
          ORDER BY c.changed_at DESC, c.id DESC LIMIT 1) last ON true
      WHERE f.plan_id = $1 AND f.referred_at >= ${FROM} AND f.referred_at < ${TO}
      GROUP BY 1`,
    params,
  );
  return { byStatus: Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])) };
}

/** The plan's own activity kinds with their labels, key → label, for the snapshot. */
export async function planActivityKindLabels(manager: EntityManager, planId: string): Promise<Record<string, string>> {
  const rows: { key: string; label: string }[] = await manager.query(`SELECT key, label FROM activity_kinds WHERE plan_id = $1 ORDER BY key`, [planId]);
  return Object.fromEntries(rows.map((r) => [r.key, r.label]));
}
