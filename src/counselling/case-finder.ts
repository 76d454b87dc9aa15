import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccessPolicy } from '../access/access-policy';
import type { PlanActor } from '../access/actor';
import { Conflict, NotFound } from '../common/domain-errors';
import { CounsellingCase } from './entities/counselling-case.entity';

/** Loads counselling cases through the policy layer; anything out of reach is "not found". */
@Injectable()
export class CaseFinder {
  constructor(private readonly access: AccessPolicy) {}

  async readable(manager: EntityManager, actor: PlanActor, id: string): Promise<CounsellingCase> {
    const scope = this.access.readableCounsellingCases(actor, 'c');
    const found = await manager.getRepository(CounsellingCase).createQueryBuilder('c').where('c.id = :id', { id }).andWhere(scope.sql, scope.params).getOne();
    if (!found) throw new NotFound('Counselling case');
    return found;
  }

  /** The case, locked until the caller's transaction ends, so a close and a contact cannot interleave. */
  async lockWritable(manager: EntityManager, actor: PlanActor, id: string): Promise<CounsellingCase> {
    const scope = this.access.writableCounsellingCases(actor, 'c');
    const found = await manager
      .getRepository(CounsellingCase)
      .createQueryBuilder('c')
      .where('c.id = :id', { id })
      .andWhere(scope.sql, scope.params)
      .setLock('pessimistic_write')
      .getOne();
    if (!found) throw new NotFound('Counselling case');
    return found;
  }

  async lockOpen(manager: EntityManager, actor: PlanActor, id: string): Promise<CounsellingCase> {
    const found = await this.lockWritable(manager, actor, id);
    if (found.status !== 'open') {
      throw new Conflict('The counselling case is closed; reopen it first, or open a new case if this is a new matter', { extra: { caseId: found.id } });
    }
    return found;
  }

  /** The counting rule's guard: the resident's open case on this topic, if any. */
  openCaseOnTopic(manager: EntityManager, residentId: string, topic: string, exceptId?: string): Promise<CounsellingCase | null> {
    const qb = manager
      .getRepository(CounsellingCase)
      .createQueryBuilder('c')
      .where(`c.resident_id = :residentId AND c.topic = :topic AND c.status = 'open'`, { residentId, topic });
    if (exceptId) qb.andWhere('c.id <> :exceptId', { exceptId });
    return qb.getOne();
  }
}

export function duplicateOpenCase(existing: CounsellingCase): Conflict {
  return new Conflict(
    `The resident already has an open counselling case on "${existing.topic}" (${existing.id}); record the contact there. A new case is only for a new matter.`,
    { extra: { existingCaseId: existing.id } },
  );
}
