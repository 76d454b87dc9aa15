import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ERASED_TEXT, type ResidentDataPart } from '../residents/resident-data-part';

export interface ProgrammeSection {
  jobProgrammes: unknown[];
}

/** A programme still running: not yet in an ordinary job and not ended. */
export const RUNNING_PROGRAMME_SQL = (p: string) => `${p}.phase NOT IN ('ordinary_job', 'ended')`;

/**
 * A youth's leisure-job programmes with their history, conversations, matches, employment and
 * timesheets, for their copy and their erasure. An erasure blanks what was written about the
 * youth (conversation notes, reasons for phase changes and for ending, the employment's exception
 * reason); phases, dates, employers and hours stay, so the half-year counts stay what they were.
 */
@Injectable()
export class ProgrammeResidentData implements ResidentDataPart<ProgrammeSection> {
  async sectionOf(manager: EntityManager, planId: string, residentId: string): Promise<ProgrammeSection> {
    const rows: { item: unknown }[] = await manager.query(
      `SELECT json_build_object(
         'id', p.id, 'phase', p.phase, 'startedAt', p.started_at, 'finishedAt', p.finished_at, 'endReason', p.end_reason,
         'ordinaryJob', CASE WHEN p.ordinary_job_employer_id IS NULL THEN NULL
                             ELSE json_build_object('employer', oe.name, 'startedAt', p.ordinary_job_started_at) END,
         'transitions', COALESCE((SELECT json_agg(json_build_object('from', t.from_phase, 'to', t.to_phase, 'reason', t.reason, 'occurredAt', t.occurred_at) ORDER BY t.occurred_at, t.id)
                                    FROM job_programme_transitions t WHERE t.programme_id = p.id AND t.plan_id = $1), '[]'::json),
         'conversations', COALESCE((SELECT json_agg(json_build_object('occurredAt', v.occurred_at, 'kind', v.kind, 'participants', v.participants, 'note', v.note) ORDER BY v.occurred_at, v.id)
                                      FROM job_programme_conversations v WHERE v.programme_id = p.id AND v.plan_id = $1), '[]'::json),
         'matches', COALESCE((SELECT json_agg(json_build_object('employer', me.name, 'status', m.status, 'interviewAt', m.interview_at, 'createdAt', m.created_at) ORDER BY m.created_at, m.id)
                                FROM job_programme_matches m JOIN employers me ON me.id = m.employer_id AND me.plan_id = $1
                               WHERE m.programme_id = p.id AND m.plan_id = $1), '[]'::json),
         'employment', (SELECT json_build_object('employer', ee.name, 'startDate', e.start_date, 'endDate', e.end_date, 'hoursPerWeek', e.hours_per_week,
                                 'contractSignedByYouthAt', e.contract_signed_by_youth_at, 'contractSignedByGuardianAt', e.contract_signed_by_guardian_at,
                                 'inCompulsorySchooling', e.in_compulsory_schooling, 'exceptionReason', e.exception_reason)
                          FROM job_programme_employments e JOIN employers ee ON ee.id = e.employer_id AND ee.plan_id = $1
                         WHERE e.programme_id = p.id AND e.plan_id = $1),
         'timesheets', COALESCE((SELECT json_agg(json_build_object('weekStart', s.week_start, 'hours', s.hours) ORDER BY s.week_start)
                                   FROM job_programme_timesheets s WHERE s.programme_id = p.id AND s.plan_id = $1), '[]'::json)) AS item
         FROM job_programmes p LEFT JOIN employers oe ON oe.id = p.ordinary_job_employer_id AND oe.plan_id = $1
        WHERE p.plan_id = $1 AND p.resident_id = $2
        ORDER BY p.started_at, p.id`,
      [planId, residentId],
    );
    return { jobProgrammes: rows.map((r) => r.item) };
  }

  async erase(manager: EntityManager, residentIds: readonly string[]): Promise<void> {
    const ids = [...residentIds];
    const programmes = `SELECT id FROM job_programmes WHERE resident_id = ANY($1::uuid[])`;
    // The database insists an ended programme has a reason; the reason itself is the youth's.
    await manager.query(
      `UPDATE job_programmes SET end_reason = $2, version = version + 1
        WHERE resident_id = ANY($1::uuid[]) AND end_reason IS NOT NULL AND end_reason <> $2`,
      [ids, ERASED_TEXT],
    );
    await manager.query(`UPDATE job_programme_transitions SET reason = NULL WHERE programme_id IN (${programmes}) AND reason IS NOT NULL`, [ids]);
    await manager.query(`UPDATE job_programme_conversations SET note = NULL WHERE programme_id IN (${programmes}) AND note IS NOT NULL`, [ids]);
    await manager.query(`UPDATE job_programme_employments SET exception_reason = NULL WHERE programme_id IN (${programmes}) AND exception_reason IS NOT NULL`, [ids]);
  }

  activitySince(r: string, since: string): string {
    return `EXISTS (SELECT 1 FROM job_programmes p
                     WHERE p.resident_id = ${r}.id
                       AND (p.started_at >= (${since})::date OR p.finished_at >= ${since} OR p.created_at >= ${since}
                            OR EXISTS (SELECT 1 FROM job_programme_transitions t WHERE t.programme_id = p.id AND (t.occurred_at >= ${since} OR t.recorded_at >= ${since}))
                            OR EXISTS (SELECT 1 FROM job_programme_conversations v WHERE v.programme_id = p.id AND (v.occurred_at >= ${since} OR v.created_at >= ${since}))
                            OR EXISTS (SELECT 1 FROM job_programme_matches m WHERE m.programme_id = p.id AND m.updated_at >= ${since})
                            OR EXISTS (SELECT 1 FROM job_programme_employments e WHERE e.programme_id = p.id AND (e.end_date >= (${since})::date OR e.updated_at >= ${since}))
                            OR EXISTS (SELECT 1 FROM job_programme_timesheets s WHERE s.programme_id = p.id AND (s.week_start >= (${since})::date OR s.created_at >= ${since}))))`;
  }

  workInProgress(r: string): string {
    return `EXISTS (SELECT 1 FROM job_programmes p WHERE p.resident_id = ${r}.id AND ${RUNNING_PROGRAMME_SQL('p')})`;
  }

  /** Whether the resident has a programme that is still running (an erasure must wait for it to end). */
  async hasRunningProgramme(manager: EntityManager, residentId: string): Promise<boolean> {
    const [row]: { running: boolean }[] = await manager.query(
      `SELECT EXISTS (SELECT 1 FROM job_programmes p WHERE p.resident_id = $1 AND ${RUNNING_PROGRAMME_SQL('p')}) AS running`,
      [residentId],
    );
    return row.running;
  }
}
