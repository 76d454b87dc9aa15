import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { PlanActor } from '../access/actor';
import { VolunteerGroups } from '../activities/volunteer-groups';
import { InvalidInput, RuleViolation, refuseStaleVersion } from '../common/domain-errors';
import { planDateOf, todayInPlanZone } from '../common/time';
import { UnitOfWork } from '../database/unit-of-work';
import type { CorrectHelpDto, HelpQuery, RecordHelpDto, SummaryQuery } from './dto/volunteer-help.dto';
import type { VolunteerGroupPage, VolunteerHelpPage, VolunteerHelpResponse, VolunteerHelpSummary } from './dto/volunteer-help-response.dto';
import type { VolunteerHelp } from './entities/volunteer-help.entity';
import { VolunteerCoordinatorService } from './volunteer-coordinator.service';
import { helpTimeProblems, isCorrectable, summaryPeriod } from './volunteer-help-rules';
import { VolunteerHelpRepository } from './volunteer-help.repository';
import { VolunteerTopicsService } from './volunteer-topics.service';
import type { VolunteersProblem } from './volunteers-problems';

/**
 * Help given by the plan's volunteers (issue 23): a volunteer records and sees only their own
 * entries; the leader and the volunteers' coordinator see the plan's counts. Nothing here is a
 * resident's personal data (no resident, no name, no free text), so nothing is audited per read.
 */
@Injectable()
export class VolunteerHelpService {
  constructor(
    private readonly uow: UnitOfWork,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly help: VolunteerHelpRepository,
    private readonly topics: VolunteerTopicsService,
    private readonly groups: VolunteerGroups,
    private readonly coordinator: VolunteerCoordinatorService,
  ) {}

  async record(actor: PlanActor, dto: RecordHelpDto): Promise<VolunteerHelpResponse> {
    const occurredAt = dto.occurredAt ?? new Date();
    const timeProblems = helpTimeProblems(occurredAt);
    if (timeProblems.length) throw new RuleViolation(timeProblems, 'volunteer_help_time_unmet' satisfies VolunteersProblem);
    return this.uow.run(async (manager) => {
      await this.topics.assertKnown(manager, actor.planId, dto.topic);
      if (dto.activityId) await this.assertGroup(manager, actor.planId, dto.activityId, planDateOf(occurredAt));
      const saved = await this.help.insert(manager, {
        planId: actor.planId,
        volunteerId: actor.userId,
        activityId: dto.activityId ?? null,
        occurredAt,
        topic: dto.topic,
        minutes: dto.minutes ?? null,
        escort: dto.escort ?? false,
      });
      return (await this.views(manager, actor.planId, [saved]))[0];
    });
  }

  async correct(actor: PlanActor, id: string, dto: CorrectHelpDto): Promise<VolunteerHelpResponse> {
    return this.uow.run(async (manager) => {
      const entry = await this.help.lockOwn(manager, actor, id);
      refuseStaleVersion('The entry', dto.version, entry.version, { entryId: id });
      this.assertCorrectable(entry);
      if (dto.topic !== undefined) {
        await this.topics.assertKnown(manager, actor.planId, dto.topic);
        entry.topic = dto.topic;
      }
      if (dto.minutes !== undefined) entry.minutes = dto.minutes;
      if (dto.escort !== undefined) entry.escort = dto.escort;
      entry.version += 1;
      const saved = await this.help.save(manager, entry);
      return (await this.views(manager, actor.planId, [saved]))[0];
    });
  }

  async remove(actor: PlanActor, id: string): Promise<void> {
    await this.uow.run(async (manager) => {
      const entry = await this.help.lockOwn(manager, actor, id);
      this.assertCorrectable(entry);
      await this.help.remove(manager, entry);
    });
  }

  async listOwn(actor: PlanActor, query: HelpQuery): Promise<VolunteerHelpPage> {
    const manager = this.dataSource.manager;
    const page = await this.help.pageOwn(manager, actor, query);
    return { items: await this.views(manager, actor.planId, page.items), nextCursor: page.nextCursor };
  }

  async summary(actor: PlanActor, query: SummaryQuery): Promise<VolunteerHelpSummary> {
    const manager = this.dataSource.manager;
    await this.coordinator.assertSeesCounts(manager, actor);
    const period = summaryPeriod(query);
    if (Array.isArray(period)) throw new InvalidInput(period, 'volunteer_period_invalid' satisfies VolunteersProblem);
    const counts = await this.help.summary(manager, actor.planId, period.from, period.to);
    const label = await this.topics.labels(manager, actor.planId);
    const topicLabels = Object.fromEntries(Object.keys(counts.byTopic).map((key) => [key, label(key)]));
    return { ...period, ...counts, topicLabels };
  }

  /** The volunteer groups a volunteer may record help under today. */
  async groupsToday(actor: PlanActor): Promise<VolunteerGroupPage> {
    return { items: await this.groups.runningOn(this.dataSource.manager, actor.planId, todayInPlanZone()), nextCursor: null };
  }

  private async assertGroup(manager: EntityManager, planId: string, activityId: string, day: string): Promise<void> {
    if (await this.groups.isRunningOn(manager, planId, activityId, day)) return;
    throw new RuleViolation(
      [{ field: 'activityId', rule: 'volunteer_group_in_plan', message: 'activityId is not a volunteer group of your plan running on the day of the help' }],
      'volunteer_activity_not_in_plan' satisfies VolunteersProblem,
    );
  }

  private assertCorrectable(entry: VolunteerHelp): void {
    if (isCorrectable(entry)) return;
    throw new RuleViolation(
      [{ rule: 'of_today', message: 'only an entry of today, recorded today (Danish time), can be corrected or removed' }],
      'volunteer_help_not_today' satisfies VolunteersProblem,
    );
  }

  private async views(manager: EntityManager, planId: string, rows: VolunteerHelp[]): Promise<VolunteerHelpResponse[]> {
    const label = await this.topics.labels(manager, planId);
    const groupIds = [...new Set(rows.map((r) => r.activityId).filter((id): id is string => id !== null))];
    const groupNames = groupIds.length ? await this.groups.namesOf(manager, planId, groupIds) : new Map<string, string>();
    return rows.map((h) => ({
      id: h.id,
      activityId: h.activityId,
      activityName: h.activityId ? (groupNames.get(h.activityId) ?? null) : null,
      occurredAt: h.occurredAt,
      topic: h.topic,
      topicLabel: label(h.topic),
      minutes: h.minutes,
      escort: h.escort,
      version: h.version,
      correctable: isCorrectable(h),
      createdAt: h.createdAt,
    }));
  }
}
