-- POST /counselling-cases/:id/contacts: the statement the API sends for one contact
-- (src/counselling/case-activity.repository.ts RECORD_CONTACT: check the caller's session, lock,
-- check, insert the contact and its audit event in one statement).
-- Variables (set by bench/write-path.mjs): session_id, user_id, plan_id, open_cases.
\set n random(1, :open_cases)
WITH caller AS (
  SELECT u.id, u.role, u.plan_id, u.organisation_id FROM sessions s JOIN users u ON u.id = s.user_id
   WHERE s.id = :session_id AND s.user_id = :user_id AND s.revoked_at IS NULL AND (s.expires_at IS NULL OR s.expires_at > now()) AND u.active
), target AS (
  SELECT c.id, c.resident_id, c.status, c.opened_at, r.erased_at IS NOT NULL AS erased
    FROM counselling_cases c JOIN residents r ON r.id = c.resident_id, caller a
   WHERE c.id = overlay(overlay(md5('bench-c' || :n) placing '4' from 13) placing '8' from 17)::uuid AND c.plan_id = a.plan_id AND a.role = ANY('{counsellor}'::text[]) FOR UPDATE OF c
), contact AS (
  INSERT INTO counselling_contacts (plan_id, case_id, occurred_at, channel, duration_minutes, with_appointment, note, recorded_by)
  SELECT a.plan_id, t.id, now() - interval '1 minute', 'in_person', 20, false, NULL, a.id FROM target t, caller a WHERE t.status = 'open' AND NOT t.erased AND timezone('Europe/Copenhagen', t.opened_at)::date <= timezone('Europe/Copenhagen', now() - interval '1 minute')::date AND true
  RETURNING id, plan_id, case_id, occurred_at, channel, duration_minutes, with_appointment, note, recorded_by, created_at
), audited AS (
  INSERT INTO audit_events (plan_id, actor_id, actor_role, action, resident_id, entity_type, entity_id, purpose, request_id)
  SELECT a.plan_id, a.id, a.role, 'counselling_contact.recorded', t.resident_id, 'counselling_contact', k.id, 'counselling', 'pgbench' FROM contact k, target t, caller a
)
SELECT a.role AS "callerRole", a.plan_id AS "callerPlanId", a.organisation_id AS "callerOrganisationId", t.resident_id AS "residentId", t.status, t.opened_at AS "openedAt", t.erased AS "residentErased",
       k.id, k.plan_id AS "planId", k.case_id AS "caseId", k.occurred_at AS "occurredAt", k.channel, k.duration_minutes AS "durationMinutes",
       k.with_appointment AS "withAppointment", k.note, k.recorded_by AS "recordedBy", k.created_at AS "createdAt"
  FROM (SELECT 1) one LEFT JOIN caller a ON true LEFT JOIN target t ON true LEFT JOIN contact k ON true;
