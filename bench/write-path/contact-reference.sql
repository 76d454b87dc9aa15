-- The reference transaction of issue 10 for logging a contact: what the API sent before it was made
-- fast (session check, BEGIN, case FOR UPDATE, contact INSERT, audit INSERT, COMMIT), kept as a
-- second ceiling so figures stay comparable with the issue's. Variables as contact.sql.
\set n random(1, :open_cases)
SELECT u.id, u.role, u.plan_id AS "planId", u.organisation_id AS "organisationId"
  FROM sessions s JOIN users u ON u.id = s.user_id
 WHERE s.id = :session_id AND s.user_id = :user_id AND s.revoked_at IS NULL AND (s.expires_at IS NULL OR s.expires_at > now()) AND u.active;
BEGIN;
SELECT c.id, c.plan_id, c.resident_id, c.topic, c.subject, c.form, c.status, c.opened_at, c.closed_at, c.outcome, c.opened_by, c.version, c.created_at
  FROM counselling_cases c WHERE c.plan_id = :plan_id AND c.plan_id = :plan_id AND c.id = overlay(overlay(md5('bench-c' || :n) placing '4' from 13) placing '8' from 17)::uuid FOR UPDATE \gset case_
INSERT INTO counselling_contacts (id, plan_id, case_id, occurred_at, channel, duration_minutes, with_appointment, note, recorded_by, created_at)
VALUES (DEFAULT, :plan_id, :case_id, now() - interval '1 minute', 'in_person', 20, false, NULL, :user_id, DEFAULT) RETURNING id, created_at \gset contact_
INSERT INTO audit_events (plan_id, actor_id, actor_role, action, resident_id, entity_type, entity_id, purpose, request_id)
SELECT :plan_id, :user_id, 'counsellor', e.action, e.resident_id, e.entity_type, e.entity_id, e.purpose, 'pgbench'
  FROM unnest(ARRAY['counselling_contact.recorded']::text[], ARRAY[:case_resident_id]::uuid[], ARRAY['counselling_contact']::text[], ARRAY[:contact_id]::uuid[], ARRAY['counselling']::text[])
    AS e(action, resident_id, entity_type, entity_id, purpose);
COMMIT;
