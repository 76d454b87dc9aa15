import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { paginate, type Page, type PageQuery } from '../common/pagination';
import { User } from './user.entity';

type NewUser = Pick<User, 'planId' | 'organisationId' | 'email' | 'name' | 'role' | 'passwordHash'> & { active?: boolean };

/** Someone to write to about the plan's accounts. */
export interface MailContact {
  id: string;
  email: string;
  name: string;
}

/** An account the nightly job found unused, locked for its transaction. */
export interface UnusedAccount extends MailContact {
  planId: string;
  role: string;
}

// An account whose grant waits for a second person may sign in to learn so, and to nothing else.
const AWAITING_APPROVAL = `EXISTS (SELECT 1 FROM role_requests q WHERE q.user_id = u.id AND q.decided_at IS NULL AND q.activates)`;

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

  findById(manager: EntityManager, id: string): Promise<User | null> {
    return manager.getRepository(User).findOneBy({ id });
  }

  lockById(manager: EntityManager, id: string): Promise<User | null> {
    return manager.getRepository(User).createQueryBuilder('u').where('u.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  async update(manager: EntityManager, id: string, values: Partial<Pick<User, 'name' | 'role' | 'active' | 'passwordHash' | 'lastSeenAt'>>): Promise<void> {
    await manager.update(User, { id }, values);
  }

  /** A sign-in or refresh: the account is in use. */
  async markSeen(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE users SET last_seen_at = now() WHERE id = $1`, [id]);
  }

  /** Reachable for user management: a plan's user (not the platform admin), in `planId` when given. */
  findInPlan(manager: EntityManager, id: string, planId: string | undefined): Promise<User | null> {
    const qb = manager.getRepository(User).createQueryBuilder('u').where(`u.id = :id AND u.role <> 'admin'`, { id });
    if (planId !== undefined) qb.andWhere('u.plan_id = :planId', { planId });
    return qb.getOne();
  }

  /** Whether the plan has an active leader other than `except`. */
  async hasAnotherActiveLeader(manager: EntityManager, planId: string, except: string | null): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM users WHERE plan_id = $1 AND role = 'leader' AND active AND ($2::uuid IS NULL OR id <> $2) LIMIT 1`,
      [planId, except],
    );
    return rows.length > 0;
  }

  /** The plan's active leaders, and the named users (e.g. the plan's approver) if active: who is told about the plan's accounts. */
  leadersAnd(manager: EntityManager, planId: string, userIds: readonly (string | null)[]): Promise<MailContact[]> {
    return manager.query(
      `SELECT id, email, name FROM users WHERE plan_id = $1 AND active AND (role = 'leader' OR id = ANY($2::uuid[])) ORDER BY name, id`,
      [planId, userIds.filter((id): id is string => id !== null)],
    );
  }

  /**
   * The active accounts of the given plans ($1, with their limits in days, $2) not seen since their
   * plan's limit before $3, locked; the platform admin belongs to no plan and is never among them.
   */
  lockUnused(manager: EntityManager, plans: { planId: string; days: number }[], now: Date): Promise<UnusedAccount[]> {
    return manager.query(
      `SELECT u.id, u.plan_id AS "planId", u.email, u.name, u.role FROM users u
         JOIN unnest($1::uuid[], $2::int[]) AS plan(id, days) ON plan.id = u.plan_id
        WHERE u.active AND u.last_seen_at < $3::timestamptz - make_interval(days => plan.days)
        ORDER BY u.id
        FOR UPDATE OF u SKIP LOCKED`,
      [plans.map((p) => p.planId), plans.map((p) => p.days), now],
    );
  }

  async deactivate(manager: EntityManager, ids: readonly string[]): Promise<void> {
    if (ids.length) await manager.query(`UPDATE users SET active = false WHERE id = ANY($1::uuid[])`, [ids]);
  }

  /** For signing in with a password: the active account, or one waiting for its approval, with its hash and whether it waits. */
  async findSignInAccount(manager: EntityManager, email: string): Promise<(User & { awaitingApproval: boolean }) | null> {
    const { entities, raw } = await manager
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .addSelect(`NOT u.active`, 'awaiting_approval')
      .where(`(u.active OR ${AWAITING_APPROVAL}) AND lower(u.email) = :email`, { email: email.toLowerCase() })
      .getRawAndEntities<{ awaiting_approval: boolean }>();
    return entities[0] ? { ...entities[0], awaitingApproval: raw[0].awaiting_approval } : null;
  }

  /** Removes the account's local password; whether it had one. */
  async removePassword(manager: EntityManager, id: string): Promise<boolean> {
    const [rows]: [unknown[], number] = await manager.query(`UPDATE users SET password_hash = NULL WHERE id = $1 AND password_hash IS NOT NULL RETURNING id`, [id]);
    return rows.length > 0;
  }

  /** Whether a not-yet-active account waits for approval of its grant. */
  async awaitsApproval(manager: EntityManager, id: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM users u WHERE u.id = $1 AND NOT u.active AND ${AWAITING_APPROVAL}`, [id]);
    return rows.length > 0;
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
