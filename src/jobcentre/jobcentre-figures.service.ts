import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { PlanActor } from '../access/actor';
import { periodBounds } from '../indicators/indicator-period';
import { PlanSettingsService } from '../plans/plan-settings.service';
import { suppressBreakdowns, suppressCount, suppressPart, type ShownCount } from '../statistics/suppression';
import type { JobcentreFiguresResponse } from './dto/jobcentre-response.dto';
import type { JobcentreFigures } from './jobcentre-figures';
import { jobcentreSection } from './jobcentre-report-queries';

/**
 * The caseload's figures for a quarter, a half-year or a year. The caseworkers, whose caseload it
 * is, get exact counts; the leader gets them with small counts suppressed as in the report's exports
 * (statistics/suppression.ts), since a "1" in target group 6.7 of a small area names a person.
 */
@Injectable()
export class JobcentreFiguresService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: PlanSettingsService,
  ) {}

  async figures(actor: PlanActor, period: string): Promise<JobcentreFiguresResponse> {
    const { fromDate, toDate } = periodBounds(period);
    const figures = await jobcentreSection(this.dataSource.manager, [actor.planId, fromDate, toDate]);
    const base = { period, from: fromDate, to: toDate };
    if (actor.role !== 'leader') return { ...base, ...figures, suppressed: false };
    const { suppressionThreshold } = await this.settings.settingsOf(actor.planId);
    return { ...base, ...suppressedFigures(figures, suppressionThreshold), suppressed: true };
  }
}

const shownValue = (s: ShownCount): number | string => (s.suppressed ? s.display : s.value);

/** The leader's view: covered with its breakdown by target group as one figure, active as a part of it, ended by reason as its own total. */
export function suppressedFigures(f: JobcentreFigures, threshold: number): Omit<JobcentreFiguresResponse, 'period' | 'from' | 'to' | 'suppressed'> {
  const cells = (counts: Record<string, number>) => Object.entries(counts).map(([key, value]) => ({ key, value }));
  const groups = suppressBreakdowns([cells(f.byTargetGroup)], f.covered, threshold);
  const active = suppressPart(f.active, f.covered, threshold);
  const endedTotal = Object.values(f.endedByReason).reduce((a, b) => a + b, 0);
  const ended = suppressBreakdowns([cells(f.endedByReason)], endedTotal, threshold);
  const coveredShown = groups.total.suppressed ? groups.total : active.whole;
  const rateShown = !coveredShown.suppressed && !active.part.suppressed;
  return {
    covered: shownValue(coveredShown),
    active: shownValue(active.part),
    byTargetGroup: Object.fromEntries(groups.tables[0].map((c) => [c.key, shownValue(c)])) as JobcentreFiguresResponse['byTargetGroup'],
    started: shownValue(suppressCount(f.started, threshold)),
    endedByReason: Object.fromEntries(ended.tables[0].map((c) => [c.key, shownValue(c)])) as JobcentreFiguresResponse['endedByReason'],
    activationRate: rateShown ? f.activationRate : null,
  };
}
