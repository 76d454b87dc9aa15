-- GET /counselling-cases?limit=50[&cursor=…]: the statements the API sends for one page, with the
-- read-audit INSERT of one event per case shown. Variables: session_id, user_id, plan_id, cursor_at,
-- cursor_id (a position after every case for the first page).
SELECT u.id, u.role, u.plan_id AS "planId", u.organisation_id AS "organisationId"
  FROM sessions s JOIN users u ON u.id = s.user_id
 WHERE s.id = :session_id AND s.user_id = :user_id AND s.revoked_at IS NULL AND (s.expires_at IS NULL OR s.expires_at > now()) AND u.active;
SELECT array_agg(id) AS ids, array_agg(resident_id) AS residents FROM (
  SELECT c.id, c.plan_id, c.resident_id, c.topic, c.subject, c.form, c.status, c.opened_at, c.closed_at, c.outcome, c.opened_by, c.version, c.created_at
    FROM counselling_cases c WHERE c.plan_id = :plan_id AND c.plan_id = :plan_id AND (c.opened_at, c.id) < (:cursor_at, :cursor_id)
   ORDER BY c.opened_at DESC, c.id DESC LIMIT 51) page \gset page_
INSERT INTO audit_events (plan_id, actor_id, actor_role, action, resident_id, entity_type, entity_id, purpose, request_id)
SELECT :plan_id, :user_id, 'counsellor', 'counselling_case.listed', e.resident_id, 'counselling_case', e.entity_id, 'counselling', 'pgbench'
  FROM unnest((:page_residents::uuid[])[1:50], (:page_ids::uuid[])[1:50]) AS e(resident_id, entity_id);
SELECT r.id, r.plan_id, r.housing_area_id, r.compartment, r.anonymous, r.pseudonym, r.first_name, r.last_name, r.birth_date, r.birth_year, r.gender, r.phone, r.email, r.registered_by, r.version, r.created_at, r.updated_at
  FROM residents r WHERE r.plan_id = :plan_id AND (r.plan_id = :plan_id AND r.compartment = 'counselling') AND r.id = ANY ((:page_residents::uuid[])[1:50]);
SELECT t.id, t.plan_id, t.key, t.label, t.created_at FROM counselling_topics t WHERE t.plan_id = :plan_id ORDER BY t.key;
