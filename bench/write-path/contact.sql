-- POST /counselling-cases/:id/contacts: the statements the API sends for one contact (the caller's
-- session, then src/counselling/case-activity.repository.ts RECORD_CONTACT: lock, check, insert the
-- contact and its audit event in one statement).
-- Variables (set by bench/write-path.mjs): session_id, user_id, plan_id, open_cases.
\set n random(1, :open_cases)
SELECT u.id, u.role, u.plan_id AS "planId", u.organisation_id AS "organisationId"
  FROM sessions s JOIN users u ON u.id = s.user_id
 WHERE s.id = :session_id AND s.user_id = :user_id AND s.revoked_at IS NULL AND (s.expires_at IS NULL OR s.expires_at > now()) AND u.active;
WITH target AS (
  SELECT c.id, c.resident_id, c.status, c.opened_at FROM counselling_cases c WHERE c.id = overlay(overlay(md5('bench-c' || :n) placing '4' from 13) placing '8' from 17)::uuid AND c.plan_id = :plan_id FOR UPDATE
), contact AS (
  INSERT INTO counselling_contacts (plan_id, case_id, occurred_at, channel, duration_minutes, with_appointment, note, recorded_by)
  SELECT :plan_id, t.id, now() - interval '1 minute', 'in_person', 20, false, NULL, :user_id FROM target t WHERE t.status = 'open' AND t.opened_at <= now() - interval '1 minute' AND true
  RETURNING id, plan_id, case_id, occurred_at, channel, duration_minutes, with_appointment, note, recorded_by, created_at
), audited AS (
  INSERT INTO audit_events (plan_id, actor_id, actor_role, action, resident_id, entity_type, entity_id, purpose, request_id)
  SELECT :plan_id, :user_id, 'counsellor', 'counselling_contact.recorded', t.resident_id, 'counselling_contact', k.id, 'counselling', 'pgbench' FROM contact k, target t
)
SELECT t.resident_id AS "residentId", t.status, t.opened_at AS "openedAt",
       k.id, k.plan_id AS "planId", k.case_id AS "caseId", k.occurred_at AS "occurredAt", k.channel, k.duration_minutes AS "durationMinutes",
       k.with_appointment AS "withAppointment", k.note, k.recorded_by AS "recordedBy", k.created_at AS "createdAt"
  FROM target t LEFT JOIN contact k ON true;
