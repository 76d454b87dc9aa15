-- POST /residents: the statements the API sends to register one resident (the caller's session,
-- then src/residents/residents.repository.ts REGISTER: the check for possible duplicates in the
-- caller's compartment, the resident into a housing area of the plan, with its audit event, in one
-- statement). Variables: session_id, user_id, plan_id, area_id. A different person each time.
\set n random(1, 1000000000)
SELECT u.id, u.role, u.plan_id AS "planId", u.organisation_id AS "organisationId"
  FROM sessions s JOIN users u ON u.id = s.user_id
 WHERE s.id = :session_id AND s.user_id = :user_id AND s.revoked_at IS NULL AND (s.expires_at IS NULL OR s.expires_at > now()) AND u.active;
WITH duplicates AS (
  SELECT m.id FROM (
    SELECT d.id, d.created_at FROM residents d
     WHERE d.plan_id = :plan_id AND d.compartment = 'counselling' AND d.erased_at IS NULL
       AND ((resident_name_key(d.first_name, d.last_name) = resident_name_key('Amira', 'Bench pgbench ' || :n) AND d.birth_date = '1984-05-17'::date)
            OR resident_phone_key(d.phone) = resident_phone_key('+45 ' || lpad(:n::text, 9, '0')))
    OFFSET 0) m
   ORDER BY m.created_at, m.id
   LIMIT 10
), resident AS (
  INSERT INTO residents (plan_id, housing_area_id, compartment, anonymous, pseudonym, first_name, last_name, birth_date, birth_year, gender, phone, email, registered_by, confirmed_not_duplicate)
  SELECT a.plan_id, a.id, 'counselling', false, NULL, 'Amira', 'Bench pgbench ' || :n, '1984-05-17', 1984, 'female', '+45 ' || lpad(:n::text, 9, '0'), NULL, :user_id, false AND EXISTS (SELECT 1 FROM duplicates)
    FROM housing_areas a WHERE a.id = :area_id AND a.plan_id = :plan_id AND (false OR NOT EXISTS (SELECT 1 FROM duplicates))
  RETURNING *
), audited AS (
  INSERT INTO audit_events (plan_id, actor_id, actor_role, action, resident_id, entity_type, entity_id, purpose, request_id)
  SELECT r.plan_id, :user_id, 'counsellor', CASE WHEN EXISTS (SELECT 1 FROM duplicates) THEN 'resident.registered_despite_possible_duplicates' ELSE 'resident.registered' END,
         r.id, 'resident', r.id, 'counselling', 'pgbench' FROM resident r
)
SELECT r.id, r.plan_id AS "planId", r.housing_area_id AS "housingAreaId", r.compartment, r.anonymous, r.pseudonym, r.first_name AS "firstName", r.last_name AS "lastName",
       r.birth_date::text AS "birthDate", r.birth_year AS "birthYear", r.gender, r.phone, r.email, r.registered_by AS "registeredBy", r.erased_at AS "erasedAt", r.version,
       r.confirmed_not_duplicate AS "confirmedNotDuplicate", r.created_at AS "createdAt", r.updated_at AS "updatedAt",
       (SELECT array_agg(d.id) FROM duplicates d) AS "duplicateIds",
       EXISTS (SELECT 1 FROM housing_areas a WHERE a.id = :area_id AND a.plan_id = :plan_id) AS "areaFound"
  FROM (SELECT 1) one LEFT JOIN resident r ON true;
