import type { EntityManager } from 'typeorm';
import type { Counts, HalfYearResult } from './half-year-result';

/**
 * The half-year report, set-based in SQL (architecture.md): each section is one aggregate over
 * the period, never rows loaded into Node. Period bounds are local midnights in Europe/Copenhagen
 * ($2 = first day, $3 = first day after), so summer time is handled by PostgreSQL.
 *
 * Every table read is limited to the plan ($1), joined tables included: a report is the plan's
 * aggregate (the leader's reach in access-policy.ts), never another plan's rows.
 *
 * Counting rule (001_* footnote 7): a case counts once, in the half-year it was opened; cases with
 * a contact in the period are "active". The by-* breakdowns are of cases started.
 */
const FROM = `($2::date::timestamp AT TIME ZONE 'Europe/Copenhagen')`;
const TO = `($3::date::timestamp AT TIME ZONE 'Europe/Copenhagen')`;

// Age at the period's last day. An erased resident keeps the half of the year they were born in:
// on 30 June or 31 December (every report period ends on one) that gives the same age as the
// birth date did, so a re-run report counts them in the same age band. With only a birth year,
// the age reached during that year.
const AGE = `CASE
  WHEN r.birth_date IS NOT NULL THEN date_part('year', age(($3::date - 1), r.birth_date))::int
  WHEN r.birth_year IS NOT NULL AND r.birth_half IS NOT NULL
    THEN date_part('year', $3::date - 1)::int - r.birth_year - CASE WHEN r.birth_half = 2 AND date_part('month', $3::date - 1) < 7 THEN 1 ELSE 0 END
  WHEN r.birth_year IS NOT NULL THEN date_part('year', $3::date - 1)::int - r.birth_year
END`;
const AGE_BAND = `CASE
  WHEN ${AGE} IS NULL THEN 'unknown'
  WHEN ${AGE} < 18 THEN '0-17'
  WHEN ${AGE} < 30 THEN '18-29'
  WHEN ${AGE} < 50 THEN '30-49'
  WHEN ${AGE} < 67 THEN '50-66'
  ELSE '67+'
END`;

export type ReportPeriodParams = [planId: string, fromDate: string, toDate: string];
type Params = ReportPeriodParams;

interface GroupedRow {
  dimension: string;
  key: string | null;
  n: string;
}

function toCounts(rows: GroupedRow[], dimension: string): Counts {
  return Object.fromEntries(rows.filter((r) => r.dimension === dimension).map((r) => [r.key ?? 'unknown', Number(r.n)]));
}

export async function counsellingSection(manager: EntityManager, params: Params): Promise<HalfYearResult['counselling']> {
  // One scan of the period's new cases, grouped five ways at once.
  const started: GroupedRow[] = await manager.query(
    `WITH started AS (
       SELECT c.topic, c.form, ha.name AS area, r.gender, ${AGE_BAND} AS age_band
         FROM counselling_cases c
         JOIN residents r ON r.id = c.resident_id AND r.plan_id = $1
         JOIN housing_areas ha ON ha.id = r.housing_area_id AND ha.plan_id = $1
        WHERE c.plan_id = $1 AND c.opened_at >= ${FROM} AND c.opened_at < ${TO})
     SELECT CASE WHEN GROUPING(topic) = 0 THEN 'topic' WHEN GROUPING(form) = 0 THEN 'form' WHEN GROUPING(area) = 0 THEN 'area'
                 WHEN GROUPING(gender) = 0 THEN 'gender' WHEN GROUPING(age_band) = 0 THEN 'age_band' ELSE 'total' END AS dimension,
            COALESCE(topic, form, area, gender, age_band) AS key, count(*) AS n
       FROM started
      GROUP BY GROUPING SETS ((topic), (form), (area), (gender), (age_band), ())`,
    params,
  );
  // Contacts per channel and distinct active cases are separate statements: count(DISTINCT)
  // inside GROUPING SETS forces one serial sort of every contact (bench/README.md).
  const contacts: { channel: string | null; contacts: string }[] = await manager.query(
    `SELECT channel, count(*) AS contacts
       FROM counselling_contacts
      WHERE plan_id = $1 AND occurred_at >= ${FROM} AND occurred_at < ${TO}
      GROUP BY ROLLUP (channel)`,
    params,
  );
  const [active]: { cases: string }[] = await manager.query(
    `SELECT count(DISTINCT case_id) AS cases FROM counselling_contacts WHERE plan_id = $1 AND occurred_at >= ${FROM} AND occurred_at < ${TO}`,
    params,
  );
  // Residents helped in the period: a case started, or a contact on an older case. A contact is
  // never dated before its case was opened (enforced by the database), so only cases opened
  // before the period can add residents through a contact.
  // Anonymous means served anonymously: a resident named then and erased since still counts as named.
  const [people]: { residents: string; anonymous: string }[] = await manager.query(
    `SELECT count(*) AS residents, count(*) FILTER (WHERE r.anonymous AND NOT r.named_before_erasure) AS anonymous
       FROM residents r
      WHERE r.plan_id = $1
        AND r.id IN (SELECT c.resident_id FROM counselling_cases c
                      WHERE c.plan_id = $1 AND c.opened_at >= ${FROM} AND c.opened_at < ${TO}
                     UNION ALL
                     SELECT c.resident_id FROM counselling_cases c
                      WHERE c.plan_id = $1 AND c.opened_at < ${FROM}
                        AND c.id IN (SELECT k.case_id FROM counselling_contacts k
                                      WHERE k.plan_id = $1 AND k.occurred_at >= ${FROM} AND k.occurred_at < ${TO}))`,
    params,
  );
  const [closed]: { closed: string }[] = await manager.query(
    `SELECT count(*) AS closed FROM counselling_cases WHERE plan_id = $1 AND opened_at < ${TO} AND closed_at >= ${FROM} AND closed_at < ${TO}`,
    params,
  );
  const referrals: { key: string; n: string }[] = await manager.query(
    `SELECT COALESCE(o.name, f.recipient_name) AS key, count(*) AS n
       FROM counselling_referrals f LEFT JOIN organisations o ON o.id = f.organisation_id AND o.plan_id = $1
      WHERE f.plan_id = $1 AND f.referred_at >= ${FROM} AND f.referred_at < ${TO}
      GROUP BY 1`,
    params,
  );
  const total = contacts.find((c) => c.channel === null);
  return {
    casesStarted: Number(started.find((r) => r.dimension === 'total')?.n ?? 0),
    casesActive: Number(active.cases),
    casesClosed: Number(closed.closed),
    contacts: Number(total?.contacts ?? 0),
    uniqueResidents: Number(people.residents),
    anonymousResidents: Number(people.anonymous),
    byTopic: toCounts(started, 'topic'),
    byForm: toCounts(started, 'form'),
    byHousingArea: toCounts(started, 'area'),
    byAgeBand: toCounts(started, 'age_band'),
    byGender: toCounts(started, 'gender'),
    contactsByChannel: Object.fromEntries(contacts.filter((c) => c.channel !== null).map((c) => [c.channel, Number(c.contacts)])),
    referralsByRecipient: Object.fromEntries(referrals.map((r) => [r.key, Number(r.n)])),
  };
}

export async function jobProgrammesSection(manager: EntityManager, params: Params, targetPerYear: number): Promise<HalfYearResult['jobProgrammes']> {
  // A programme's phase at the end of the period is the target of its last transition before then.
  // Programmes that finished before the period began are history, not part of this half-year.
  const phases: { phase: string; n: string }[] = await manager.query(
    `SELECT phase, count(*) AS n FROM (
       SELECT DISTINCT ON (t.programme_id) t.to_phase AS phase, t.occurred_at
         FROM job_programme_transitions t
        WHERE t.plan_id = $1 AND t.occurred_at < ${TO}
        ORDER BY t.programme_id, t.occurred_at DESC, t.id DESC) last
      WHERE phase NOT IN ('ordinary_job', 'ended') OR occurred_at >= ${FROM}
      GROUP BY phase`,
    params,
  );
  const [n]: Record<string, string>[] = await manager.query(
    `SELECT
       (SELECT count(*) FROM job_programmes WHERE plan_id = $1 AND started_at >= $2::date AND started_at < $3::date) AS started,
       (SELECT count(*) FROM job_programme_transitions WHERE plan_id = $1 AND to_phase = 'ended' AND occurred_at >= ${FROM} AND occurred_at < ${TO}) AS ended,
       (SELECT count(*) FROM job_programme_transitions WHERE plan_id = $1 AND to_phase = 'ordinary_job' AND occurred_at >= ${FROM} AND occurred_at < ${TO}) AS to_ordinary_job,
       (SELECT count(*) FROM employer_agreements WHERE plan_id = $1 AND signed_at >= $2::date AND signed_at < $3::date) AS new_agreements,
       (SELECT count(*) FROM (
          SELECT employer_id FROM employer_agreements WHERE plan_id = $1 AND valid_from < $3::date AND (valid_to IS NULL OR valid_to >= $2::date)
          UNION
          SELECT employer_id FROM job_programme_employments WHERE plan_id = $1 AND start_date < $3::date AND end_date >= $2::date) e) AS employers_active`,
    params,
  );
  const ended = Number(n.ended);
  const toOrdinaryJob = Number(n.to_ordinary_job);
  return {
    started: Number(n.started),
    targetPerYear,
    byPhaseAtEnd: Object.fromEntries(phases.map((p) => [p.phase, Number(p.n)])),
    ended,
    toOrdinaryJob,
    ordinaryJobShare: toOrdinaryJob + ended > 0 ? toOrdinaryJob / (toOrdinaryJob + ended) : null,
    employersActive: Number(n.employers_active),
    newAgreements: Number(n.new_agreements),
  };
}

export async function consentsSection(manager: EntityManager, params: Params): Promise<HalfYearResult['consents']> {
  const [n]: Record<string, string>[] = await manager.query(
    `SELECT
       count(*) FILTER (WHERE k.given_at >= ${FROM} AND k.given_at < ${TO}) AS given,
       count(*) FILTER (WHERE w.withdrawn_at >= ${FROM} AND w.withdrawn_at < ${TO}) AS withdrawn,
       count(*) FILTER (WHERE k.given_at < ${TO} AND (k.expires_at IS NULL OR k.expires_at >= ${TO})
                          AND (w.withdrawn_at IS NULL OR w.withdrawn_at >= ${TO})) AS active_at_end
       FROM consents k LEFT JOIN consent_withdrawals w ON w.consent_id = k.id
      WHERE k.plan_id = $1`,
    params,
  );
  return { given: Number(n.given), withdrawn: Number(n.withdrawn), activeAtEnd: Number(n.active_at_end) };
}

/** The plan's own counselling topics (counselling_topics) with their labels, key → label. */
export async function planTopicLabels(manager: EntityManager, planId: string): Promise<Record<string, string>> {
  const rows: { key: string; label: string }[] = await manager.query(`SELECT key, label FROM counselling_topics WHERE plan_id = $1 ORDER BY key`, [planId]);
  return Object.fromEntries(rows.map((r) => [r.key, r.label]));
}
