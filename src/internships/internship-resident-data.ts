import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ResidentDataPart } from '../residents/resident-data-part';

export interface InternshipSection {
  internships: unknown[];
}

/** An internship that has not been ended with an outcome: retention leaves its resident be. */
export const RUNNING_INTERNSHIP_SQL = (i: string) => `${i}.ended_on IS NULL`;

/**
 * A resident's internships, for their copy, their erasure and retention. An internship holds no
 * free text: employer, period, hours, where the resident came from and the outcome are the facts
 * the half-year report counts, so an erasure leaves them as they are (the resident record itself
 * loses the name).
 */
@Injectable()
export class InternshipResidentData implements ResidentDataPart<InternshipSection> {
  async sectionOf(manager: EntityManager, planId: string, residentId: string): Promise<InternshipSection> {
    const rows: { item: unknown }[] = await manager.query(
      `SELECT json_build_object('id', i.id, 'employer', e.name, 'startsOn', i.starts_on, 'endsOn', i.ends_on, 'hoursPerWeek', i.hours_per_week,
                                'referredFrom', i.referred_from, 'endedOn', i.ended_on, 'outcome', i.outcome) AS item
         FROM internships i JOIN employers e ON e.id = i.employer_id AND e.plan_id = $1
        WHERE i.plan_id = $1 AND i.resident_id = $2
        ORDER BY i.starts_on, i.id`,
      [planId, residentId],
    );
    return { internships: rows.map((r) => r.item) };
  }

  async erase(): Promise<void> {
    // Nothing written about the resident is kept on an internship; see the class comment.
  }

  activitySince(r: string, since: string): string {
    return `EXISTS (SELECT 1 FROM internships i
                     WHERE i.resident_id = ${r}.id
                       AND (i.ends_on >= (${since})::date OR i.ended_on >= (${since})::date OR i.created_at >= ${since} OR i.updated_at >= ${since}))`;
  }

  workInProgress(r: string): string {
    return `EXISTS (SELECT 1 FROM internships i WHERE i.resident_id = ${r}.id AND ${RUNNING_INTERNSHIP_SQL('i')})`;
  }
}
