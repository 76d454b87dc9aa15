-- POST /counselling-cases: the statements the API sends to open one case.
-- Variables: session_id, user_id, plan_id; first_resident, per_client, topics, k (a per-client counter:
-- client c opens cases for its own residents, one per topic, so no open case is ever opened twice).
\set r :first_resident + :client_id * :per_client + :k / :topics
\set t :k % :topics + 1
\set k :k + 1
SELECT u.id, u.role, u.plan_id AS "planId", u.organisation_id AS "organisationId"
  FROM sessions s JOIN users u ON u.id = s.user_id
 WHERE s.id = :session_id AND s.user_id = :user_id AND s.revoked_at IS NULL AND (s.expires_at IS NULL OR s.expires_at > now()) AND u.active;
BEGIN;
SELECT t.id, t.plan_id, t.key, t.label, t.created_at FROM counselling_topics t WHERE t.plan_id = :plan_id ORDER BY t.key;
SELECT r.id, r.plan_id, r.housing_area_id, r.compartment, r.anonymous, r.pseudonym, r.first_name, r.last_name, r.birth_date, r.birth_year, r.gender, r.phone, r.email, r.registered_by, r.version, r.created_at, r.updated_at
  FROM residents r WHERE r.plan_id = :plan_id AND (r.plan_id = :plan_id AND r.compartment = 'counselling') AND r.id = overlay(overlay(md5('bench-r' || :r) placing '4' from 13) placing '8' from 17)::uuid FOR UPDATE \gset resident_
SELECT c.id, c.plan_id, c.resident_id, c.topic, c.subject, c.form, c.status, c.opened_at, c.closed_at, c.outcome, c.opened_by, c.version, c.created_at
  FROM counselling_cases c WHERE c.plan_id = :plan_id AND c.resident_id = :resident_id AND c.topic = (ARRAY['debt','rent_arrears','family','digital_self_service','benefits','employment','education','housing','health','residence_permit','other'])[:t] AND c.status = 'open';
INSERT INTO counselling_cases (id, plan_id, resident_id, topic, subject, form, status, opened_at, closed_at, outcome, opened_by, version, created_at)
VALUES (DEFAULT, :plan_id, :resident_id, (ARRAY['debt','rent_arrears','family','digital_self_service','benefits','employment','education','housing','health','residence_permit','other'])[:t], NULL, 'open_drop_in', 'open', now(), DEFAULT, DEFAULT, :user_id, 1, DEFAULT)
RETURNING id, status, version, created_at \gset case_
INSERT INTO audit_events (plan_id, actor_id, actor_role, action, resident_id, entity_type, entity_id, purpose, request_id)
SELECT :plan_id, :user_id, 'counsellor', e.action, e.resident_id, e.entity_type, e.entity_id, e.purpose, 'pgbench'
  FROM unnest(ARRAY['counselling_case.opened']::text[], ARRAY[:resident_id]::uuid[], ARRAY['counselling_case']::text[], ARRAY[:case_id]::uuid[], ARRAY['counselling']::text[])
    AS e(action, resident_id, entity_type, entity_id, purpose);
COMMIT;
