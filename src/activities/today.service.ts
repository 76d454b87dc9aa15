import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { PlanActor } from '../access/actor';
import { todayInPlanZone } from '../common/time';
import { PlansService } from '../plans/plans.service';
import { ActivitiesRepository } from './activities.repository';
import { ActivityKindsService } from './activity-kinds.service';
import { headcountView } from './activity-views';
import type { TodayPage, TodayQuery, TodaySlotResponse } from './dto/today.dto';
import { SessionsRepository } from './sessions.repository';
import { occurrencesOn } from './weekly-slots';

const NO_VISITORS = { total: 0, women: null, men: null, youth: null, adults: null };

/**
 * The day at the door (issue 21, "I dag"): every weekly slot of the plan's activities that falls
 * on today's Danish date, with the head count its session has so far, in one read. Head counts are
 * not personal data, so nothing here is audited.
 */
@Injectable()
export class TodayService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly plans: PlansService,
    private readonly kinds: ActivityKindsService,
    private readonly activities: ActivitiesRepository,
    private readonly sessions: SessionsRepository,
  ) {}

  async today(actor: PlanActor, query: TodayQuery, now = new Date()): Promise<TodayPage> {
    const manager = this.dataSource.manager;
    const date = todayInPlanZone(now);
    const activities = await this.activities.withWeeklySlotsOn(manager, actor, date, query);
    const occurrences = activities.flatMap((activity) => occurrencesOn(activity.weeklySlots, date).map((o) => ({ activity, ...o })));
    const sessions = await this.sessions.startingAt(
      manager,
      actor,
      [...new Set(occurrences.map((o) => o.activity.id))],
      [...new Set(occurrences.map((o) => o.startsAt.toISOString()))],
    );
    const sessionOf = new Map(sessions.map((s) => [`${s.activityId} ${new Date(s.startsAt).getTime()}`, s]));
    const labelOf = await this.kinds.labels(manager, actor.planId);
    const areaName = new Map((await this.plans.listHousingAreas(actor.planId)).items.map((a) => [a.id, a.name]));
    const items: TodaySlotResponse[] = occurrences
      .sort((x, y) => x.startsAt.getTime() - y.startsAt.getTime() || x.activity.name.localeCompare(y.activity.name, 'da'))
      .map(({ activity, slot, startsAt, endsAt }) => {
        const session = sessionOf.get(`${activity.id} ${startsAt.getTime()}`);
        return {
          activityId: activity.id,
          name: activity.name,
          kind: activity.kind,
          kindLabel: labelOf(activity.kind),
          housingAreaId: activity.housingAreaId,
          housingAreaName: activity.housingAreaId ? (areaName.get(activity.housingAreaId) ?? null) : null,
          start: slot.start,
          end: slot.end,
          startsAt,
          endsAt,
          state: now < startsAt ? 'upcoming' : now <= endsAt ? 'open' : 'ended',
          sessionId: session?.id ?? null,
          headcount: session ? headcountView(session) : NO_VISITORS,
        };
      });
    return { date, items, nextCursor: null };
  }
}
