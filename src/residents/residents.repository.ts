import { Injectable } from '@nestjs/common';
import { IsNull, type EntityManager } from 'typeorm';
import { AccessPolicy, EVERYONE, NOTHING } from '../access/access-policy';
import type { PlanActor } from '../access/actor';
import { Conflict } from '../common/domain-errors';
import { paginate, type Page } from '../common/pagination';
import type { ResidentsProblem } from './residents-problems';
import type { AuditActor, AuditEntry } from '../audit/audit-writer';
import { AUDIT_EVENT_INSERT } from '../audit/audit.repository';
import { findInPlan, inPlan } from '../database/plan-scope';
import { PreparedStatements, preparedStatement } from '../database/prepared-statements';
import type { ResidentQuery } from './dto/resident.dto';
import { Guardian } from './guardian.entity';
import { matchingResidents } from './possible-duplicates';
import { normalisePseudonym } from './pseudonym';
import { Resident } from './resident.entity';
import { residentDisplayName } from './resident-views';

const NOT_FOUND = 'Resident';

/** The refusal of anything new on an erased resident's record (their open case included). */
export function residentErased(residentId: string): Conflict {
  return new Conflict('The resident\'s data was erased; register the person anew if they come back', { code: 'resident_erased' satisfies ResidentsProblem, extra: { residentId } });
}

/**
 * Registering a resident, a drop-in hour's other write, in one statement (one round trip, its own
 * transaction): the resident is written only into a housing area of the plan, with its audit
 * event, and only if no resident of the caller's compartment is a possible duplicate
 * (possible-duplicates.ts) or the caller confirmed ($18) that this is a different person; the
 * audit event then says so ($19). The answer's one row says which: the resident, or none and
 * `duplicateIds`, or none and no `areaFound`. The lookup uses the unique indexes that also settle
 * a race between two identical registrations (the loser fails on them: isDuplicateRace).
 */
const REGISTER = preparedStatement(
  'residents_register',
  `WITH duplicates AS (
     ${matchingResidents({ plan: '$1', compartment: '$3', firstName: '$6', lastName: '$7', birthDate: '$8', phone: '$11' })}
   ), resident AS (
     INSERT INTO residents (plan_id, housing_area_id, compartment, anonymous, pseudonym, first_name, last_name, birth_date, birth_year, gender, phone, email, registered_by, confirmed_not_duplicate)
     SELECT a.plan_id, a.id, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $18::boolean AND EXISTS (SELECT 1 FROM duplicates) FROM housing_areas a
      WHERE a.id = $2 AND a.plan_id = $1 AND ($18::boolean OR NOT EXISTS (SELECT 1 FROM duplicates))
     RETURNING *
   ), audited AS (
     ${AUDIT_EVENT_INSERT}
     SELECT r.plan_id, $13, $14, CASE WHEN EXISTS (SELECT 1 FROM duplicates) THEN $19 ELSE $15 END, r.id, 'resident', r.id, $16, $17 FROM resident r
   )
   SELECT r.id, r.plan_id AS "planId", r.housing_area_id AS "housingAreaId", r.compartment, r.anonymous, r.pseudonym, r.first_name AS "firstName", r.last_name AS "lastName",
          r.birth_date::text AS "birthDate", r.birth_year AS "birthYear", r.gender, r.phone, r.email, r.registered_by AS "registeredBy", r.erased_at AS "erasedAt", r.version,
          r.confirmed_not_duplicate AS "confirmedNotDuplicate", r.created_at AS "createdAt", r.updated_at AS "updatedAt",
          (SELECT array_agg(d.id) FROM duplicates d) AS "duplicateIds",
          EXISTS (SELECT 1 FROM housing_areas a WHERE a.id = $2 AND a.plan_id = $1) AS "areaFound"
     FROM (SELECT 1) one LEFT JOIN resident r ON true`,
);

/** The possible duplicates of a resident, for a registration that lost the race to an identical one. */
const MATCHING = preparedStatement(
  'residents_possible_duplicates',
  matchingResidents({ plan: '$1', compartment: '$2', firstName: '$3', lastName: '$4', birthDate: '$5', phone: '$6' }),
);

/** What registering found: the resident, or why none was written. */
export type Registration = { resident: Resident } | { resident: null; duplicateIds: string[]; areaFound: boolean };

/**
 * The residents and guardians tables. Other modules reach residents only through here (exported
 * by ResidentsModule), always through the policy layer.
 */
@Injectable()
export class ResidentsRepository {
  constructor(
    private readonly access: AccessPolicy,
    private readonly statements: PreparedStatements,
  ) {}

  readable(manager: EntityManager, actor: PlanActor, id: string): Promise<Resident> {
    return findInPlan(manager, Resident, 'r', actor, id, { policy: this.access.readableResidents(actor, 'r'), notFound: NOT_FOUND });
  }

  /** The resident if the actor may change their data (the owning compartment's role), without a lock. */
  owned(manager: EntityManager, actor: PlanActor, id: string): Promise<Resident> {
    return findInPlan(manager, Resident, 'r', actor, id, { policy: this.access.writableResidents(actor, 'r'), notFound: NOT_FOUND });
  }

  /** The resident if the actor may change their data, locked for the rest of the caller's transaction. */
  lockWritable(manager: EntityManager, actor: PlanActor, id: string): Promise<Resident> {
    return findInPlan(manager, Resident, 'r', actor, id, { policy: this.access.writableResidents(actor, 'r'), lock: true, notFound: NOT_FOUND });
  }

  /**
   * As lockWritable, for work that adds to the record (a case, a programme, a consent, a change of
   * the record itself): an erased resident's record takes nothing new (409 resident_erased), so
   * what the statistics counted stays and no new personal data gathers under the pseudonym.
   * Closing what is open and withdrawing a consent stay possible.
   */
  async lockForNewWork(manager: EntityManager, actor: PlanActor, id: string): Promise<Resident> {
    const resident = await this.lockWritable(manager, actor, id);
    if (resident.erasedAt) throw residentErased(id);
    return resident;
  }

  /**
   * How erasure and new work on a resident's record keep out of each other's way (issue 20): the
   * resident row is the one lock both sides take.
   *
   * - An erasure (on request, ErasureService; or retention's batches, RetentionService) locks the
   *   resident row FOR UPDATE first, and only then judges, in statements that begin after the lock
   *   is granted, whether the resident may be erased (a running programme; for retention, nothing
   *   open and no activity since the limit). Under READ COMMITTED each of those statements sees all
   *   work committed before it began, so it sees every write that held the row before the erasure.
   * - Every write that makes a resident active or writes about them (a case opened, reopened or
   *   closed, a contact, a referral and its follow-up, a programme, an enrolment, an internship, a
   *   consent, a session's named participant, a change of the record or its guardians) holds the
   *   resident row from BEFORE it checks that the resident is not erased until it commits: FOR
   *   UPDATE through lockWritable / lockForNewWork, or FOR KEY SHARE through this method (the
   *   contact's single statement takes the same lock). Retention skips a row someone holds
   *   (SKIP LOCKED: that resident is being worked on, so not due); an erasure on request waits for
   *   the write to commit, and a write that waited for an erasure sees the erased row and refuses.
   *
   * Taken before the write locks what it writes to (the case, the referral), in the erasure's own
   * order (resident, then their things), so the two never wait on each other in a circle.
   */
  async holdAgainstErasure(manager: EntityManager, residentId: string): Promise<{ erased: boolean }> {
    const [row]: { erased: boolean }[] = await manager.query(`SELECT erased_at IS NOT NULL AS erased FROM residents WHERE id = $1 FOR KEY SHARE`, [residentId]);
    return { erased: row?.erased ?? false };
  }

  /** The resident if the actor may read their access log (access-policy.ts), else 404. */
  withReadableAccessLog(manager: EntityManager, actor: PlanActor, id: string): Promise<Resident> {
    return findInPlan(manager, Resident, 'r', actor, id, { policy: this.access.accessLogReadableResidents(actor, 'r'), notFound: NOT_FOUND });
  }

  page(manager: EntityManager, actor: PlanActor, query: ResidentQuery): Promise<Page<Resident>> {
    const qb = inPlan(manager, Resident, 'r', actor, this.access.readableResidents(actor, 'r'));
    if (query.housingAreaId) qb.andWhere('r.housing_area_id = :housingAreaId', { housingAreaId: query.housingAreaId });
    if (query.pseudonym) qb.andWhere('r.pseudonym = :pseudonym', { pseudonym: normalisePseudonym(query.pseudonym) });
    if (query.q) {
      // One search box at the door: a name, a phone number however it is written, or a pseudonym.
      qb.andWhere(
        `(r.first_name ILIKE :q OR r.last_name ILIKE :q OR (r.first_name || ' ' || r.last_name) ILIKE :q
          OR (CAST(:hasDigits AS boolean) AND resident_phone_key(r.phone) = resident_phone_key(:raw)) OR r.pseudonym = :pseudonym)`,
        {
          q: `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
          raw: query.q,
          hasDigits: /[0-9]/.test(query.q),
          pseudonym: normalisePseudonym(query.q),
        },
      );
    }
    return paginate(qb, query, 'r.created_at', 'r.id', (r) => r, (r) => ({ at: r.createdAt, id: r.id }));
  }

  /**
   * How a page of other records names their residents: one query for the whole page. Only residents
   * the actor may read; a reader of a case may read its resident (the consent scopes that open a
   * case open the resident too).
   */
  async displayNames(manager: EntityManager, actor: PlanActor, ids: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await inPlan(manager, Resident, 'r', actor, this.access.readableResidents(actor, 'r'))
      .andWhere('r.id IN (:...displayIds)', { displayIds: unique })
      .getMany();
    return new Map(rows.map((r) => [r.id, residentDisplayName(r)]));
  }

  /**
   * Of these residents, those whose counselling free text the actor may see (the policy's
   * condition, AccessPolicy.counsellingFreeText): one query for a whole page, none for counsellors.
   */
  async withCounsellingFreeTextShared(manager: EntityManager, actor: PlanActor, ids: readonly string[]): Promise<ReadonlySet<string>> {
    const unique = [...new Set(ids)];
    const condition = this.access.counsellingFreeText(actor, 'r');
    if (condition === EVERYONE) return new Set(unique);
    if (condition === NOTHING || unique.length === 0) return new Set();
    const rows = await inPlan(manager, Resident, 'r', actor, condition).andWhere('r.id IN (:...freeTextIds)', { freeTextIds: unique }).getMany();
    return new Set(rows.map((r) => r.id));
  }

  /**
   * Of these residents, those the actor may read now and that are not erased, with their
   * compartment: whether a kept answer about them may be shown again (src/idempotency/).
   */
  async readableNotErased(manager: EntityManager, actor: PlanActor, ids: readonly string[]): Promise<Map<string, Resident['compartment']>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await inPlan(manager, Resident, 'r', actor, this.access.readableResidents(actor, 'r'))
      .andWhere('r.id IN (:...replayIds)', { replayIds: unique })
      .andWhere('r.erased_at IS NULL')
      .getMany();
    return new Map(rows.map((r) => [r.id, r.compartment]));
  }

  pseudonymTaken(manager: EntityManager, planId: string, pseudonym: string): Promise<boolean> {
    return manager.getRepository(Resident).existsBy({ planId, pseudonym });
  }

  /**
   * Registers the resident with its audit event, unless a possible duplicate is within the
   * compartment (and not confirmed away) or the housing area is not one of the plan's. Joins the
   * request's transaction if `manager` is one.
   */
  async register(
    manager: EntityManager | undefined,
    actor: AuditActor & { userId: string },
    fields: Omit<Resident, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'registeredBy' | 'erasedAt'>,
    audit: Pick<AuditEntry, 'action' | 'purpose'> & { actionDespiteDuplicates: string },
  ): Promise<Registration> {
    const [row] = await this.statements.rows<Resident & { duplicateIds: string[] | null; areaFound: boolean }>(
      REGISTER,
      [
        fields.planId, fields.housingAreaId, fields.compartment, fields.anonymous, fields.pseudonym, fields.firstName, fields.lastName,
        fields.birthDate, fields.birthYear, fields.gender, fields.phone, fields.email, actor.userId, actor.role, audit.action, audit.purpose, actor.requestId,
        fields.confirmedNotDuplicate, audit.actionDespiteDuplicates,
      ],
      manager,
    );
    const { duplicateIds, areaFound, ...resident } = row;
    if (resident.id) return { resident };
    return { resident: null, duplicateIds: duplicateIds ?? [], areaFound };
  }

  /** The possible duplicates of these identity fields in a plan's compartment, as committed now (outside any transaction). */
  async possibleDuplicates(planId: string, fields: Pick<Resident, 'compartment' | 'firstName' | 'lastName' | 'birthDate' | 'phone'>): Promise<string[]> {
    const rows = await this.statements.rows<{ id: string }>(MATCHING, [planId, fields.compartment, fields.firstName, fields.lastName, fields.birthDate, fields.phone]);
    return rows.map((r) => r.id);
  }

  /** Saves a changed resident; `version` moves on by one. */
  save(manager: EntityManager, resident: Resident): Promise<Resident> {
    return manager.getRepository(Resident).save(resident);
  }

  guardiansOf(manager: EntityManager, residentId: string): Promise<Guardian[]> {
    return manager.getRepository(Guardian).find({ where: { residentId, erasedAt: IsNull() }, order: { createdAt: 'ASC' } });
  }

  addGuardian(manager: EntityManager, fields: Omit<Guardian, 'id' | 'createdAt' | 'erasedAt'>): Promise<Guardian> {
    const repo = manager.getRepository(Guardian);
    return repo.save(repo.create(fields));
  }
}
