import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ResidentDataPart } from '../residents/resident-data-part';

export interface CounsellingSection {
  counsellingCases: unknown[];
}

/**
 * A resident's counselling cases, contacts and referrals, for their copy and their erasure. An
 * erasure blanks the case's subject and outcome, contact notes, referral reasons and the notes of
 * their follow-up; topic, form, referral statuses, dates, channels and recipients stay, so every
 * half-year count stays what it was. The recipient
 * names the organisation or person the resident was referred to, not the resident.
 */
@Injectable()
export class CounsellingResidentData implements ResidentDataPart<CounsellingSection> {
  async sectionOf(manager: EntityManager, planId: string, residentId: string): Promise<CounsellingSection> {
    const rows: { item: unknown }[] = await manager.query(
      `SELECT json_build_object(
         'id', c.id, 'topic', c.topic, 'topicLabel', t.label, 'subject', c.subject, 'form', c.form, 'status', c.status,
         'openedAt', c.opened_at, 'closedAt', c.closed_at, 'outcome', c.outcome, 'referredFrom', c.referred_from,
         'contacts', COALESCE((SELECT json_agg(json_build_object('id', k.id, 'occurredAt', k.occurred_at, 'channel', k.channel,
                                 'durationMinutes', k.duration_minutes, 'withAppointment', k.with_appointment, 'note', k.note) ORDER BY k.occurred_at, k.id)
                                 FROM counselling_contacts k WHERE k.case_id = c.id AND k.plan_id = $1), '[]'::json),
         'referrals', COALESCE((SELECT json_agg(json_build_object('id', f.id, 'referredAt', f.referred_at, 'organisation', o.name,
                                 'recipientName', f.recipient_name, 'reason', f.reason, 'status', f.status,
                                 'statusHistory', COALESCE((SELECT json_agg(json_build_object('from', h.from_status, 'to', h.to_status, 'note', h.note, 'changedAt', h.changed_at) ORDER BY h.changed_at, h.id)
                                                              FROM counselling_referral_status_changes h WHERE h.referral_id = f.id AND h.plan_id = $1), '[]'::json)) ORDER BY f.referred_at, f.id)
                                 FROM counselling_referrals f LEFT JOIN organisations o ON o.id = f.organisation_id AND o.plan_id = $1
                                WHERE f.case_id = c.id AND f.plan_id = $1), '[]'::json)) AS item
         FROM counselling_cases c LEFT JOIN counselling_topics t ON t.plan_id = c.plan_id AND t.key = c.topic
        WHERE c.plan_id = $1 AND c.resident_id = $2
        ORDER BY c.opened_at, c.id`,
      [planId, residentId],
    );
    return { counsellingCases: rows.map((r) => r.item) };
  }

  async erase(manager: EntityManager, residentIds: readonly string[]): Promise<void> {
    const ids = [...residentIds];
    await manager.query(
      `UPDATE counselling_cases SET subject = NULL, outcome = NULL, version = version + 1
        WHERE resident_id = ANY($1::uuid[]) AND (subject IS NOT NULL OR outcome IS NOT NULL)`,
      [ids],
    );
    await manager.query(
      `UPDATE counselling_contacts k SET note = NULL FROM counselling_cases c
        WHERE c.id = k.case_id AND c.resident_id = ANY($1::uuid[]) AND k.note IS NOT NULL`,
      [ids],
    );
    await manager.query(
      `UPDATE counselling_referrals f SET reason = NULL FROM counselling_cases c
        WHERE c.id = f.case_id AND c.resident_id = ANY($1::uuid[]) AND f.reason IS NOT NULL`,
      [ids],
    );
    await manager.query(
      `UPDATE counselling_referral_status_changes h SET note = NULL FROM counselling_referrals f JOIN counselling_cases c ON c.id = f.case_id
        WHERE f.id = h.referral_id AND c.resident_id = ANY($1::uuid[]) AND h.note IS NOT NULL`,
      [ids],
    );
  }

  activitySince(r: string, since: string): string {
    return `EXISTS (SELECT 1 FROM counselling_cases c
                     WHERE c.resident_id = ${r}.id
                       AND (c.opened_at >= ${since} OR c.closed_at >= ${since} OR c.created_at >= ${since}
                            OR EXISTS (SELECT 1 FROM counselling_contacts k WHERE k.case_id = c.id AND (k.occurred_at >= ${since} OR k.created_at >= ${since}))
                            OR EXISTS (SELECT 1 FROM counselling_referrals f WHERE f.case_id = c.id AND (f.referred_at >= ${since} OR f.created_at >= ${since} OR f.status_changed_at >= ${since}))))`;
  }

  workInProgress(r: string): string {
    return `EXISTS (SELECT 1 FROM counselling_cases c WHERE c.resident_id = ${r}.id AND c.status = 'open')`;
  }
}
