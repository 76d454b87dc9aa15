-- POST /residents: the statements the API sends to register one resident (the caller's session,
-- then src/residents/residents.repository.ts REGISTER: the resident into a housing area of the plan,
-- with its audit event, in one statement). Variables: session_id, user_id, plan_id, area_id.
SELECT u.id, u.role, u.plan_id AS "planId", u.organisation_id AS "organisationId"
  FROM sessions s JOIN users u ON u.id = s.user_id
 WHERE s.id = :session_id AND s.user_id = :user_id AND s.revoked_at IS NULL AND (s.expires_at IS NULL OR s.expires_at > now()) AND u.active;
WITH resident AS (
  INSERT INTO residents (plan_id, housing_area_id, compartment, anonymous, pseudonym, first_name, last_name, birth_date, birth_year, gender, phone, email, registered_by)
  SELECT a.plan_id, a.id, 'counselling', false, NULL, 'Amira', 'Bench pgbench', '1984-05-17', 1984, 'female', '+45 20 30 40 50', NULL, :user_id FROM housing_areas a WHERE a.id = :area_id AND a.plan_id = :plan_id
  RETURNING *
), audited AS (
  INSERT INTO audit_events (plan_id, actor_id, actor_role, action, resident_id, entity_type, entity_id, purpose, request_id)
  SELECT r.plan_id, :user_id, 'counsellor', 'resident.registered', r.id, 'resident', r.id, 'counselling', 'pgbench' FROM resident r
)
SELECT id, plan_id AS "planId", housing_area_id AS "housingAreaId", compartment, anonymous, pseudonym, first_name AS "firstName", last_name AS "lastName",
       birth_date::text AS "birthDate", birth_year AS "birthYear", gender, phone, email, registered_by AS "registeredBy", version,
       created_at AS "createdAt", updated_at AS "updatedAt"
  FROM resident;
