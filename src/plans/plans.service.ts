import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { Actor } from '../access/actor';
import { hashPassword } from '../auth/passwords';
import { paginate, type PageQuery } from '../common/pagination';
import { Conflict, NotFound, RuleViolation } from '../common/domain-errors';
import type { CreateHousingAreaDto, CreateOrganisationDto, CreatePlanDto, CreateUserDto, UpdateUserDto } from './dto/plan.dto';
import { HousingArea } from './entities/housing-area.entity';
import { Organisation } from './entities/organisation.entity';
import { Plan } from './entities/plan.entity';
import { User } from './entities/user.entity';
import { housingAreaView, organisationView, planView, userView } from './plan-views';

@Injectable()
export class PlansService {
  constructor(
    @InjectRepository(Plan) private readonly plans: Repository<Plan>,
    @InjectRepository(HousingArea) private readonly areas: Repository<HousingArea>,
    @InjectRepository(Organisation) private readonly organisations: Repository<Organisation>,
    @InjectRepository(User) private readonly users: Repository<User>,
  ) {}

  async createPlan(dto: CreatePlanDto) {
    if (dto.validTo < dto.validFrom) {
      throw new RuleViolation([{ field: 'validTo', rule: 'plan_period', message: 'validTo must not be before validFrom' }]);
    }
    return planView(await this.plans.save(this.plans.create(dto)));
  }

  async listPlans() {
    return { items: (await this.plans.find({ order: { createdAt: 'ASC' } })).map(planView), nextCursor: null };
  }

  async addHousingArea(actor: Actor, planId: string, dto: CreateHousingAreaDto) {
    await this.requireManageablePlan(actor, planId);
    await this.refuseDuplicate(this.areas, planId, dto.name, 'housing area');
    const area = this.areas.create({ planId, name: dto.name, jobProgrammeEligible: dto.jobProgrammeEligible ?? false });
    return housingAreaView(await this.areas.save(area));
  }

  async addOrganisation(actor: Actor, planId: string, dto: CreateOrganisationDto) {
    await this.requireManageablePlan(actor, planId);
    await this.refuseDuplicate(this.organisations, planId, dto.name, 'organisation');
    return organisationView(await this.organisations.save(this.organisations.create({ planId, ...dto })));
  }

  /** The admin creates a plan's first users; a leader manages the users of their own plan. */
  async createUser(actor: Actor, planId: string, dto: CreateUserDto) {
    await this.requireManageablePlan(actor, planId);
    if (dto.organisationId && !(await this.organisations.existsBy({ id: dto.organisationId, planId }))) {
      throw new RuleViolation([{ field: 'organisationId', rule: 'organisation_in_plan', message: 'organisationId is not an organisation of this plan' }]);
    }
    if (dto.role === 'caseworker' && !dto.organisationId) {
      throw new RuleViolation([
        { field: 'organisationId', rule: 'caseworker_organisation', message: 'a caseworker must belong to an organisation: consent is given to organisations' },
      ]);
    }
    const email = dto.email.toLowerCase();
    if (await this.users.createQueryBuilder('u').where('lower(u.email) = :email', { email }).getExists()) {
      throw new Conflict('A user with this e-mail already exists');
    }
    const user = this.users.create({
      planId,
      organisationId: dto.organisationId ?? null,
      email,
      name: dto.name,
      role: dto.role,
      passwordHash: await hashPassword(dto.password),
    });
    return userView(await this.users.save(user));
  }

  /**
   * Changes a user's name, role or whether they may log in. Deactivating ends their sessions at
   * once (their refresh tokens are revoked); access tokens run out within their short lifetime.
   */
  async updateUser(actor: Actor, userId: string, dto: UpdateUserDto) {
    const user = await this.users.findOneBy({ id: userId });
    const reachable = user && user.role !== 'admin' && (actor.role === 'admin' || user.planId === actor.planId);
    if (!user || !reachable) throw new NotFound('User');
    if (user.id === actor.userId && (dto.active === false || (dto.role && dto.role !== user.role))) {
      throw new RuleViolation([{ rule: 'not_yourself', message: 'you cannot deactivate yourself or change your own role' }]);
    }
    const role = dto.role ?? user.role;
    if (role === 'caseworker' && !user.organisationId) {
      throw new RuleViolation([{ field: 'role', rule: 'caseworker_organisation', message: 'a caseworker must belong to an organisation' }]);
    }
    return this.users.manager.transaction(async (manager) => {
      await manager.update(User, { id: userId }, { name: dto.name ?? user.name, role, active: dto.active ?? user.active });
      if (dto.active === false || role !== user.role) {
        await manager.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);
      }
      return userView({ ...user, name: dto.name ?? user.name, role, active: dto.active ?? user.active });
    });
  }

  listHousingAreas(planId: string) {
    return this.areas.find({ where: { planId }, order: { name: 'ASC' } }).then((rows) => ({ items: rows.map(housingAreaView), nextCursor: null }));
  }

  listOrganisations(planId: string) {
    return this.organisations.find({ where: { planId }, order: { name: 'ASC' } }).then((rows) => ({ items: rows.map(organisationView), nextCursor: null }));
  }

  listUsers(planId: string, query: PageQuery) {
    const qb = this.users.createQueryBuilder('u').where('u.plan_id = :planId', { planId });
    return paginate(qb, query, 'u.created_at', 'u.id', userView, (u) => ({ at: u.createdAt, id: u.id }));
  }

  private async requireManageablePlan(actor: Actor, planId: string): Promise<void> {
    await this.reachablePlanId(actor, planId);
  }

  /** The plan id if the actor may manage that plan (admin: any; leader: their own), else 404. */
  async reachablePlanId(actor: Actor, planId: string): Promise<string> {
    const reachable = actor.role === 'admin' || actor.planId === planId;
    if (!reachable || !(await this.plans.existsBy({ id: planId }))) throw new NotFound('Plan');
    return planId;
  }

  private async refuseDuplicate(repo: Repository<HousingArea> | Repository<Organisation>, planId: string, name: string, what: string) {
    if (await (repo as Repository<HousingArea>).existsBy({ planId, name })) {
      throw new Conflict(`This plan already has a ${what} named "${name}"`);
    }
  }

  /** For login: the account behind an e-mail, with its password hash, if it is active. */
  findActiveUserWithPassword(email: string): Promise<User | null> {
    return this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.email) = :email AND u.active', { email: email.toLowerCase() })
      .getOne();
  }

  findActiveUser(id: string): Promise<User | null> {
    return this.users.findOneBy({ id, active: true });
  }

  /** Creates the platform admin from ADMIN_EMAIL/ADMIN_PASSWORD when no admin exists yet. */
  async ensureBootstrapAdmin(email: string, password: string): Promise<boolean> {
    if (await this.users.existsBy({ role: 'admin' })) return false;
    const admin = this.users.create({ planId: null, organisationId: null, email: email.toLowerCase(), name: 'Administrator', role: 'admin', passwordHash: await hashPassword(password) });
    await this.users.save(admin);
    return true;
  }

  /** A housing area of the plan, or null; pass the caller's transaction manager when inside one. */
  findHousingArea(planId: string, id: string, manager?: EntityManager): Promise<HousingArea | null> {
    return (manager?.getRepository(HousingArea) ?? this.areas).findOneBy({ id, planId });
  }

  organisationExists(planId: string, id: string): Promise<boolean> {
    return this.organisations.existsBy({ id, planId });
  }

  findPlanByName(name: string): Promise<Plan | null> {
    return this.plans.findOneBy({ name });
  }

  async getPlan(planId: string, manager?: EntityManager): Promise<Plan> {
    const plan = await (manager?.getRepository(Plan) ?? this.plans).findOneBy({ id: planId });
    if (!plan) throw new NotFound('Plan');
    return plan;
  }

  async organisationIds(planId: string, manager?: EntityManager): Promise<string[]> {
    return (await (manager?.getRepository(Organisation) ?? this.organisations).find({ where: { planId }, select: { id: true } })).map((o) => o.id);
  }
}
