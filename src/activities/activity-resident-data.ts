import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ResidentDataPart } from '../residents/resident-data-part';

export interface ActivitySection {
  activities: { enrolments: unknown[]; sessions: unknown[] };
}

/**
 * A resident's enrolments and the sessions they were named at, for their copy, erasure and
 * retention. Nothing here is written about the resident: that they took part, when, where they
 * came from and how an enrolment ended are the facts the half-year report counts (sessions, unique
 * participants, enrolments by outcome), so an erasure leaves them, under the pseudonym. A
 * session's note is about the session, not about one resident, and stays too.
 */
@Injectable()
export class ActivityResidentData implements ResidentDataPart<ActivitySection> {
  async sectionOf(manager: EntityManager, planId: string, residentId: string): Promise<ActivitySection> {
    const enrolments: { item: unknown }[] = await manager.query(
      `SELECT json_build_object('id', e.id, 'activity', a.name, 'kind', a.kind, 'kindLabel', k.label, 'startedOn', e.started_on, 'endedOn', e.ended_on,
                                'outcome', e.outcome, 'referredFrom', e.referred_from) AS item
         FROM activity_enrolments e JOIN activities a ON a.id = e.activity_id AND a.plan_id = $1
         LEFT JOIN activity_kinds k ON k.plan_id = a.plan_id AND k.key = a.kind
        WHERE e.plan_id = $1 AND e.resident_id = $2
        ORDER BY e.started_on, e.id`,
      [planId, residentId],
    );
    const sessions: { item: unknown }[] = await manager.query(
      `SELECT json_build_object('activity', a.name, 'kind', a.kind, 'kindLabel', k.label, 'startsAt', s.starts_at, 'endsAt', s.ends_at) AS item
         FROM activity_session_participants p
         JOIN activity_sessions s ON s.id = p.session_id AND s.plan_id = $1
         JOIN activities a ON a.id = s.activity_id AND a.plan_id = $1
         LEFT JOIN activity_kinds k ON k.plan_id = a.plan_id AND k.key = a.kind
        WHERE p.plan_id = $1 AND p.resident_id = $2
        ORDER BY s.starts_at, s.id`,
      [planId, residentId],
    );
    return { activities: { enrolments: enrolments.map((r) => r.item), sessions: sessions.map((r) => r.item) } };
  }

  /** Nothing to blank: see above. Kept so the erasure asks every part the same way. */
  async erase(): Promise<void> {
    // nothing written about the resident is held here
  }

  activitySince(r: string, since: string): string {
    return `(EXISTS (SELECT 1 FROM activity_enrolments e WHERE e.resident_id = ${r}.id
                      AND (e.started_on >= ${since}::date OR e.ended_on >= ${since}::date OR e.created_at >= ${since} OR e.updated_at >= ${since}))
          OR EXISTS (SELECT 1 FROM activity_session_participants p JOIN activity_sessions s ON s.id = p.session_id
                      WHERE p.resident_id = ${r}.id AND (s.starts_at >= ${since} OR p.created_at >= ${since})))`;
  }

  workInProgress(r: string): string {
    return `EXISTS (SELECT 1 FROM activity_enrolments e WHERE e.resident_id = ${r}.id AND e.ended_on IS NULL)`;
  }
}
