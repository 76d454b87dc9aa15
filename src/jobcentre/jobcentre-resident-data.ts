import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ResidentDataPart } from '../residents/resident-data-part';

export interface JobcentreSection {
  jobcentreEnrolments: unknown[];
}

/**
 * A person's enrolments in the job centre's efforts, for their copy, their erasure and retention.
 * An enrolment holds no free text: effort, target group, criteria, dates, end reason and the active
 * quarters are the facts the figures count, so an erasure leaves them (the resident record itself
 * loses the name), as with internships.
 */
@Injectable()
export class JobcentreResidentData implements ResidentDataPart<JobcentreSection> {
  async sectionOf(manager: EntityManager, planId: string, residentId: string): Promise<JobcentreSection> {
    const rows: { item: unknown }[] = await manager.query(
      `SELECT json_build_object('id', e.id, 'effort', e.effort, 'targetGroup', e.target_group, 'criteriaMet', e.criteria_met,
                                'startedOn', e.started_on, 'endedOn', e.ended_on, 'endReason', e.end_reason,
                                'activeQuarters', (SELECT coalesce(json_agg(to_char(q.quarter_start, 'YYYY-"Q"Q') ORDER BY q.quarter_start), '[]'::json)
                                                     FROM jobcentre_enrolment_quarters q WHERE q.enrolment_id = e.id AND q.plan_id = $1 AND q.active)) AS item
         FROM jobcentre_enrolments e
        WHERE e.plan_id = $1 AND e.resident_id = $2
        ORDER BY e.started_on, e.id`,
      [planId, residentId],
    );
    return { jobcentreEnrolments: rows.map((r) => r.item) };
  }

  async erase(): Promise<void> {
    // Nothing written about the person is kept on an enrolment; see the class comment.
  }

  activitySince(r: string, since: string): string {
    return `EXISTS (SELECT 1 FROM jobcentre_enrolments e
                     WHERE e.resident_id = ${r}.id
                       AND (e.ended_on >= (${since})::date OR e.created_at >= ${since} OR e.updated_at >= ${since}))`;
  }

  workInProgress(r: string): string {
    return `EXISTS (SELECT 1 FROM jobcentre_enrolments e WHERE e.resident_id = ${r}.id AND e.ended_on IS NULL)`;
  }
}
