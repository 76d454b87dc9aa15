-- POST /residents: the statements the API sends to register one resident.
-- Variables: session_id, user_id, plan_id, area_id.
SELECT u.id, u.role, u.plan_id AS "planId", u.organisation_id AS "organisationId"
  FROM sessions s JOIN users u ON u.id = s.user_id
 WHERE s.id = :session_id AND s.user_id = :user_id AND s.revoked_at IS NULL AND (s.expires_at IS NULL OR s.expires_at > now()) AND u.active;
BEGIN;
SELECT a.id, a.plan_id, a.name, a.job_programme_eligible, a.created_at FROM housing_areas a WHERE a.id = :area_id AND a.plan_id = :plan_id LIMIT 1;
INSERT INTO residents (id, plan_id, housing_area_id, compartment, anonymous, pseudonym, first_name, last_name, birth_date, birth_year, gender, phone, email, registered_by, version, created_at, updated_at)
VALUES (DEFAULT, :plan_id, :area_id, 'counselling', false, NULL, 'Amira', 'Bench pgbench', '1984-05-17', 1984, 'female', '+45 20 30 40 50', NULL, :user_id, 1, DEFAULT, DEFAULT)
RETURNING id, gender, version, created_at, updated_at \gset resident_
INSERT INTO audit_events (plan_id, actor_id, actor_role, action, resident_id, entity_type, entity_id, purpose, request_id)
SELECT :plan_id, :user_id, 'counsellor', e.action, e.resident_id, e.entity_type, e.entity_id, e.purpose, 'pgbench'
  FROM unnest(ARRAY['resident.registered']::text[], ARRAY[:resident_id]::uuid[], ARRAY['resident']::text[], ARRAY[:resident_id]::uuid[], ARRAY['counselling']::text[])
    AS e(action, resident_id, entity_type, entity_id, purpose);
COMMIT;
