import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AccessPolicy } from '../../access/access-policy';
import type { PlanActor } from '../../access/actor';
import { AuditWriter } from '../../audit/audit-writer';
import { Conflict, Forbidden, refuseStaleVersion } from '../../common/domain-errors';
import { UnitOfWork } from '../../database/unit-of-work';
import { residentErased, ResidentsRepository } from '../../residents/residents.repository';
import { COUNSELLING_PURPOSE } from '../counselling-cases.service';
import { CounsellingTopicsService } from '../counselling-topics.service';
import type { CounsellingProblem } from '../counselling-problems';
import type { CounsellingReferral } from '../entities/counselling-referral.entity';
import type { ChangeReferralStatusDto, ReferralQuery } from './referral-follow-up.dto';
import type { ReferralFollowUpPage, ReferralFollowUpResponse } from './referral-follow-up-response.dto';
import { ReferralFollowUpRepository } from './referral-follow-up.repository';
import { followUpView } from './referral-follow-up-views';
import { canMove, mayMoveTo, nextStatuses } from './referral-status-machine';

/**
 * Following a referral up (issue 12): the receiving organisation's caseworker answers it while the
 * resident's consent to share with them holds; the counsellors who sent it see where it stands and
 * may take it back. Every read and change is audited.
 */
@Injectable()
export class ReferralFollowUpService {
  constructor(
    private readonly uow: UnitOfWork,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessPolicy,
    private readonly audit: AuditWriter,
    private readonly residents: ResidentsRepository,
    private readonly referrals: ReferralFollowUpRepository,
    private readonly topics: CounsellingTopicsService,
  ) {}

  async list(actor: PlanActor, query: ReferralQuery): Promise<ReferralFollowUpPage> {
    const manager = this.dataSource.manager;
    const page = await this.referrals.page(manager, actor, query);
    const items = await this.views(manager, actor, page.items);
    const purpose = this.access.readPurpose(actor, 'counselling', COUNSELLING_PURPOSE);
    await this.audit.recordListed(actor, { action: 'counselling_referral.listed', purpose, entityType: 'counselling_referral' }, items);
    return { items, nextCursor: page.nextCursor };
  }

  /** One referral, as the inbox opens it; audited like the list. */
  async get(actor: PlanActor, id: string): Promise<ReferralFollowUpResponse> {
    const manager = this.dataSource.manager;
    const [view] = await this.views(manager, actor, [await this.referrals.followedUp(manager, actor, id)]);
    const purpose = this.access.readPurpose(actor, 'counselling', COUNSELLING_PURPOSE);
    await this.audit.record(actor, { action: 'counselling_referral.read', purpose, residentId: view.residentId, entityType: 'counselling_referral', entityId: id });
    return view;
  }

  async changeStatus(actor: PlanActor, id: string, dto: ChangeReferralStatusDto): Promise<ReferralFollowUpResponse> {
    return this.uow.run(async (manager) => {
      // The resident is held first (an erasure's order) and until the change commits: a follow-up
      // counts as activity, so retention must not erase them under it, and its note must not
      // outlive an erasure (ResidentsRepository.holdAgainstErasure).
      const heldResident = await this.referrals.residentOfReferral(manager, actor, id);
      const held = heldResident ? await this.residents.holdAgainstErasure(manager, heldResident) : { erased: false };
      const found = await this.referrals.lockFollowedUp(manager, actor, id);
      if (!mayMoveTo(actor.role, dto.status)) {
        throw new Forbidden(
          dto.status === 'revoked' ? 'Only the counsellors who sent a referral take it back' : 'Only the receiving organisation\'s caseworker accepts, rejects or completes a referral',
          { code: 'referral_status_not_yours' satisfies CounsellingProblem },
        );
      }
      refuseStaleVersion('The referral', dto.version, found.version, { referralId: id });
      if (!canMove(found.status, dto.status)) {
        throw new Conflict(`A ${found.status} referral cannot become ${dto.status}`, {
          code: 'referral_transition_refused' satisfies CounsellingProblem,
          extra: { referralId: id, currentStatus: found.status, allowed: nextStatuses(found.status) },
        });
      }
      const residentId = (await this.referrals.residentsOfCases(manager, actor, [found.caseId])).get(found.caseId) as string;
      // Like closing a case, the follow-up goes on after an erasure (the report counts statuses),
      // but nothing new is written about the erased resident.
      if (dto.note !== undefined && held.erased) throw residentErased(residentId);
      const changed = await this.referrals.recordChange(manager, found, { toStatus: dto.status, note: dto.note ?? null, changedBy: actor.userId, changedAt: new Date() });
      const purpose = this.access.readPurpose(actor, 'counselling', COUNSELLING_PURPOSE);
      await this.audit.record(actor, { action: 'counselling_referral.status_changed', purpose, residentId, entityType: 'counselling_referral', entityId: id }, manager);
      const [view] = await this.views(manager, actor, [changed]);
      return view;
    });
  }

  /** Views of a page, with a fixed number of queries whatever its length. */
  private async views(manager: EntityManager, actor: PlanActor, referrals: CounsellingReferral[]): Promise<ReferralFollowUpResponse[]> {
    const cases = await this.referrals.casesOf(manager, actor, referrals.map((f) => f.caseId));
    const residentIds = [...cases.values()].map((c) => c.residentId);
    const freeText = await this.residents.withCounsellingFreeTextShared(manager, actor, residentIds);
    const names = await this.residents.displayNames(manager, actor, residentIds);
    const histories = await this.referrals.historiesOf(manager, referrals.map((f) => f.id));
    const authors = [...referrals.map((f) => f.recordedBy), ...[...histories.values()].flat().map((c) => c.changedBy)];
    const people = await this.referrals.peopleOf(manager, actor.planId, authors, referrals.map((f) => f.organisationId).filter((o): o is string => o !== null));
    const topicLabel = await this.topics.labels(manager, actor.planId);
    const reader = { userId: actor.userId, organisationId: actor.organisationId ?? null };
    return referrals.map((f) => {
      const kase = cases.get(f.caseId);
      const residentId = kase?.residentId as string;
      return followUpView(f, {
        residentId,
        residentName: names.get(residentId) ?? '',
        kase,
        topicLabel,
        history: histories.get(f.id) ?? [],
        freeTextShared: freeText.has(residentId),
        people,
        reader,
      });
    });
  }
}
