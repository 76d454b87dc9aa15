import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { compartmentOwnedBy } from '../access/roles';
import { CALLER_FOUND_COLUMNS, type CallerFound, type UncheckedCaller } from '../access/session-checked-write';
import type { AuditEntry } from '../audit/audit-writer';
import { AUDIT_EVENT_INSERT } from '../audit/audit.repository';
import { PreparedStatements, preparedStatement } from '../database/prepared-statements';
import { openSessionUser } from '../users/sessions.repository';
import { CounsellingContact } from './entities/counselling-contact.entity';
import { CounsellingReferral } from './entities/counselling-referral.entity';

type NewRow<T> = Omit<T, 'id' | 'createdAt'>;

/**
 * What logging a contact found and did: the caller (all null when their session has ended), the
 * case as it stood (locked; null when it is not within the caller's reach), and the contact if it
 * was written.
 */
export interface ContactAttempt extends CallerFound {
  residentId: string | null;
  status: string | null;
  openedAt: Date | null;
  /** The case's resident was erased: nothing new is recorded on their record. */
  residentErased: boolean | null;
  contact: CounsellingContact | null;
}

/**
 * Logging a contact, the drop-in hour's hot path, in one statement (one round trip, its own
 * transaction): check the caller's session and account (src/access/session-checked-write.ts), lock
 * the case of the caller's plan, write the contact only if the caller may (a counselling role the
 * route allows), the case is open and the contact is not on a Danish day before its opening (the
 * rule of case-timeline.ts, which names the refusal when nothing was written; judged on the locked
 * row, so it costs no further lookup), and write its audit event with it. The case's resident is
 * held (FOR KEY SHARE, before the case) against an erasure until the contact commits; one that
 * erased them meanwhile is seen, and the note is not written (ResidentsRepository.holdAgainstErasure). $2 are the roles that may write, $9 is the caller's verdict on the rest of the time
 * rule (not in the future). The case condition is writableCounsellingCases for the plan's counsellors.
 */
const RECORD_CONTACT = preparedStatement(
  'counselling_record_contact',
  `WITH caller AS (
     ${openSessionUser('$13', '$8')}
   ), target AS (
     SELECT c.id, c.resident_id, c.status, c.opened_at, r.erased_at IS NOT NULL AS erased
       FROM counselling_cases c JOIN residents r ON r.id = c.resident_id, caller a
      WHERE c.id = $1 AND c.plan_id = a.plan_id AND a.role = ANY($2::text[]) FOR KEY SHARE OF r FOR UPDATE OF c
   ), contact AS (
     INSERT INTO counselling_contacts (plan_id, case_id, occurred_at, channel, duration_minutes, with_appointment, note, recorded_by)
     SELECT a.plan_id, t.id, $3, $4, $5, $6, $7, a.id FROM target t, caller a WHERE t.status = 'open' AND NOT t.erased
       AND timezone('Europe/Copenhagen', t.opened_at)::date <= timezone('Europe/Copenhagen', $3::timestamptz)::date AND $9::boolean
     RETURNING id, plan_id, case_id, occurred_at, channel, duration_minutes, with_appointment, note, recorded_by, created_at
   ), audited AS (
     ${AUDIT_EVENT_INSERT}
     SELECT a.plan_id, a.id, a.role, $10, t.resident_id, 'counselling_contact', k.id, $11, $12 FROM contact k, target t, caller a
   )
   SELECT ${CALLER_FOUND_COLUMNS}, t.resident_id AS "residentId", t.status, t.opened_at AS "openedAt", t.erased AS "residentErased",
          k.id, k.plan_id AS "planId", k.case_id AS "caseId", k.occurred_at AS "occurredAt", k.channel, k.duration_minutes AS "durationMinutes",
          k.with_appointment AS "withAppointment", k.note, k.recorded_by AS "recordedBy", k.created_at AS "createdAt"
     FROM (SELECT 1) one LEFT JOIN caller a ON true LEFT JOIN target t ON true LEFT JOIN contact k ON true`,
);

/** The counselling_contacts and counselling_referrals tables: what happens inside a case. */
@Injectable()
export class CaseActivityRepository {
  constructor(private readonly statements: PreparedStatements) {}

  /**
   * Checks the caller's session, locks the case and writes the contact and its audit event when
   * `timeAcceptable` and the caller and case allow it. Joins the request's transaction if
   * `manager` is one.
   */
  async recordContact(
    manager: EntityManager | undefined,
    caller: UncheckedCaller,
    fields: Omit<NewRow<CounsellingContact>, 'planId' | 'recordedBy'>,
    timeAcceptable: boolean,
    audit: Pick<AuditEntry, 'action' | 'purpose'>,
  ): Promise<ContactAttempt> {
    const writers = caller.allowedRoles.filter((role) => compartmentOwnedBy(role) === 'counselling');
    const [row] = await this.statements.rows<CounsellingContact & Omit<ContactAttempt, 'contact'>>(
      RECORD_CONTACT,
      [
        fields.caseId, writers, fields.occurredAt, fields.channel, fields.durationMinutes, fields.withAppointment, fields.note, caller.userId,
        timeAcceptable, audit.action, audit.purpose, caller.requestId, caller.sessionId,
      ],
      manager,
    );
    const { callerRole, callerPlanId, callerOrganisationId, residentId, status, openedAt, residentErased, ...contact } = row;
    return { callerRole, callerPlanId, callerOrganisationId, residentId, status, openedAt, residentErased, contact: contact.id ? contact : null };
  }

  /** A contact written inside the caller's transaction (a case's first contact, opened with it). */
  addContact(manager: EntityManager, fields: NewRow<CounsellingContact>): Promise<CounsellingContact> {
    const repo = manager.getRepository(CounsellingContact);
    return repo.save(repo.create(fields));
  }

  addReferral(manager: EntityManager, fields: Omit<NewRow<CounsellingReferral>, 'status' | 'statusChangedAt' | 'version'>): Promise<CounsellingReferral> {
    const repo = manager.getRepository(CounsellingReferral);
    return repo.save(repo.create({ ...fields, status: 'sent', statusChangedAt: null, version: 1 }));
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
