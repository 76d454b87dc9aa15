import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { paginate, type Page, type PageQuery } from '../common/pagination';
import { User } from './user.entity';

type NewUser = Pick<User, 'planId' | 'organisationId' | 'email' | 'name' | 'role' | 'passwordHash'>;

/** The users table. E-mails compare case-insensitively (the unique index is on lower(email)). */
@Injectable()
export class UsersRepository {
  async insert(manager: EntityManager, values: NewUser): Promise<User> {
    const repo = manager.getRepository(User);
    return repo.save(repo.create(values));
  }

  /** Inserts the platform admin unless one exists; false when another process got there first. */
  async insertFirstAdmin(manager: EntityManager, email: string, passwordHash: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO users (plan_id, organisation_id, email, name, role, password_hash)
       SELECT NULL, NULL, $1, 'Administrator', 'admin', $2 WHERE NOT EXISTS (SELECT 1 FROM users WHERE role = 'admin')
       ON CONFLICT ((lower(email))) DO NOTHING RETURNING id`,
      [email.toLowerCase(), passwordHash],
    );
    return rows.length > 0;
  }

  adminExists(manager: EntityManager): Promise<boolean> {
    return manager.getRepository(User).existsBy({ role: 'admin' });
  }

  /** Whether an account has this e-mail: in `planId` only, or anywhere. */
  emailTaken(manager: EntityManager, email: string, planId?: string): Promise<boolean> {
    const qb = manager.getRepository(User).createQueryBuilder('u').where('lower(u.email) = :email', { email: email.toLowerCase() });
    if (planId) qb.andWhere('u.plan_id = :planId', { planId });
    return qb.getExists();
  }

  lockById(manager: EntityManager, id: string): Promise<User | null> {
    return manager.getRepository(User).createQueryBuilder('u').where('u.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  async update(manager: EntityManager, id: string, values: Partial<Pick<User, 'name' | 'role' | 'active' | 'passwordHash'>>): Promise<void> {
    await manager.update(User, { id }, values);
  }

  page<R>(manager: EntityManager, planId: string, query: PageQuery, toView: (u: User) => R): Promise<Page<R>> {
    const qb = manager.getRepository(User).createQueryBuilder('u').where('u.plan_id = :planId', { planId });
    return paginate(qb, query, 'u.created_at', 'u.id', toView, (u) => ({ at: u.createdAt, id: u.id }));
  }

  /** How staff are named where their work is shown (a resident's access log): name and organisation, by id. */
  async staffCards(manager: EntityManager, ids: readonly string[]): Promise<Map<string, { name: string; organisation: string | null }>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows: { id: string; name: string; organisation: string | null }[] = await manager.query(
      `SELECT u.id, u.name, o.name AS organisation FROM users u LEFT JOIN organisations o ON o.id = u.organisation_id WHERE u.id = ANY($1::uuid[])`,
      [unique],
    );
    return new Map(rows.map((r) => [r.id, { name: r.name, organisation: r.organisation }]));
  }

  findActive(manager: EntityManager, id: string): Promise<User | null> {
    return manager.getRepository(User).findOneBy({ id, active: true });
  }

  /** With the password hash, which is never selected otherwise. */
  findActiveWithPassword(manager: EntityManager, by: { email: string } | { id: string }): Promise<User | null> {
    const qb = manager.getRepository(User).createQueryBuilder('u').addSelect('u.passwordHash').where('u.active');
    if ('email' in by) qb.andWhere('lower(u.email) = :email', { email: by.email.toLowerCase() });
    else qb.andWhere('u.id = :id', { id: by.id });
    return qb.getOne();
  }

  /** Active or not: whose account an e-mail is, and its plan. */
  accountOf(manager: EntityManager, email: string): Promise<Pick<User, 'id' | 'planId'> | null> {
    return manager.getRepository(User).createQueryBuilder('u').select(['u.id', 'u.planId']).where('lower(u.email) = :email', { email: email.toLowerCase() }).getOne();
  }
}
