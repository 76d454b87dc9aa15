import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccessPolicy } from '../access/access-policy';
import type { PlanActor } from '../access/actor';
import type { AuditEntry } from '../audit/audit-writer';
import { AUDIT_EVENT_INSERT } from '../audit/audit.repository';
import { PreparedStatements, preparedStatement } from '../database/prepared-statements';
import { CounsellingContact } from './entities/counselling-contact.entity';
import { CounsellingReferral } from './entities/counselling-referral.entity';

type NewRow<T> = Omit<T, 'id' | 'createdAt'>;

/** What logging a contact found and did: the case as it stood (locked), and the contact if it was written. */
export interface ContactAttempt {
  residentId: string;
  status: string;
  openedAt: Date;
  contact: CounsellingContact | null;
}

/**
 * Logging a contact, the drop-in hour's hot path, in one statement (one round trip, its own
 * transaction): lock the case, write the contact only if the case is open and the contact is not
 * before its opening (the rule of case-timeline.ts, which names the refusal when nothing was
 * written), and write its audit event with it. $9 is the caller's verdict on the rest of the rule
 * (not in the future). The case condition is writableCounsellingCases for the plan's counsellors.
 */
const RECORD_CONTACT = preparedStatement(
  'counselling_record_contact',
  `WITH target AS (
     SELECT c.id, c.resident_id, c.status, c.opened_at FROM counselling_cases c WHERE c.id = $1 AND c.plan_id = $2 FOR UPDATE
   ), contact AS (
     INSERT INTO counselling_contacts (plan_id, case_id, occurred_at, channel, duration_minutes, with_appointment, note, recorded_by)
     SELECT $2, t.id, $3, $4, $5, $6, $7, $8 FROM target t WHERE t.status = 'open' AND t.opened_at <= $3 AND $9::boolean
     RETURNING id, plan_id, case_id, occurred_at, channel, duration_minutes, with_appointment, note, recorded_by, created_at
   ), audited AS (
     ${AUDIT_EVENT_INSERT}
     SELECT $2, $8, $10, $11, t.resident_id, 'counselling_contact', k.id, $12, $13 FROM contact k, target t
   )
   SELECT t.resident_id AS "residentId", t.status, t.opened_at AS "openedAt",
          k.id, k.plan_id AS "planId", k.case_id AS "caseId", k.occurred_at AS "occurredAt", k.channel, k.duration_minutes AS "durationMinutes",
          k.with_appointment AS "withAppointment", k.note, k.recorded_by AS "recordedBy", k.created_at AS "createdAt"
     FROM target t LEFT JOIN contact k ON true`,
);

/** The counselling_contacts and counselling_referrals tables: what happens inside a case. */
@Injectable()
export class CaseActivityRepository {
  constructor(
    private readonly access: AccessPolicy,
    private readonly statements: PreparedStatements,
  ) {}

  /**
   * Locks the case and writes the contact and its audit event when `timeAcceptable` and the case
   * allows it; undefined when the case is not within the actor's reach (404). Joins the request's
   * transaction if `manager` is one.
   */
  async recordContact(
    manager: EntityManager | undefined,
    actor: PlanActor,
    fields: Omit<NewRow<CounsellingContact>, 'planId' | 'recordedBy'>,
    timeAcceptable: boolean,
    audit: Pick<AuditEntry, 'action' | 'purpose'>,
  ): Promise<ContactAttempt | undefined> {
    if (!this.access.ownsCompartment(actor, 'counselling')) return undefined;
    const [row] = await this.statements.rows<CounsellingContact & Omit<ContactAttempt, 'contact'>>(
      RECORD_CONTACT,
      [
        fields.caseId, actor.planId, fields.occurredAt, fields.channel, fields.durationMinutes, fields.withAppointment, fields.note, actor.userId,
        timeAcceptable, actor.role, audit.action, audit.purpose, actor.requestId,
      ],
      manager,
    );
    if (!row) return undefined;
    const { residentId, status, openedAt, ...contact } = row;
    return { residentId, status, openedAt, contact: contact.id ? contact : null };
  }

  addReferral(manager: EntityManager, fields: NewRow<CounsellingReferral>): Promise<CounsellingReferral> {
    const repo = manager.getRepository(CounsellingReferral);
    return repo.save(repo.create(fields));
  }

  contactsOf(manager: EntityManager, caseId: string): Promise<CounsellingContact[]> {
    return manager.getRepository(CounsellingContact).find({ where: { caseId }, order: { occurredAt: 'ASC' } });
  }

  referralsOf(manager: EntityManager, caseId: string): Promise<CounsellingReferral[]> {
    return manager.getRepository(CounsellingReferral).find({ where: { caseId }, order: { referredAt: 'ASC' } });
  }

  /** The case's latest contact or referral: a case cannot be closed before it. */
  async lastActivityAt(manager: EntityManager, caseId: string): Promise<Date | null> {
    const [row] = await manager.query(
      `SELECT greatest((SELECT max(occurred_at) FROM counselling_contacts WHERE case_id = $1),
                       (SELECT max(referred_at) FROM counselling_referrals WHERE case_id = $1)) AS last`,
      [caseId],
    );
    return row?.last ? new Date(row.last) : null;
  }
}
