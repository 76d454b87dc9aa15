import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../access/actor';
import type { PlanRole } from '../access/roles';
import { AuditWriter } from '../audit/audit-writer';
import { hashPassword } from '../auth/passwords';
import { passwordProblems } from '../auth/password-policy';
import { Conflict, InvalidInput, NotFound, RuleViolation } from '../common/domain-errors';
import type { PageQuery } from '../common/pagination';
import { UnitOfWork } from '../database/unit-of-work';
import { PlansService } from '../plans/plans.service';
import type { CreateUserDto, UpdateUserDto } from './dto/user.dto';
import type { InvitationResponse, UserPage, UserResponse } from './dto/user-response.dto';
import { InvitationsService } from './invitations.service';
import { SessionsRepository } from './sessions.repository';
import type { User } from './user.entity';
import { roleChangeProblems, roleOrganisationProblems } from './user-rules';
import { userView } from './user-views';
import { UsersRepository } from './users.repository';

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
    private readonly users: UsersRepository,
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditWriter,
    private readonly plans: PlansService,
    private readonly sessions: SessionsRepository,
    private readonly invitations: InvitationsService,
  ) {}

  /** A leader's call invites; the admin's call provisions when it gives a password, and invites otherwise. */
  async createUser(actor: Actor, planId: string, dto: CreateUserDto): Promise<InvitationResponse | UserResponse> {
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
  async updateUser(actor: Actor, userId: string, dto: UpdateUserDto): Promise<UserResponse> {
    return this.uow.run(async (manager) => {
      const user = await this.users.lockById(manager, userId);
      const reachable = user && user.role !== 'admin' && (actor.role === 'admin' || user.planId === actor.planId);
      if (!user || !reachable) throw new NotFound('User');
      if (user.id === actor.userId && (dto.active === false || (dto.role && dto.role !== user.role))) {
        throw new RuleViolation([{ rule: 'not_yourself', message: 'you cannot deactivate yourself or change your own role' }], 'not_yourself');
      }
      const from = user.role as PlanRole;
      const role = dto.role ?? from;
      const problems = roleChangeProblems(from, role);
      if (problems.length) throw new RuleViolation(problems, 'role_across_organisations');
      const active = dto.active ?? user.active;
      await this.users.update(manager, userId, { name: dto.name ?? user.name, role, active });

      const who = { ...actor, planId: user.planId };
      const event = (action: string) => ({ action, purpose: USER_MANAGEMENT, entityType: 'user', entityId: userId });
      const events = [];
      if (role !== from) {
        await this.sessions.endAllOf(manager, userId, 'role_changed');
        events.push(event(`user.role_changed.${from}.${role}`));
      }
      if (active !== user.active) {
        if (!active) await this.sessions.endAllOf(manager, userId, 'deactivated');
        events.push(event(active ? 'user.reactivated' : 'user.deactivated'));
      }
      if (dto.name !== undefined && dto.name !== user.name) events.push(event('user.renamed'));
      await this.audit.record(who, events, manager);
      return userView({ ...user, name: dto.name ?? user.name, role, active });
    });
  }

  listUsers(planId: string, query: PageQuery): Promise<UserPage> {
    return this.users.page(this.manager, planId, query, userView);
  }

  /** For sign-in: the account behind an e-mail, with its password hash, if it is active. */
  findActiveUserWithPassword(email: string): Promise<User | null> {
    return this.users.findActiveWithPassword(this.manager, { email });
  }

  /** For sign-in: the plan an e-mail's account belongs to, so a failed attempt is audited where its leader sees it. */
  accountOf(email: string): Promise<{ id: string; planId: string | null } | null> {
    return this.users.accountOf(this.manager, email);
  }

  findActiveUser(id: string, manager: EntityManager = this.manager): Promise<User | null> {
    return this.users.findActive(manager, id);
  }

  /** With the password hash: for changing one's own password. */
  findActiveUserWithPasswordById(id: string): Promise<User | null> {
    return this.users.findActiveWithPassword(this.manager, { id });
  }

  async setPassword(manager: EntityManager, user: User, password: string): Promise<void> {
    const problems = passwordProblems(password, { email: user.email, name: user.name }, 'newPassword');
    if (problems.length) throw new InvalidInput(problems, 'weak_password');
    await this.users.update(manager, user.id, { passwordHash: await hashPassword(password) });
  }

  /**
   * Creates the platform admin from ADMIN_EMAIL/ADMIN_PASSWORD when no admin exists yet. Several
   * processes may start at once: the unique e-mail makes one of them create it.
   */
  async ensureBootstrapAdmin(email: string, password: string): Promise<boolean> {
    const problems = passwordProblems(password, { email, name: 'Administrator' }, 'ADMIN_PASSWORD');
    if (problems.length) throw new InvalidInput(problems, 'weak_password');
    if (await this.users.adminExists(this.manager)) return false;
    return this.users.insertFirstAdmin(this.manager, email, await hashPassword(password));
  }

  /** The platform admin provisions a user with an initial password (api.md); audited like an invitation. */
  private async provision(manager: EntityManager, actor: Actor, planId: string, dto: CreateUserDto & { password: string }): Promise<UserResponse> {
    const email = dto.email.toLowerCase();
    const problems = passwordProblems(dto.password, { email, name: dto.name });
    if (problems.length) throw new InvalidInput(problems, 'weak_password');
    if (await this.users.emailTaken(manager, email)) {
      throw new Conflict('A user with this e-mail already exists', { code: 'email_in_use' });
    }
    const user = await this.users.insert(manager, { planId, organisationId: dto.organisationId ?? null, email, name: dto.name, role: dto.role, passwordHash: await hashPassword(dto.password) });
    await this.audit.record({ ...actor, planId }, { action: 'user.created', purpose: USER_MANAGEMENT, entityType: 'user', entityId: user.id }, manager);
    return userView(user);
  }

  private async assertRoleFitsOrganisation(manager: EntityManager, planId: string, role: PlanRole, organisationId: string | undefined): Promise<void> {
    const organisation = organisationId ? await this.plans.findOrganisation(planId, organisationId, manager) : undefined;
    if (organisationId && !organisation) {
      throw new RuleViolation([{ field: 'organisationId', rule: 'organisation_in_plan', message: 'organisationId is not an organisation of this plan' }], 'organisation_not_in_plan');
    }
    const problems = roleOrganisationProblems(role, organisation?.kind);
    if (problems.length) throw new RuleViolation(problems, 'role_organisation_mismatch');
  }
}
