import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { Actor } from '../access/actor';
import type { PlanRole } from '../access/roles';
import { AuditWriter } from '../audit/audit-writer';
import { hashPassword } from '../auth/passwords';
import { passwordProblems } from '../auth/password-policy';
import { Conflict, InvalidInput, NotFound, RuleViolation } from '../common/domain-errors';
import { paginate, type PageQuery } from '../common/pagination';
import { UnitOfWork } from '../database/unit-of-work';
import { PlansService } from '../plans/plans.service';
import type { CreateUserDto, UpdateUserDto } from './dto/user.dto';
import { InvitationsService } from './invitations.service';
import { User } from './user.entity';
import { roleChangeProblems, roleOrganisationProblems } from './user-rules';
import { UserSessions } from './user-sessions';
import { userView } from './user-views';

export const USER_MANAGEMENT = 'user_management';

/**
 * The people who sign in. A leader adds staff to their plan by invitation only (the invitee sets
 * their own password), so nobody can create an account whose password they know and read case
 * notes with it; the platform admin may provision a user with an initial password. Every change
 * is audited where the plan's leader sees it.
 */
@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditWriter,
    private readonly plans: PlansService,
    private readonly sessions: UserSessions,
    private readonly invitations: InvitationsService,
  ) {}

  /** A leader's call invites; the admin's call provisions when it gives a password, and invites otherwise. */
  async createUser(actor: Actor, planId: string, dto: CreateUserDto) {
    if (dto.password !== undefined && actor.role !== 'admin') {
      throw new InvalidInput(
        [{ field: 'password', rule: 'password_not_allowed', message: 'a leader does not set passwords: leave password out and the user gets an invitation e-mail to set their own' }],
        'password_not_allowed',
      );
    }
    return this.uow.run(async (manager) => {
      await this.plans.reachablePlanId(actor, planId, manager);
      await this.assertRoleFitsOrganisation(manager, planId, dto.role, dto.organisationId);
      if (dto.password === undefined) return this.invitations.invite(manager, actor, planId, dto);
      return this.provision(manager, actor, planId, { ...dto, password: dto.password });
    });
  }

  /** Changes a user's name, role or whether they may sign in. A new role or deactivation ends every session at once. */
  async updateUser(actor: Actor, userId: string, dto: UpdateUserDto) {
    return this.uow.run(async (manager) => {
      const user = await manager.getRepository(User).createQueryBuilder('u').where('u.id = :userId', { userId }).setLock('pessimistic_write').getOne();
      const reachable = user && user.role !== 'admin' && (actor.role === 'admin' || user.planId === actor.planId);
      if (!user || !reachable) throw new NotFound('User');
      if (user.id === actor.userId && (dto.active === false || (dto.role && dto.role !== user.role))) {
        throw new RuleViolation([{ rule: 'not_yourself', message: 'you cannot deactivate yourself or change your own role' }]);
      }
      const from = user.role as PlanRole;
      const role = dto.role ?? from;
      const problems = roleChangeProblems(from, role);
      if (problems.length) throw new RuleViolation(problems, 'role_across_organisations');
      const active = dto.active ?? user.active;
      await manager.update(User, { id: userId }, { name: dto.name ?? user.name, role, active });

      const who = { ...actor, planId: user.planId };
      const event = (action: string) => ({ action, purpose: USER_MANAGEMENT, entityType: 'user', entityId: userId });
      const events = [];
      if (role !== from) {
        await this.sessions.endAllOf(userId, 'role_changed', manager);
        events.push(event(`user.role_changed.${from}.${role}`));
      }
      if (active !== user.active) {
        if (!active) await this.sessions.endAllOf(userId, 'deactivated', manager);
        events.push(event(active ? 'user.reactivated' : 'user.deactivated'));
      }
      if (dto.name !== undefined && dto.name !== user.name) events.push(event('user.renamed'));
      await this.audit.record(who, events, manager);
      return userView({ ...user, name: dto.name ?? user.name, role, active });
    });
  }

  listUsers(planId: string, query: PageQuery) {
    const qb = this.users.createQueryBuilder('u').where('u.plan_id = :planId', { planId });
    return paginate(qb, query, 'u.created_at', 'u.id', userView, (u) => ({ at: u.createdAt, id: u.id }));
  }

  /** For sign-in: the account behind an e-mail, with its password hash, if it is active. */
  findActiveUserWithPassword(email: string): Promise<User | null> {
    return this.users.createQueryBuilder('u').addSelect('u.passwordHash').where('lower(u.email) = :email AND u.active', { email: email.toLowerCase() }).getOne();
  }

  /** For sign-in: the plan an e-mail's account belongs to, so a failed attempt is audited where its leader sees it. */
  async accountOf(email: string): Promise<{ id: string; planId: string | null } | null> {
    return this.users.createQueryBuilder('u').select(['u.id', 'u.planId']).where('lower(u.email) = :email', { email: email.toLowerCase() }).getOne();
  }

  findActiveUser(id: string, manager: EntityManager = this.users.manager): Promise<User | null> {
    return manager.getRepository(User).findOneBy({ id, active: true });
  }

  /** With the password hash: for changing one's own password. */
  findActiveUserWithPasswordById(id: string): Promise<User | null> {
    return this.users.createQueryBuilder('u').addSelect('u.passwordHash').where('u.id = :id AND u.active', { id }).getOne();
  }

  async setPassword(manager: EntityManager, user: User, password: string): Promise<void> {
    const problems = passwordProblems(password, { email: user.email, name: user.name }, 'newPassword');
    if (problems.length) throw new InvalidInput(problems, 'weak_password');
    await manager.update(User, { id: user.id }, { passwordHash: await hashPassword(password) });
  }

  /**
   * Creates the platform admin from ADMIN_EMAIL/ADMIN_PASSWORD when no admin exists yet. Several
   * processes may start at once: the unique e-mail makes one of them create it.
   */
  async ensureBootstrapAdmin(email: string, password: string): Promise<boolean> {
    const problems = passwordProblems(password, { email, name: 'Administrator' }, 'ADMIN_PASSWORD');
    if (problems.length) throw new InvalidInput(problems, 'weak_password');
    if (await this.users.existsBy({ role: 'admin' })) return false;
    const rows: unknown[] = await this.users.manager.query(
      `INSERT INTO users (plan_id, organisation_id, email, name, role, password_hash)
       SELECT NULL, NULL, $1, 'Administrator', 'admin', $2 WHERE NOT EXISTS (SELECT 1 FROM users WHERE role = 'admin')
       ON CONFLICT ((lower(email))) DO NOTHING RETURNING id`,
      [email.toLowerCase(), await hashPassword(password)],
    );
    return rows.length > 0;
  }

  /** The platform admin provisions a user with an initial password (api.md); audited like an invitation. */
  private async provision(manager: EntityManager, actor: Actor, planId: string, dto: CreateUserDto & { password: string }) {
    const email = dto.email.toLowerCase();
    const problems = passwordProblems(dto.password, { email, name: dto.name });
    if (problems.length) throw new InvalidInput(problems, 'weak_password');
    if (await manager.getRepository(User).createQueryBuilder('u').where('lower(u.email) = :email', { email }).getExists()) {
      throw new Conflict('A user with this e-mail already exists', { code: 'email_in_use' });
    }
    const repo = manager.getRepository(User);
    const user = await repo.save(
      repo.create({ planId, organisationId: dto.organisationId ?? null, email, name: dto.name, role: dto.role, passwordHash: await hashPassword(dto.password) }),
    );
    await this.audit.record({ ...actor, planId }, { action: 'user.created', purpose: USER_MANAGEMENT, entityType: 'user', entityId: user.id }, manager);
    return userView(user);
  }

  private async assertRoleFitsOrganisation(manager: EntityManager, planId: string, role: PlanRole, organisationId: string | undefined): Promise<void> {
    const organisation = organisationId ? await this.plans.findOrganisation(planId, organisationId, manager) : undefined;
    if (organisationId && !organisation) {
      throw new RuleViolation([{ field: 'organisationId', rule: 'organisation_in_plan', message: 'organisationId is not an organisation of this plan' }]);
    }
    const problems = roleOrganisationProblems(role, organisation?.kind);
    if (problems.length) throw new RuleViolation(problems);
  }
}
