import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { paginate, type Page, type PageQuery } from '../common/pagination';
import { Invitation } from './invitation.entity';

export type InvitationFilter = 'pending' | 'accepted' | 'revoked' | 'expired';

const OPEN = 'i.accepted_at IS NULL AND i.revoked_at IS NULL';
const FILTERS: Record<InvitationFilter, string> = {
  pending: `${OPEN} AND i.expires_at > now()`,
  expired: `${OPEN} AND i.expires_at <= now()`,
  accepted: 'i.accepted_at IS NOT NULL',
  revoked: 'i.revoked_at IS NOT NULL',
};

/** The invitations table; a link's token exists only as its hash. */
@Injectable()
export class InvitationsRepository {
  async insert(manager: EntityManager, values: Pick<Invitation, 'planId' | 'email' | 'name' | 'role' | 'organisationId' | 'expiresAt' | 'invitedBy'>): Promise<Invitation> {
    const repo = manager.getRepository(Invitation);
    return repo.save(repo.create(values));
  }

  findOpenFor(manager: EntityManager, planId: string, email: string): Promise<Invitation | null> {
    return manager.getRepository(Invitation).createQueryBuilder('i').where(`i.plan_id = :planId AND lower(i.email) = :email AND ${OPEN}`, { planId, email: email.toLowerCase() }).getOne();
  }

  page<R>(manager: EntityManager, planId: string, status: InvitationFilter | undefined, query: PageQuery, toView: (i: Invitation) => R): Promise<Page<R>> {
    const qb = manager.getRepository(Invitation).createQueryBuilder('i').where('i.plan_id = :planId', { planId });
    if (status) qb.andWhere(FILTERS[status]);
    return paginate(qb, query, 'i.created_at', 'i.id', toView, (i) => ({ at: i.createdAt, id: i.id }));
  }

  findById(manager: EntityManager, id: string): Promise<Invitation | null> {
    return manager.getRepository(Invitation).findOneBy({ id });
  }

  /** Locked for the transaction; `planId` limits it to one plan (undefined: any plan, for the admin). */
  lockById(manager: EntityManager, id: string, planId: string | undefined): Promise<Invitation | null> {
    const qb = manager.getRepository(Invitation).createQueryBuilder('i').where('i.id = :id', { id }).setLock('pessimistic_write');
    if (planId !== undefined) qb.andWhere('i.plan_id = :planId', { planId });
    return qb.getOne();
  }

  /** The open, unexpired invitation a link's token belongs to, locked for the transaction. */
  lockUsableByTokenHash(manager: EntityManager, tokenHash: string): Promise<Invitation | null> {
    return manager
      .getRepository(Invitation)
      .createQueryBuilder('i')
      .where(`i.token_hash = :tokenHash AND ${OPEN} AND i.expires_at > now()`, { tokenHash })
      .setLock('pessimistic_write')
      .getOne();
  }

  async update(manager: EntityManager, id: string, values: Partial<Pick<Invitation, 'expiresAt' | 'tokenHash' | 'sentAt' | 'revokedAt' | 'acceptedAt' | 'userId'>>): Promise<void> {
    await manager.update(Invitation, { id }, values);
  }

  /** Stores a new link's hash if the invitation is still open; false when it is not. */
  async storeTokenHash(manager: EntityManager, id: string, tokenHash: string): Promise<boolean> {
    const [rows]: [unknown[], number] = await manager.query(
      `UPDATE invitations SET token_hash = $2, sent_at = now() WHERE id = $1 AND accepted_at IS NULL AND revoked_at IS NULL RETURNING id`,
      [id, tokenHash],
    );
    return rows.length > 0;
  }
}
