import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SqlCondition } from '../access/access-policy';
import type { PlanActor } from '../access/actor';
import { ACTIVE_CONSENT_SQL } from '../consents/consent-state';
import type { ReminderResponse } from './dto/reminder-response.dto';

/** A reminder as stored; the service names its resident. */
export type DueReminder = Omit<ReminderResponse, 'residentName'>;

/** How far ahead reminders look: an evaluation about a month before the employment ends (domain.md phase 4). */
const EVALUATION_LEAD_DAYS = 30;
const EVALUATION_WINDOW_DAYS = 45;
const CONSENT_LEAD_DAYS = 30;
/** The most reminders one answer carries; a role's list is what is due now, a screenful, not a history. */
const LIST_LIMIT = 500;

/**
 * A running programme whose guardian has withdrawn the participation consent since it started, and
 * that has no active one: it cannot move forward (phase-machine.ts) until a guardian consents again,
 * so its social workers are told. A programme that never had a consent (a fresh clarification) is
 * not reminded: getting the consent is what clarification is for.
 */
const PARTICIPATION_CONSENT_WITHDRAWN_SQL = `
  SELECT p.plan_id, 'participation_consent_withdrawn'::text AS kind, 'social_worker'::text AS role, p.resident_id,
         'job_programme'::text AS subject_type, p.id AS subject_id, (w.withdrawn_at AT TIME ZONE 'Europe/Copenhagen')::date AS due_on,
         'Samtykke trukket tilbage: forælderens samtykke til fritidsjobforløbet blev trukket tilbage '
           || to_char(w.withdrawn_at AT TIME ZONE 'Europe/Copenhagen', 'DD-MM-YYYY')
           || '. Forløbet kan ikke gå videre til næste fase, før en forælder giver samtykke igen; ellers afslut forløbet' AS message
    FROM job_programmes p
    JOIN LATERAL (
      SELECT max(cw.withdrawn_at) AS withdrawn_at
        FROM consents k JOIN consent_withdrawals cw ON cw.consent_id = k.id
       WHERE k.resident_id = p.resident_id AND k.scope = 'job_programme_participation' AND k.given_by = 'guardian'
         AND cw.withdrawn_at <= now() AND cw.withdrawn_at >= (p.started_at::timestamp AT TIME ZONE 'Europe/Copenhagen')) w ON w.withdrawn_at IS NOT NULL
   WHERE p.phase NOT IN ('ordinary_job', 'ended')
     AND NOT EXISTS (SELECT 1 FROM consents k WHERE k.resident_id = p.resident_id AND k.scope = 'job_programme_participation'
                        AND k.given_by = 'guardian' AND ${ACTIVE_CONSENT_SQL('k')})`;

const DUE_REMINDERS_SQL = `CREATE TEMP TABLE due_reminders ON COMMIT DROP AS
  SELECT e.plan_id, 'evaluation_due'::text AS kind, 'social_worker'::text AS role, p.resident_id,
         'job_programme'::text AS subject_type, p.id AS subject_id, (e.end_date - ${EVALUATION_LEAD_DAYS}) AS due_on,
         'Evalueringssamtale: ansættelsen slutter ' || to_char(e.end_date, 'DD-MM-YYYY') || ', og der er ikke holdt en evalueringssamtale den seneste tid' AS message
    FROM job_programme_employments e JOIN job_programmes p ON p.id = e.programme_id
   WHERE p.phase IN ('employment', 'evaluation')
     AND $1::date BETWEEN e.end_date - ${EVALUATION_WINDOW_DAYS} AND e.end_date
     AND NOT EXISTS (SELECT 1 FROM job_programme_conversations c WHERE c.programme_id = p.id AND c.kind = 'evaluation'
                       AND c.occurred_at >= ((e.end_date - ${EVALUATION_WINDOW_DAYS})::timestamp AT TIME ZONE 'Europe/Copenhagen'))
  UNION ALL
  SELECT k.plan_id, 'consent_expiring', CASE r.compartment WHEN 'counselling' THEN 'counsellor' ELSE 'social_worker' END, k.resident_id,
         'consent', k.id, (k.expires_at AT TIME ZONE 'Europe/Copenhagen')::date,
         'Samtykke (' || k.scope || ') udløber ' || to_char(k.expires_at AT TIME ZONE 'Europe/Copenhagen', 'DD-MM-YYYY') || '; forny det eller lad det udløbe'
    FROM consents k JOIN residents r ON r.id = k.resident_id
   WHERE ${ACTIVE_CONSENT_SQL('k')} AND k.expires_at < (($1::date + ${CONSENT_LEAD_DAYS})::timestamp AT TIME ZONE 'Europe/Copenhagen')
  UNION ALL${PARTICIPATION_CONSENT_WITHDRAWN_SQL}`;

/**
 * The reminders table and the set-based SQL that fills it. The daily computation runs over every
 * plan as the system, not as a user; the list a user reads is scoped to their plan, their role and
 * the residents the policy layer lets them read.
 */
@Injectable()
export class RemindersRepository {
  /** Makes the table hold exactly what is due on `today`; answers how many are due. */
  async recompute(manager: EntityManager, today: string): Promise<number> {
    await manager.query(DUE_REMINDERS_SQL, [today]);
    await manager.query(`DELETE FROM reminders r WHERE NOT EXISTS (SELECT 1 FROM due_reminders d WHERE d.kind = r.kind AND d.subject_id = r.subject_id)`);
    await manager.query(`INSERT INTO reminders (plan_id, kind, role, resident_id, subject_type, subject_id, due_on, message)
      SELECT plan_id, kind, role, resident_id, subject_type, subject_id, due_on, message FROM due_reminders
      ON CONFLICT (kind, subject_id) DO UPDATE SET due_on = EXCLUDED.due_on, message = EXCLUDED.message, computed_at = now()`);
    const [{ n }] = await manager.query(`SELECT count(*) AS n FROM due_reminders`);
    return Number(n);
  }

  /** The actor's reminders, soonest first: their plan's, for their role, about residents `readable` lets them read. */
  dueFor(manager: EntityManager, actor: PlanActor, readable: (alias: string) => SqlCondition): Promise<DueReminder[]> {
    const policy = readable('r');
    return manager
      .createQueryBuilder()
      .select('m.id', 'id')
      .addSelect('m.kind', 'kind')
      .addSelect('m.resident_id', 'residentId')
      .addSelect('m.subject_type', 'subjectType')
      .addSelect('m.subject_id', 'subjectId')
      .addSelect(`to_char(m.due_on, 'YYYY-MM-DD')`, 'dueOn')
      .addSelect('m.message', 'message')
      .from('reminders', 'm')
      .innerJoin('residents', 'r', 'r.id = m.resident_id')
      .where('m.plan_id = :planId AND m.role = :role', { planId: actor.planId, role: actor.role })
      .andWhere(policy.sql, policy.params)
      .orderBy('m.due_on')
      .addOrderBy('m.id')
      .limit(LIST_LIMIT)
      .getRawMany<DueReminder>();
  }
}
