import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { PlanActor } from '../access/actor';
import { AuditWriter } from '../audit/audit-writer';
import { todayInPlanZone } from '../common/time';
import { ACTIVE_CONSENT_SQL } from '../consents/consent-state';

export interface ReminderView {
  id: string;
  kind: 'evaluation_due' | 'consent_expiring';
  residentId: string;
  subjectType: string;
  subjectId: string;
  dueOn: string;
  message: string;
}

/** How far ahead reminders look: an evaluation about a month before the employment ends (domain.md phase 4). */
const EVALUATION_LEAD_DAYS = 30;
const EVALUATION_WINDOW_DAYS = 45;
const CONSENT_LEAD_DAYS = 30;

/**
 * Reminders computed set-based by a daily job: evaluation conversations due about a month before
 * an employment ends, and consents about to expire. The table always holds exactly what is due now;
 * a reminder disappears once the evaluation is recorded or the consent renewed or withdrawn.
 */
@Injectable()
export class RemindersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditWriter,
  ) {}

  async compute(today = todayInPlanZone()): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`CREATE TEMP TABLE due_reminders ON COMMIT DROP AS
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
         WHERE ${ACTIVE_CONSENT_SQL('k')} AND k.expires_at < (($1::date + ${CONSENT_LEAD_DAYS})::timestamp AT TIME ZONE 'Europe/Copenhagen')`, [today]);
      await manager.query(`DELETE FROM reminders r WHERE NOT EXISTS (SELECT 1 FROM due_reminders d WHERE d.kind = r.kind AND d.subject_id = r.subject_id)`);
      await manager.query(`INSERT INTO reminders (plan_id, kind, role, resident_id, subject_type, subject_id, due_on, message)
        SELECT plan_id, kind, role, resident_id, subject_type, subject_id, due_on, message FROM due_reminders
        ON CONFLICT (kind, subject_id) DO UPDATE SET due_on = EXCLUDED.due_on, message = EXCLUDED.message, computed_at = now()`);
      const [{ n }] = await manager.query(`SELECT count(*) AS n FROM due_reminders`);
      return Number(n);
    });
  }

  /** The caller's reminders: those of their plan for their role, soonest first. */
  async list(actor: PlanActor): Promise<{ items: ReminderView[]; nextCursor: null }> {
    const rows: (ReminderView & { due_on?: string })[] = await this.dataSource.query(
      `SELECT id, kind, resident_id AS "residentId", subject_type AS "subjectType", subject_id AS "subjectId", to_char(due_on, 'YYYY-MM-DD') AS "dueOn", message
         FROM reminders WHERE plan_id = $1 AND role = $2 ORDER BY due_on, id LIMIT 500`,
      [actor.planId, actor.role],
    );
    await this.audit.record(actor, rows.map((r) => ({ action: 'reminder.listed', purpose: 'reminders', residentId: r.residentId, entityType: 'reminder', entityId: r.id })));
    return { items: rows, nextCursor: null };
  }
}
