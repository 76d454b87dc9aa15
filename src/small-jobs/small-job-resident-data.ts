import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ResidentDataPart } from '../residents/resident-data-part';

export interface SmallJobSection {
  smallJobs: unknown[];
}

/**
 * A resident's småjobs, for their copy, their erasure and retention. A småjob holds no free text
 * (employer, start, hours, age group and outcome are the facts the report counts), so an erasure
 * leaves it as it is; a running småjob keeps retention away from its resident.
 */
@Injectable()
export class SmallJobResidentData implements ResidentDataPart<SmallJobSection> {
  async sectionOf(manager: EntityManager, planId: string, residentId: string): Promise<SmallJobSection> {
    const rows: { item: unknown }[] = await manager.query(
      `SELECT json_build_object('id', j.id, 'employer', e.name, 'startsOn', j.starts_on, 'hoursPerWeek', j.hours_per_week,
                                'endedOn', j.ended_on, 'outcome', j.outcome) AS item
         FROM small_jobs j JOIN employers e ON e.id = j.employer_id AND e.plan_id = $1
        WHERE j.plan_id = $1 AND j.resident_id = $2
        ORDER BY j.starts_on, j.id`,
      [planId, residentId],
    );
    return { smallJobs: rows.map((r) => r.item) };
  }

  async erase(): Promise<void> {
    // Nothing written about the resident is kept on a småjob; see the class comment.
  }

  activitySince(r: string, since: string): string {
    return `EXISTS (SELECT 1 FROM small_jobs j
                     WHERE j.resident_id = ${r}.id
                       AND (j.ended_on >= (${since})::date OR j.created_at >= ${since} OR j.updated_at >= ${since}))`;
  }

  workInProgress(r: string): string {
    return `EXISTS (SELECT 1 FROM small_jobs j WHERE j.resident_id = ${r}.id AND j.ended_on IS NULL)`;
  }
}
