-- Benchmark data for the half-year report: one plan (Ishøj) at production-plus size.
--
--   psql -X -q -v ON_ERROR_STOP=1 -d hp_bench -f bench/generate.sql
--
-- Run against a freshly migrated database (bench/half-year-report.mjs does both). Everything is
-- set-based (INSERT ... SELECT over generate_series) and deterministic: pseudo-random choices come
-- from hashint8extended(n, seed), so two runs produce the same data. Sizes are psql variables
-- (defaults below = full size; the runner passes smaller ones with --scale):
--
--   residents 100,000 (2% youth in the job-programme compartment, ~15% of the rest anonymous)
--   cases     1,000,000 opened over 2025-2026, about 8% still open
--   contacts  3,000,000 (one at each case's opening, the rest spread over the case's life)
--   referrals 100,000, plus job programmes with transitions, employers, agreements, consents.
--
-- Ids of generated rows are md5-derived uuids ('r'||n, 'c'||n, ...) so rows can refer to each other
-- without lookups; rows are inserted in time order, as the app would have written them.

\set ON_ERROR_STOP on
\if :{?residents} \else \set residents 100000 \endif
\if :{?cases} \else \set cases 1000000 \endif
\if :{?contacts} \else \set contacts 3000000 \endif
\if :{?referrals} \else \set referrals 100000 \endif

SET synchronous_commit = off;
SET work_mem = '256MB';
SET maintenance_work_mem = '512MB';
SET TimeZone = 'Europe/Copenhagen';

BEGIN;

-- Sizes derived from the variables, kept in a temp table so every statement reads the same ones.
CREATE TEMP TABLE size ON COMMIT DROP AS
SELECT :residents::int AS residents,
       greatest(:residents::int / 50, 1) AS youth,
       :residents::int - greatest(:residents::int / 50, 1) AS counselled,
       :cases::int AS cases,
       :contacts::int AS contacts,
       :referrals::int AS referrals;

-- ------------------------------------------------------------------ plan, areas, organisations, users
INSERT INTO plans (id, name, municipality, valid_from, valid_to, job_programme_target_per_year)
VALUES ('b0000000-0000-4000-8000-000000000001', 'Helhedsplan Ishøj 2025-2029', 'Ishøj', '2025-11-01', '2029-10-31', 18);

INSERT INTO housing_areas (id, plan_id, name, job_programme_eligible)
SELECT md5('area' || n)::uuid, 'b0000000-0000-4000-8000-000000000001', name, n <> 3
  FROM unnest(ARRAY['Vejleåparken', 'Gadekæret', 'Strandgårdsparken']) WITH ORDINALITY AS a(name, n);

INSERT INTO organisations (id, plan_id, name, kind)
SELECT md5('org' || n)::uuid, 'b0000000-0000-4000-8000-000000000001', name, kind
  FROM (VALUES (1, 'Jobcenter Ishøj', 'municipal'), (2, 'Ishøj Kommune, Borgerservice', 'municipal'),
               (3, 'KAB, Vejleåparken', 'housing_association'), (4, 'Ishøj Skole', 'school'),
               (5, 'Røde Kors Ishøj', 'other')) AS o(n, name, kind);

INSERT INTO users (id, plan_id, email, name, role, password_hash) VALUES
  ('b0000000-0000-4000-8000-00000000c001', 'b0000000-0000-4000-8000-000000000001', 'raadgiver@bench.ishoj.example', 'Bench Rådgiver', 'counsellor', 'bench-no-login'),
  ('b0000000-0000-4000-8000-00000000c002', 'b0000000-0000-4000-8000-000000000001', 'leder@bench.ishoj.example', 'Bench Leder', 'leader', 'bench-no-login'),
  ('b0000000-0000-4000-8000-00000000c003', 'b0000000-0000-4000-8000-000000000001', 'socialmedarbejder@bench.ishoj.example', 'Bench Socialmedarbejder', 'social_worker', 'bench-no-login');

-- ------------------------------------------------------------------ residents
-- n <= counselled: counselling compartment, ~15% anonymous (n % 20 < 3); the last 2% are youth in
-- the job-programme compartment. Areas are skewed 50/30/20. Anonymous residents carry a pseudonym
-- (unique per plan) and at most a birth year. Names repeat every 400 residents, so some share a name
-- and a birth date: they are different people, registered as such (confirmed_not_duplicate), or the
-- possible-duplicate indexes (issue 12) would refuse them.
INSERT INTO residents (id, plan_id, housing_area_id, compartment, anonymous, pseudonym, first_name, last_name,
                       birth_date, birth_year, gender, registered_by, created_at, updated_at, confirmed_not_duplicate)
SELECT md5('r' || n)::uuid, 'b0000000-0000-4000-8000-000000000001',
       md5('area' || CASE WHEN a < 5 THEN 1 WHEN a < 8 THEN 2 ELSE 3 END)::uuid,
       CASE WHEN youth THEN 'job_programmes' ELSE 'counselling' END,
       anon,
       CASE WHEN anon THEN 'B' || lpad(to_hex(n), 6, '0') END,
       CASE WHEN NOT anon THEN (ARRAY['Fatima','Mohammed','Anne','Ali','Mette','Ahmad','Hanne','Omar','Susanne','Yusuf',
                                      'Kirsten','Hassan','Lone','Ibrahim','Pia','Emir','Aisha','Jens','Zainab','Peter'])[1 + n % 20] END,
       CASE WHEN NOT anon THEN (ARRAY['Hansen','Nielsen','Jensen','Ahmed','Pedersen','Ali','Andersen','Hussein','Larsen','Yilmaz',
                                      'Sørensen','Khan','Rasmussen','Mohamed','Christensen','Demir','Olsen','Hassan','Madsen','Abdi'])[1 + (n / 20) % 20] END,
       CASE WHEN youth THEN date '2008-01-01' + (h % 1460)::int
            WHEN NOT anon AND b < 6 THEN date '1935-01-01' + (h % (72 * 365))::int END,
       CASE WHEN NOT youth AND ((NOT anon AND b IN (6, 7)) OR (anon AND b % 2 = 0)) THEN (1935 + h % 72)::smallint END,
       CASE WHEN g < 48 THEN 'female' WHEN g < 95 THEN 'male' WHEN g < 97 THEN 'other' ELSE 'unknown' END,
       'b0000000-0000-4000-8000-00000000c001',
       timestamptz '2025-11-01 09:00' + (n * interval '4 minutes'),
       timestamptz '2025-11-01 09:00' + (n * interval '4 minutes'),
       NOT anon
  FROM (SELECT n, n > s.counselled AS youth, n <= s.counselled AND n % 20 < 3 AS anon,
               abs(hashint8extended(n, 11)) AS h, (n * 7) % 10 AS a, (n / 7) % 10 AS b, (n * 31) % 100 AS g
          FROM size s, generate_series(1, s.residents) AS n) r
 ORDER BY n;

-- ------------------------------------------------------------------ counselling cases
-- Case i belongs to counselled resident r = 1 + (i-1) % counselled, as that resident's k-th case
-- (k = (i-1) / counselled, 0..10); its topic is topic[(k + r) % 11], so no resident ever has two
-- cases on one topic and the "one open case per (resident, topic)" index cannot be violated,
-- whichever cases are left open. Opened uniformly over 2025-2026; cases opened from September 2026
-- are open with probability 1/2 (about 8% of all), the rest closed 1-180 days after opening.
CREATE TEMP TABLE gen_cases ON COMMIT DROP AS
SELECT i, md5('c' || i)::uuid AS id, md5('r' || (1 + (i - 1) % s.counselled))::uuid AS resident_id,
       (ARRAY['debt','rent_arrears','family','digital_self_service','benefits','employment','education',
              'housing','health','residence_permit','other'])[1 + ((i - 1) / s.counselled + 1 + (i - 1) % s.counselled) % 11] AS topic,
       o.opened_at,
       CASE WHEN o.opened_at >= timestamptz '2026-09-01' AND abs(hashint8extended(i, 3)) % 2 = 0 THEN NULL
            ELSE o.opened_at + (1 + abs(hashint8extended(i, 4)) % (180 * 86400)) * interval '1 second' END AS closed_at
  FROM size s, generate_series(1, s.cases) AS i,
       LATERAL (SELECT timestamptz '2025-01-01 00:00' + (abs(hashint8extended(i, 1)) % (730 * 86400000::bigint)) * interval '1 millisecond' AS opened_at) o;
CREATE INDEX ON gen_cases (i);
ANALYZE gen_cases;

INSERT INTO counselling_cases (id, plan_id, resident_id, topic, subject, form, status, opened_at, closed_at, outcome, opened_by, created_at)
SELECT id, 'b0000000-0000-4000-8000-000000000001', resident_id, topic,
       CASE WHEN i % 4 = 0 THEN 'Henvendelse ' || i END,
       (ARRAY['open_drop_in','open_drop_in','open_drop_in','appointment','appointment','outreach','job_cafe','event'])[1 + abs(hashint8extended(i, 5)) % 8],
       CASE WHEN closed_at IS NULL THEN 'open' ELSE 'closed' END,
       opened_at, closed_at,
       CASE WHEN closed_at IS NOT NULL THEN (ARRAY['resolved','referred','no_further_action'])[1 + i % 3] END,
       'b0000000-0000-4000-8000-00000000c001', opened_at
  FROM gen_cases
 ORDER BY opened_at;

-- ------------------------------------------------------------------ contacts
-- Contact j <= cases is the conversation at case j's opening; the others fall on pseudo-random
-- cases (so some cases have many contacts, some only one), at a point in the case's life
-- (within 60 days of opening for a case still open). Always occurred_at >= opened_at.
INSERT INTO counselling_contacts (id, plan_id, case_id, occurred_at, channel, duration_minutes, with_appointment, recorded_by, created_at)
SELECT md5('k' || j)::uuid, 'b0000000-0000-4000-8000-000000000001', c.id, t.occurred_at,
       (ARRAY['in_person','in_person','in_person','phone','phone','email','home_visit','video'])[1 + abs(hashint8extended(j, 7)) % 8],
       5 + abs(hashint8extended(j, 8)) % 86,
       abs(hashint8extended(j, 9)) % 3 = 0,
       'b0000000-0000-4000-8000-00000000c001', t.occurred_at
  FROM (SELECT j, CASE WHEN j <= s.cases THEN j ELSE 1 + abs(hashint8extended(j, 6)) % s.cases END AS i
          FROM size s, generate_series(1, s.contacts) AS j) x
  JOIN gen_cases c ON c.i = x.i,
       LATERAL (SELECT CASE WHEN x.j <= (SELECT cases FROM size) THEN c.opened_at
                            ELSE c.opened_at + (abs(hashint8extended(x.j, 10)) % 1000000) / 1000000.0
                                 * COALESCE(c.closed_at - c.opened_at, interval '60 days') END AS occurred_at) t
 ORDER BY t.occurred_at;

-- ------------------------------------------------------------------ referrals
-- Spread evenly over the cases (every cases/referrals-th case); 70% to one of the plan's
-- organisations, the rest to a named recipient outside the plan.
INSERT INTO counselling_referrals (id, plan_id, case_id, organisation_id, recipient_name, reason, referred_at, recorded_by, created_at)
SELECT md5('f' || f)::uuid, 'b0000000-0000-4000-8000-000000000001', c.id,
       CASE WHEN f % 10 < 7 THEN md5('org' || (1 + f % 5))::uuid END,
       CASE WHEN f % 10 >= 7 THEN (ARRAY['Gældsrådgivningen','Ankestyrelsen','Egen læge'])[1 + f % 3] END,
       'Henvist videre', t.referred_at, 'b0000000-0000-4000-8000-00000000c001', t.referred_at
  FROM (SELECT f, 1 + ((f - 1)::bigint * s.cases / s.referrals)::int AS i FROM size s, generate_series(1, s.referrals) AS f) x
  JOIN gen_cases c ON c.i = x.i,
       LATERAL (SELECT c.opened_at + (abs(hashint8extended(f, 12)) % 1000) / 1000.0 * COALESCE(c.closed_at - c.opened_at, interval '30 days') AS referred_at) t
 ORDER BY t.referred_at;

-- ------------------------------------------------------------------ employers and agreements
INSERT INTO employers (id, plan_id, name, cvr, sector, created_at, updated_at)
SELECT md5('e' || e)::uuid, 'b0000000-0000-4000-8000-000000000001', 'Arbejdsgiver ' || e, (30000000 + e)::text,
       CASE WHEN e % 5 = 0 THEN 'public' ELSE 'private' END,
       timestamptz '2025-06-01' + e * interval '1 day', timestamptz '2025-06-01' + e * interval '1 day'
  FROM generate_series(1, greatest((SELECT youth FROM size) / 10, 2)) AS e;

-- One agreement per employer, a second for every fourth; signed from mid-2025 to autumn 2026.
INSERT INTO employer_agreements (id, plan_id, employer_id, signed_at, valid_from, valid_to, capacity, recorded_by)
SELECT md5('ea' || e || '-' || v)::uuid, 'b0000000-0000-4000-8000-000000000001', md5('e' || e)::uuid,
       d, d, CASE WHEN (e + v) % 3 = 0 THEN d + 364 END, 1 + e % 4, 'b0000000-0000-4000-8000-00000000c002'
  FROM generate_series(1, greatest((SELECT youth FROM size) / 10, 2)) AS e, generate_series(1, 2) AS v,
       LATERAL (SELECT date '2025-06-01' + ((abs(hashint8extended(e * 10 + v, 13)) % 500))::int AS d) x
 WHERE v = 1 OR e % 4 = 0;

-- ------------------------------------------------------------------ job programmes
-- One programme per youth, started from November 2025 to October 2026. Each goes through the
-- phases in order, 14-45 days apart, and stops at a pseudo-random stage; a quarter end early
-- ('ended') instead of reaching their last stage.
-- Transitions after 2026-11-15 are not generated (they would be in the future).
CREATE TEMP TABLE gen_transitions ON COMMIT DROP AS
WITH p AS (
  SELECT p, md5('p' || p)::uuid AS id, md5('r' || (s.counselled + p))::uuid AS resident_id,
         date '2025-11-01' + (abs(hashint8extended(p, 20)) % 365)::int AS started_at,
         1 + abs(hashint8extended(p, 21)) % 5 AS stages,          -- how far it gets: 1..5
         abs(hashint8extended(p, 22)) % 4 = 0 AS ends_early
    FROM size s, generate_series(1, s.youth) AS p),
steps AS (
  SELECT p.*, st,
         (p.started_at::timestamp + interval '10 hours') AT TIME ZONE 'Europe/Copenhagen'
           + (SELECT sum(14 + abs(hashint8extended(p.p * 10 + x, 23)) % 32) FROM generate_series(1, st - 1) x) * interval '1 day' AS at_raw,
         CASE WHEN st = p.stages AND p.ends_early AND st >= 2 THEN 'ended'
              WHEN st = 1 THEN 'clarification' WHEN st = 2 THEN 'matching' WHEN st = 3 THEN 'employment'
              WHEN st = 4 THEN 'evaluation' ELSE 'ordinary_job' END AS to_phase
    FROM p, generate_series(1, 5) AS st
   WHERE st <= p.stages)
SELECT p, id, resident_id, started_at, st,
       COALESCE(at_raw, (started_at::timestamp + interval '10 hours') AT TIME ZONE 'Europe/Copenhagen') AS occurred_at, to_phase
  FROM steps;
DELETE FROM gen_transitions WHERE occurred_at >= timestamptz '2026-11-15';

INSERT INTO job_programmes (id, plan_id, resident_id, phase, started_at, finished_at, end_reason,
                            ordinary_job_employer_id, ordinary_job_started_at, created_by, created_at)
SELECT id, 'b0000000-0000-4000-8000-000000000001', resident_id, to_phase, started_at,
       CASE WHEN to_phase IN ('ordinary_job', 'ended') THEN occurred_at END,
       CASE WHEN to_phase = 'ended' THEN 'Flyttet' END,
       CASE WHEN to_phase = 'ordinary_job' THEN md5('e' || (1 + p % greatest((SELECT youth FROM size) / 10, 2)))::uuid END,
       CASE WHEN to_phase = 'ordinary_job' THEN (occurred_at AT TIME ZONE 'Europe/Copenhagen')::date END,
       'b0000000-0000-4000-8000-00000000c003', started_at::timestamp AT TIME ZONE 'Europe/Copenhagen'
  FROM (SELECT DISTINCT ON (p) * FROM gen_transitions ORDER BY p, st DESC) last
 ORDER BY started_at, p;

INSERT INTO job_programme_transitions (plan_id, programme_id, from_phase, to_phase, reason, actor_id, occurred_at)
SELECT 'b0000000-0000-4000-8000-000000000001', id, lag(to_phase) OVER (PARTITION BY p ORDER BY st), to_phase,
       CASE WHEN to_phase = 'ended' THEN 'Flyttet' END, 'b0000000-0000-4000-8000-00000000c003', occurred_at
  FROM gen_transitions
 ORDER BY occurred_at, p, st;

-- An employment for every programme that reached the employment phase, 12 weeks from that day.
INSERT INTO job_programme_employments (programme_id, plan_id, employer_id, contract_signed_by_youth_at, start_date, end_date, hours_per_week)
SELECT id, 'b0000000-0000-4000-8000-000000000001', md5('e' || (1 + p % greatest((SELECT youth FROM size) / 10, 2)))::uuid,
       d - 3, d, d + 84, 6 + p % 10
  FROM gen_transitions, LATERAL (SELECT (occurred_at AT TIME ZONE 'Europe/Copenhagen')::date AS d) x
 WHERE to_phase = 'employment';

-- ------------------------------------------------------------------ consents
-- A consent for every second counselled named resident, given from November 2025 on; half expire
-- after a year; every tenth is withdrawn later.
INSERT INTO consents (id, plan_id, resident_id, scope, given_by, form, given_at, expires_at, recorded_by, created_at)
SELECT md5('k' || n || 'consent')::uuid, 'b0000000-0000-4000-8000-000000000001', md5('r' || n)::uuid,
       (ARRAY['share_counselling','share_counselling','share_job_programme'])[1 + n % 3], 'resident',
       CASE WHEN n % 4 = 0 THEN 'oral' ELSE 'written' END, g,
       CASE WHEN n % 4 < 2 THEN g + interval '365 days' END,
       'b0000000-0000-4000-8000-00000000c001', g
  FROM size s, generate_series(1, s.counselled, 2) AS n,
       LATERAL (SELECT timestamptz '2025-11-01 09:00' + (abs(hashint8extended(n, 30)) % (380 * 86400)) * interval '1 second' AS g) x
 WHERE n % 20 >= 3
 ORDER BY g;

INSERT INTO consent_recipients (consent_id, organisation_id)
SELECT id, md5('org' || (1 + abs(hashint8extended(hashtext(id::text), 31)) % 5))::uuid FROM consents;

INSERT INTO consent_withdrawals (consent_id, withdrawn_at, reason, recorded_by, created_at)
SELECT id, w, 'Trukket tilbage', 'b0000000-0000-4000-8000-00000000c001', w
  FROM (SELECT id, given_at + (1 + abs(hashint8extended(hashtext(id::text), 32)) % (200 * 86400)) * interval '1 second' AS w
          FROM consents WHERE abs(hashtext(id::text)) % 10 = 0) x
 ORDER BY w;

-- ------------------------------------------------------------------ indicators (delmål)
INSERT INTO plan_indicators (plan_id, goal, indicator, unit, baseline, baseline_year, data_source, target, metric, created_at) VALUES
  ('b0000000-0000-4000-8000-000000000001', 'Flere i job', 'Forløb startet', 'antal', 10, 2024, 'Systemet', 18, 'job_programmes_started', '2025-11-01 10:00'),
  ('b0000000-0000-4000-8000-000000000001', 'Flere i job', 'Andel i ordinært fritidsjob', 'andel', 0.3, 2024, 'Systemet', 0.5, 'ordinary_job_share', '2025-11-01 10:01'),
  ('b0000000-0000-4000-8000-000000000001', 'Økonomisk trivsel', 'Rådgivningssager startet', 'antal', 1000, 2024, 'Systemet', 1200, 'counselling_cases_started', '2025-11-01 10:02'),
  ('b0000000-0000-4000-8000-000000000001', 'Økonomisk trivsel', 'Unikke beboere i rådgivning', 'antal', 500, 2024, 'Systemet', 700, 'counselling_unique_residents', '2025-11-01 10:03'),
  ('b0000000-0000-4000-8000-000000000001', 'Tryghed', 'Tryghed i området', 'procent', 70, 2024, 'Tryghedsmåling', 80, NULL, '2025-11-01 10:04');

COMMIT;

VACUUM (ANALYZE);

SELECT 'residents' AS "table", count(*) FROM residents
UNION ALL SELECT 'counselling_cases', count(*) FROM counselling_cases
UNION ALL SELECT 'counselling_cases open', count(*) FROM counselling_cases WHERE status = 'open'
UNION ALL SELECT 'counselling_contacts', count(*) FROM counselling_contacts
UNION ALL SELECT 'counselling_referrals', count(*) FROM counselling_referrals
UNION ALL SELECT 'job_programmes', count(*) FROM job_programmes
UNION ALL SELECT 'job_programme_transitions', count(*) FROM job_programme_transitions
UNION ALL SELECT 'employers', count(*) FROM employers
UNION ALL SELECT 'employer_agreements', count(*) FROM employer_agreements
UNION ALL SELECT 'consents', count(*) FROM consents
UNION ALL SELECT 'consent_withdrawals', count(*) FROM consent_withdrawals;
