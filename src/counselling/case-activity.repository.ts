import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CounsellingContact } from './entities/counselling-contact.entity';
import { CounsellingReferral } from './entities/counselling-referral.entity';

type NewRow<T> = Omit<T, 'id' | 'createdAt'>;

/** The counselling_contacts and counselling_referrals tables: what happens inside a case. */
@Injectable()
export class CaseActivityRepository {
  addContact(manager: EntityManager, fields: NewRow<CounsellingContact>): Promise<CounsellingContact> {
    const repo = manager.getRepository(CounsellingContact);
    return repo.save(repo.create(fields));
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
