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
import { RoleGrantsService, USER_MANAGEMENT } from './role-grants.service';
import type { User } from './user.entity';
import { roleChangeProblems, roleOrganisationProblems } from './user-rules';
import { userView } from './user-views';
import { UsersRepository } from './users.repository';

export { USER_MANAGEMENT } from './role-grants.service';

/**
 * The people who sign in. Staff are added by invitation only (the invitee sets their own
 * password), so nobody, the platform admin included, knows another person's password; a role that
 * reads a compartment's case notes, or approves such roles, takes effect only when a second person
 * approves it (role-grants.service.ts). Every change is audited where the plan's leader sees it.
 */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditWriter,
    private readonly plans: PlansService,
    private readonly invitations: InvitationsService,
    private readonly grants: RoleGrantsService,
  ) {}

  /** Invites a user to a plan; a password is refused (400), from the admin too. */
  async createUser(actor: Actor, planId: string, dto: CreateUserDto): Promise<InvitationResponse> {
    if (dto.password !== undefined) {
      throw new InvalidInput(
        [{ field: 'password', rule: 'password_not_allowed', message: 'nobody sets another person\'s password: leave password out and the user gets an invitation e-mail to set their own' }],
        'password_not_allowed',
      );
    }
    return this.uow.run(async (manager) => {
      await this.plans.reachablePlanId(actor, planId, manager);
      await this.assertRoleFitsOrganisation(manager, planId, dto.role, dto.organisationId);
      return this.invitations.invite(manager, actor, planId, dto);
    });
  }

  /**
   * Changes a user's name, role or whether they may sign in. Deactivation and a role that needs
   * nobody's approval take effect at once (ending the user's sessions); a role that reads a
   * compartment's notes, and the reactivation of such an account, waits for a second person
   * (`pendingRole`), and the user keeps signing in as they are until then.
   */
  async updateUser(actor: Actor, userId: string, dto: UpdateUserDto): Promise<UserResponse> {
    return this.uow.run(async (manager) => {
      const user = await this.users.lockById(manager, userId);
      const reachable = user && user.role !== 'admin' && (actor.role === 'admin' || user.planId === actor.planId);
      if (!user || !reachable) throw new NotFound('User');
      if (user.id === actor.userId && (dto.active === false || (dto.role && dto.role !== user.role))) {
        throw new RuleViolation([{ rule: 'not_yourself', message: 'you cannot deactivate yourself or change your own role' }], 'not_yourself');
      }
      const role = dto.role ?? (user.role as PlanRole);
      const problems = roleChangeProblems(user.role as PlanRole, role);
      if (problems.length) throw new RuleViolation(problems, 'role_across_organisations');

      let current = user;
      if (dto.name !== undefined && dto.name !== user.name) {
        await this.users.update(manager, userId, { name: dto.name });
        await this.audit.record({ ...actor, planId: user.planId }, { action: 'user.renamed', purpose: USER_MANAGEMENT, entityType: 'user', entityId: userId }, manager);
        current = { ...user, name: dto.name };
      }
      if (dto.role === undefined && dto.active === undefined) return userView(current, (await this.grants.openOf(manager, [userId])).get(userId));
      const open = await this.grants.lockOpenOf(manager, userId);
      const active = dto.active ?? (open?.activates || user.active);
      // Left out, the role stays what is wanted now: the waiting one while the account stays (or becomes) active; deactivating never grants it.
      const want = { role: dto.role ?? (active ? (open?.role ?? user.role) : user.role) as PlanRole, active };
      const requester = { actor, kind: actor.role === 'admin' ? ('admin' as const) : ('plan_user' as const) };
      const changed = await this.grants.change(manager, requester, current, want);
      return userView(changed.user, changed.pending);
    });
  }

  /** One user of the plan (the admin: of any plan), with the grant waiting for approval, if any. */
  async getUser(actor: Actor, userId: string): Promise<UserResponse> {
    const user = await this.users.findInPlan(this.manager, userId, actor.role === 'admin' ? undefined : (actor.planId as string));
    if (!user) throw new NotFound('User');
    return userView(user, (await this.grants.openOf(this.manager, [user.id])).get(user.id));
  }

  /** The plan's users, each with the grant waiting for approval (`pendingRole`), if any. */
  async listUsers(planId: string, query: PageQuery): Promise<UserPage> {
    const page = await this.users.page(this.manager, planId, query, (u) => u);
    const pending = await this.grants.openOf(this.manager, page.items.map((u) => u.id));
    return { items: page.items.map((u) => userView(u, pending.get(u.id))), nextCursor: page.nextCursor };
  }

  /** For sign-in: the account behind an e-mail, with its password hash, if it is active or waiting for approval to become so. */
  findSignInAccount(email: string): Promise<(User & { awaitingApproval: boolean }) | null> {
    return this.users.findSignInAccount(this.manager, email);
  }

  /** For sign-in: the plan an e-mail's account belongs to, so a failed attempt is audited where its leader sees it. */
  accountOf(email: string): Promise<{ id: string; planId: string | null } | null> {
    return this.users.accountOf(this.manager, email);
  }

  /** A refresh: the account is in use (the nightly job deactivates unused ones). */
  markSeen(manager: EntityManager, id: string): Promise<void> {
    return this.users.markSeen(manager, id);
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

  /**
   * The demo's users (src/demo): made by the seeding code with the demo's shared password, as
   * already approved; never reachable through the API, where every user is invited.
   */
  async createSeededUser(actor: Actor, planId: string, dto: CreateUserDto & { password: string }): Promise<UserResponse> {
    return this.uow.run(async (manager) => {
      await this.plans.reachablePlanId(actor, planId, manager);
      await this.assertRoleFitsOrganisation(manager, planId, dto.role, dto.organisationId);
      return this.provision(manager, actor, planId, dto);
    });
  }

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
