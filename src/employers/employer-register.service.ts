import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { PlanActor } from '../access/actor';
import { AuditWriter } from '../audit/audit-writer';
import { Conflict, RuleViolation } from '../common/domain-errors';
import type { PageQuery } from '../common/pagination';
import { isInFuture, todayInPlanZone } from '../common/time';
import { UnitOfWork } from '../database/unit-of-work';
import type { EndMembershipDto, JoinNetworkDto, EmployerContactDto } from './dto/register.dto';
import type { EmployerContactPage, NetworkMembershipResponse, RecordedEmployerContactResponse } from './dto/register-response.dto';
import { EmployerRegisterRepository } from './employer-register.repository';
import { statusAfterContact } from './employer-status';
import { contactView, membershipView } from './employer-views';
import type { EmployersProblem } from './employers-problems';
import { EmployersRepository } from './employers.repository';
import { EMPLOYER_REGISTER_PURPOSE as PURPOSE } from './employers.service';
import { networkPeriodProblems, overlappingPeriod } from './network-rules';

/**
 * The register's working parts: the contact log (001 Ishøj: "Opsøger og etablerer samarbejder med
 * virksomheder") and membership of the plan's employer network (004 Sønderborg: the network's
 * half-yearly meetings). What is logged is about the employer, never about a resident.
 */
@Injectable()
export class EmployerRegisterService {
  constructor(
    private readonly uow: UnitOfWork,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditWriter,
    private readonly employers: EmployersRepository,
    private readonly register: EmployerRegisterRepository,
  ) {}

  /**
   * Logs a contact by the caller. A prospect becomes `contacted` in the same transaction (and its
   * version moves on), so the register shows whom the plan has approached without a second step.
   */
  async recordContact(actor: PlanActor, employerId: string, dto: EmployerContactDto): Promise<RecordedEmployerContactResponse> {
    if (isInFuture(dto.at)) {
      throw new RuleViolation([{ field: 'at', rule: 'not_in_future', message: 'at is in the future; log a contact once it has taken place' }], 'contact_in_future' satisfies EmployersProblem);
    }
    return this.uow.run(async (manager) => {
      const employer = await this.employers.find(manager, actor, employerId, true);
      const status = statusAfterContact(employer.status);
      const version = status === employer.status ? employer.version : employer.version + 1;
      if (status !== employer.status) await this.employers.save(manager, { ...employer, status, version });
      const saved = await this.register.insertContact(manager, { planId: actor.planId, employerId, at: dto.at, kind: dto.kind, note: dto.note ?? null, recordedBy: actor.userId });
      await this.audit.record(actor, { action: 'employer_contact.recorded', purpose: PURPOSE, entityType: 'employer_contact', entityId: saved.id }, manager);
      const names = await this.register.staffNames(manager, actor, [actor.userId]);
      return { ...contactView(saved, names.get(actor.userId) ?? null), employerStatus: status, employerVersion: version };
    });
  }

  /** The employer's contact log, latest first, each with who was in touch. */
  async contacts(actor: PlanActor, employerId: string, query: PageQuery): Promise<EmployerContactPage> {
    const manager = this.dataSource.manager;
    await this.employers.find(manager, actor, employerId);
    const page = await this.register.contactPage(manager, actor, employerId, query);
    const names = await this.register.staffNames(manager, actor, page.items.map((c) => c.recordedBy));
    return { items: page.items.map((c) => contactView(c, names.get(c.recordedBy) ?? null)), nextCursor: page.nextCursor };
  }

  /**
   * A period in the network. The employer is locked first, so two overlapping periods sent at
   * once meet one after the other and the second is refused (409 naming the first).
   */
  async joinNetwork(actor: PlanActor, employerId: string, dto: JoinNetworkDto): Promise<NetworkMembershipResponse> {
    const period = { validFrom: dto.from, validTo: dto.to ?? null };
    const problems = networkPeriodProblems(period);
    if (problems.length) throw new RuleViolation(problems, 'network_period_unmet' satisfies EmployersProblem);
    return this.uow.run(async (manager) => {
      await this.employers.find(manager, actor, employerId, true);
      const existing = overlappingPeriod(await this.register.membershipsOf(manager, actor, employerId), period);
      if (existing) {
        throw new Conflict(`The employer is in the network from ${existing.validFrom} to ${existing.validTo ?? 'further notice'}, which overlaps`, {
          code: 'network_membership_overlaps' satisfies EmployersProblem,
          extra: { existingMembershipId: existing.id },
        });
      }
      const saved = await this.register.insertMembership(manager, { planId: actor.planId, employerId, ...period, recordedBy: actor.userId });
      await this.audit.record(actor, { action: 'employer_network.joined', purpose: PURPOSE, entityType: 'employer_network_membership', entityId: saved.id }, manager);
      return membershipView(saved, todayInPlanZone());
    });
  }

  /** Ends a running membership on its last day; an ended one stays as it was (409). */
  async endMembership(actor: PlanActor, employerId: string, membershipId: string, dto: EndMembershipDto): Promise<NetworkMembershipResponse> {
    return this.uow.run(async (manager) => {
      await this.employers.find(manager, actor, employerId, true);
      const membership = await this.register.findMembership(manager, actor, employerId, membershipId);
      if (membership.validTo !== null) {
        throw new Conflict(`The membership ended on ${membership.validTo}`, { code: 'network_membership_ended' satisfies EmployersProblem });
      }
      const problems = networkPeriodProblems({ validFrom: membership.validFrom, validTo: dto.to });
      if (problems.length) throw new RuleViolation(problems, 'network_period_unmet' satisfies EmployersProblem);
      const ended = await this.register.endMembership(manager, membership, dto.to);
      await this.audit.record(actor, { action: 'employer_network.ended', purpose: PURPOSE, entityType: 'employer_network_membership', entityId: membershipId }, manager);
      return membershipView(ended, todayInPlanZone());
    });
  }
}
