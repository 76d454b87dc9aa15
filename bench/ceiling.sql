-- The ceiling for the half-year report benchmark: the same numbers as the report job
-- (src/statistics/report-queries.ts), written by hand the way a DBA would in psql, against the
-- same schema and indexes and with the server's own settings (no SET work_mem, no extra indexes).
--
--   psql -X -q -d hp_bench -f bench/ceiling.sql
--   psql -X -q -d hp_bench -v from=2026-07-01 -v to=2027-01-01 -f bench/ceiling.sql
--
-- Period: H1 2026 unless -v from=/to= are given; bounds are local midnights in Europe/Copenhagen,
-- like the report's. Every statement prints rows "metric|key|value", where metric is the path of
-- the number in the report's result (counselling.byTopic, ...), so bench/half-year-report.mjs can
-- compare them one by one; "@@ name" lines name the statement whose \timing follows.
--
-- Where this differs from the report's SQL (and why it is faster):
--   * age bands are computed once per resident (100k rows), not five times per started case;
--   * contacts per channel and distinct active cases are two plain aggregates instead of one
--     GROUPING SETS query with count(DISTINCT), which sorts every contact of the period;
--   * unique residents: a resident is involved through a case opened in the period, or through a
--     case opened BEFORE the period that had a contact in it; cases opened during the period need
--     no join to contacts, and cases opened after it cannot have a contact in it (the API refuses
--     a contact dated before its case was opened). The resident ids are de-duplicated by a
--     semi-join (hash on ~100k ids) instead of a UNION that sorts ~1M rows;
--   * closed cases: closed_at >= opened_at, so only cases opened before the period's end are read.

\set ON_ERROR_STOP on
\if :{?from} \else \set from 2026-01-01 \endif
\if :{?to} \else \set to 2026-07-01 \endif
\if :{?plan_name} \else \set plan_name 'Helhedsplan Ishøj 2025-2029' \endif
\pset format unaligned
\pset tuples_only on
\pset footer off
\timing on

\echo @@ setup
SELECT id AS plan, job_programme_target_per_year AS target_per_year,
       (:'from'::timestamp AT TIME ZONE 'Europe/Copenhagen') AS f,
       (:'to'::timestamp AT TIME ZONE 'Europe/Copenhagen') AS t,
       :'to'::date - 1 AS last_day
  FROM plans WHERE name = :'plan_name' \gset

-- ------------------------------------------------------------------ counselling
\echo @@ cases started, by topic/form/area/gender/age band
WITH person AS (
  SELECT r.id, ha.name AS area, r.gender,
         CASE WHEN a IS NULL THEN 'unknown' WHEN a < 18 THEN '0-17' WHEN a < 30 THEN '18-29'
              WHEN a < 50 THEN '30-49' WHEN a < 67 THEN '50-66' ELSE '67+' END AS age_band
    FROM residents r
    JOIN housing_areas ha ON ha.id = r.housing_area_id,
         LATERAL (SELECT COALESCE(extract(year FROM age(:'last_day'::date, r.birth_date))::int,
                                  extract(year FROM :'last_day'::date)::int - r.birth_year) AS a) x
   WHERE r.plan_id = :'plan')
SELECT CASE WHEN GROUPING(c.topic) = 0 THEN 'counselling.byTopic' WHEN GROUPING(c.form) = 0 THEN 'counselling.byForm'
            WHEN GROUPING(p.area) = 0 THEN 'counselling.byHousingArea' WHEN GROUPING(p.gender) = 0 THEN 'counselling.byGender'
            WHEN GROUPING(p.age_band) = 0 THEN 'counselling.byAgeBand' ELSE 'counselling.casesStarted' END,
       COALESCE(c.topic, c.form, p.area, p.gender, p.age_band), count(*)
  FROM counselling_cases c
  JOIN person p ON p.id = c.resident_id
 WHERE c.plan_id = :'plan' AND c.opened_at >= :'f' AND c.opened_at < :'t'
 GROUP BY GROUPING SETS ((c.topic), (c.form), (p.area), (p.gender), (p.age_band), ());

\echo @@ contacts, by channel
SELECT CASE WHEN channel IS NULL THEN 'counselling.contacts' ELSE 'counselling.contactsByChannel' END, channel, count(*)
  FROM counselling_contacts
 WHERE plan_id = :'plan' AND occurred_at >= :'f' AND occurred_at < :'t'
 GROUP BY ROLLUP (channel);

\echo @@ active cases (a contact in the period)
SELECT 'counselling.casesActive', NULL, count(DISTINCT case_id)
  FROM counselling_contacts
 WHERE plan_id = :'plan' AND occurred_at >= :'f' AND occurred_at < :'t';

\echo @@ unique and anonymous residents
SELECT m.metric, NULL, m.n
  FROM (SELECT count(*) AS residents, count(*) FILTER (WHERE r.anonymous) AS anonymous
          FROM residents r
         WHERE r.plan_id = :'plan'
           AND r.id IN (SELECT c.resident_id FROM counselling_cases c
                         WHERE c.plan_id = :'plan' AND c.opened_at >= :'f' AND c.opened_at < :'t'
                        UNION ALL
                        SELECT c.resident_id FROM counselling_cases c
                         WHERE c.plan_id = :'plan' AND c.opened_at < :'f'
                           AND c.id IN (SELECT k.case_id FROM counselling_contacts k
                                         WHERE k.plan_id = :'plan' AND k.occurred_at >= :'f' AND k.occurred_at < :'t'))) x,
       LATERAL (VALUES ('counselling.uniqueResidents', x.residents), ('counselling.anonymousResidents', x.anonymous)) AS m(metric, n);

\echo @@ cases closed
SELECT 'counselling.casesClosed', NULL, count(*)
  FROM counselling_cases
 WHERE plan_id = :'plan' AND opened_at < :'t' AND closed_at >= :'f' AND closed_at < :'t';

\echo @@ referrals, by recipient
SELECT 'counselling.referralsByRecipient', COALESCE(o.name, f.recipient_name), count(*)
  FROM counselling_referrals f
  LEFT JOIN organisations o ON o.id = f.organisation_id
 WHERE f.plan_id = :'plan' AND f.referred_at >= :'f' AND f.referred_at < :'t'
 GROUP BY 2;

-- ------------------------------------------------------------------ job programmes
\echo @@ programmes by phase at the end of the period
SELECT 'jobProgrammes.byPhaseAtEnd', phase, count(*)
  FROM (SELECT DISTINCT ON (programme_id) to_phase AS phase, occurred_at
          FROM job_programme_transitions
         WHERE plan_id = :'plan' AND occurred_at < :'t'
         ORDER BY programme_id, occurred_at DESC, id DESC) last
 WHERE phase NOT IN ('ordinary_job', 'ended') OR occurred_at >= :'f'
 GROUP BY phase;

\echo @@ programmes started, ended, to ordinary job; employers
SELECT m.metric, NULL, m.n
  FROM (SELECT (SELECT count(*) FROM job_programmes
                 WHERE plan_id = :'plan' AND started_at >= :'from'::date AND started_at < :'to'::date) AS started,
               t.ended, t.to_ordinary_job,
               (SELECT count(*) FROM employer_agreements
                 WHERE plan_id = :'plan' AND signed_at >= :'from'::date AND signed_at < :'to'::date) AS new_agreements,
               (SELECT count(*) FROM (SELECT employer_id FROM employer_agreements
                                       WHERE plan_id = :'plan' AND valid_from < :'to'::date AND (valid_to IS NULL OR valid_to >= :'from'::date)
                                      UNION
                                      SELECT employer_id FROM job_programme_employments
                                       WHERE plan_id = :'plan' AND start_date < :'to'::date AND end_date >= :'from'::date) e) AS employers_active
          FROM (SELECT count(*) FILTER (WHERE to_phase = 'ended') AS ended,
                       count(*) FILTER (WHERE to_phase = 'ordinary_job') AS to_ordinary_job
                  FROM job_programme_transitions
                 WHERE plan_id = :'plan' AND to_phase IN ('ended', 'ordinary_job') AND occurred_at >= :'f' AND occurred_at < :'t') t) x,
       LATERAL (VALUES ('jobProgrammes.started', x.started::numeric), ('jobProgrammes.ended', x.ended), ('jobProgrammes.toOrdinaryJob', x.to_ordinary_job),
                       ('jobProgrammes.ordinaryJobShare', x.to_ordinary_job::numeric / NULLIF(x.to_ordinary_job + x.ended, 0)),
                       ('jobProgrammes.newAgreements', x.new_agreements), ('jobProgrammes.employersActive', x.employers_active),
                       ('jobProgrammes.targetPerYear', :'target_per_year'::numeric)) AS m(metric, n);

-- ------------------------------------------------------------------ consents
\echo @@ consents given, withdrawn, active at the end
SELECT m.metric, NULL, m.n
  FROM (SELECT count(*) FILTER (WHERE k.given_at >= :'f' AND k.given_at < :'t') AS given,
               count(*) FILTER (WHERE w.withdrawn_at >= :'f' AND w.withdrawn_at < :'t') AS withdrawn,
               count(*) FILTER (WHERE k.given_at < :'t' AND (k.expires_at IS NULL OR k.expires_at >= :'t')
                                  AND (w.withdrawn_at IS NULL OR w.withdrawn_at >= :'t')) AS active_at_end
          FROM consents k
          LEFT JOIN consent_withdrawals w ON w.consent_id = k.id
         WHERE k.plan_id = :'plan') x,
       LATERAL (VALUES ('consents.given', x.given), ('consents.withdrawn', x.withdrawn), ('consents.activeAtEnd', x.active_at_end)) AS m(metric, n);

-- ------------------------------------------------------------------ referrals and activities (issue 12)
\echo @@ referrals by their status at the end of the period
SELECT 'referrals.byStatus', COALESCE(last.to_status, 'sent'), count(*)
  FROM counselling_referrals f
  LEFT JOIN LATERAL (SELECT c.to_status FROM counselling_referral_status_changes c
                      WHERE c.referral_id = f.id AND c.changed_at < :'t'
                      ORDER BY c.changed_at DESC, c.id DESC LIMIT 1) last ON true
 WHERE f.plan_id = :'plan' AND f.referred_at >= :'f' AND f.referred_at < :'t'
 GROUP BY 2;

\echo @@ activities: sessions, head counts, enrolments, internships
SELECT m.metric, NULL, m.n
  FROM (SELECT (SELECT count(*) FROM activity_sessions WHERE plan_id = :'plan' AND starts_at >= :'f' AND starts_at < :'t') AS sessions,
               (SELECT COALESCE(sum(GREATEST(s.headcount_total, (SELECT count(*) FROM activity_session_participants p WHERE p.session_id = s.id))), 0)
                  FROM activity_sessions s WHERE s.plan_id = :'plan' AND s.starts_at >= :'f' AND s.starts_at < :'t') AS headcount,
               (SELECT count(*) FROM (SELECT p.resident_id FROM activity_session_participants p JOIN activity_sessions s ON s.id = p.session_id
                                       WHERE p.plan_id = :'plan' AND s.starts_at >= :'f' AND s.starts_at < :'t'
                                      UNION
                                      SELECT resident_id FROM activity_enrolments
                                       WHERE plan_id = :'plan' AND started_on < :'to'::date AND (ended_on IS NULL OR ended_on >= :'from'::date)) u) AS participants,
               (SELECT count(*) FROM activity_enrolments WHERE plan_id = :'plan' AND started_on >= :'from'::date AND started_on < :'to'::date) AS enrolments_started,
               (SELECT count(*) FROM activity_enrolments WHERE plan_id = :'plan' AND ended_on >= :'from'::date AND ended_on < :'to'::date) AS enrolments_ended,
               (SELECT count(*) FROM internships WHERE plan_id = :'plan' AND starts_on >= :'from'::date AND starts_on < :'to'::date) AS internships_started,
               (SELECT count(*) FROM internships WHERE plan_id = :'plan' AND ended_on >= :'from'::date AND ended_on < :'to'::date) AS internships_ended,
               (SELECT count(*) FROM internships WHERE plan_id = :'plan' AND ended_on >= :'from'::date AND ended_on < :'to'::date AND outcome = 'job') AS internships_to_job) x,
       LATERAL (VALUES ('activities.sessions', x.sessions), ('activities.headcount', x.headcount), ('activities.uniqueParticipants', x.participants),
                       ('activities.enrolmentsStarted', x.enrolments_started), ('activities.enrolmentsEnded', x.enrolments_ended),
                       ('activities.internshipsStarted', x.internships_started), ('activities.internshipsEnded', x.internships_ended),
                       ('activities.internshipsToJob', x.internships_to_job)) AS m(metric, n);
