import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PlanActor } from '../access/actor';
import { paginate, type Page, type PageQuery } from '../common/pagination';
import { inPlan } from '../database/plan-scope';
import { HalfYearReport } from './half-year-report.entity';
import type { ActivitiesResult, HalfYearResult, ReferralsResult } from './half-year-result';
import type { HalfYear } from './report-period';
import { activitiesSection, planActivityKindLabels, referralsSection } from './activity-report-queries';
import { consentsSection, counsellingSection, jobProgrammesSection, planTopicLabels, type ReportPeriodParams } from './report-queries';

/**
 * The half-years whose scheduled report is due and not filed: a half-year is due for a plan once
 * it has ended (local midnight of 1 January or 1 July, Europe/Copenhagen), if the plan existed
 * then and the half-year overlaps the plan's validity. Read from the reports already filed, not
 * from Redis, so one that fell due while no worker ran is filed when one comes.
 */
const DUE_SQL = `
  SELECT p.id AS "planId", h.year, h.half
    FROM plans p
   CROSS JOIN LATERAL generate_series(
           make_date(extract(year FROM p.valid_from)::int, CASE WHEN extract(month FROM p.valid_from) <= 6 THEN 1 ELSE 7 END, 1)::timestamp,
           p.valid_to::timestamp, interval '6 months') AS s(start)
   CROSS JOIN LATERAL (SELECT extract(year FROM s.start)::int AS year,
                              CASE WHEN extract(month FROM s.start) = 1 THEN 1 ELSE 2 END AS half,
                              (s.start + interval '6 months') AT TIME ZONE 'Europe/Copenhagen' AS ended_at) h
   WHERE h.ended_at <= $1 AND p.created_at < h.ended_at
     AND NOT EXISTS (SELECT 1 FROM half_year_reports r
                      WHERE r.plan_id = p.id AND r.year = h.year AND r.half = h.half AND r.trigger = 'scheduled')
   ORDER BY h.year, h.half, p.id`;

const UNFINISHED = `status IN ('queued', 'running')`;

export interface DueReport {
  planId: string;
  year: number;
  half: 1 | 2;
}

/**
 * The half_year_reports table, and the report SQL over the plan's case data (report-queries.ts),
 * always for one plan. Every method runs on the caller's manager.
 */
@Injectable()
export class ReportsRepository {
  findById(manager: EntityManager, id: string): Promise<HalfYearReport | null> {
    return manager.getRepository(HalfYearReport).findOneBy({ id });
  }

  findInPlan(manager: EntityManager, actor: Pick<PlanActor, 'planId'>, id: string): Promise<HalfYearReport | null> {
    return inPlan(manager, HalfYearReport, 'h', actor).andWhere('h.id = :id', { id }).getOne();
  }

  page<R>(manager: EntityManager, actor: Pick<PlanActor, 'planId'>, query: PageQuery, toView: (r: HalfYearReport) => R): Promise<Page<R>> {
    return paginate(inPlan(manager, HalfYearReport, 'h', actor), query, 'h.created_at', 'h.id', toView, (r) => ({ at: r.createdAt, id: r.id }));
  }

  /** Serialises version numbering (and scheduled filing) per plan and half-year until the transaction ends. */
  async lockHalfYear(manager: EntityManager, planId: string, period: HalfYear): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`report:${planId}:${period.year}:${period.half}`]);
  }

  /** Serialises a plan's report requests (coalescing and the throttle) until the transaction ends. */
  async lockPlanRequests(manager: EntityManager, planId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`report-requests:${planId}`]);
  }

  /** The plan's queued or running report of the half-year, if any (the oldest: the one the queue reaches first). */
  unfinishedOf(manager: EntityManager, planId: string, period: HalfYear): Promise<HalfYearReport | null> {
    return manager
      .getRepository(HalfYearReport)
      .createQueryBuilder('h')
      .where(`h.plan_id = :planId AND h.year = :year AND h.half = :half AND h.${UNFINISHED}`, { planId, year: period.year, half: period.half })
      .orderBy('h.created_at', 'ASC')
      .getOne();
  }

  /** How many reports the plan's users requested that are still queued or running. */
  async unfinishedRequestedCount(manager: EntityManager, planId: string): Promise<number> {
    const [{ n }]: { n: string }[] = await manager.query(`SELECT count(*) AS n FROM half_year_reports WHERE plan_id = $1 AND trigger = 'requested' AND ${UNFINISHED}`, [planId]);
    return Number(n);
  }

  async scheduledFiled(manager: EntityManager, planId: string, period: HalfYear): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM half_year_reports WHERE plan_id = $1 AND year = $2 AND half = $3 AND trigger = 'scheduled'`, [
      planId,
      period.year,
      period.half,
    ]);
    return rows.length > 0;
  }

  async nextVersion(manager: EntityManager, planId: string, period: HalfYear): Promise<number> {
    const [{ next }]: { next: string }[] = await manager.query(
      `SELECT COALESCE(max(version), 0) + 1 AS next FROM half_year_reports WHERE plan_id = $1 AND year = $2 AND half = $3`,
      [planId, period.year, period.half],
    );
    return Number(next);
  }

  async insert(manager: EntityManager, values: Omit<HalfYearReport, 'createdAt' | 'result' | 'failureReason' | 'attempts' | 'startedAt' | 'completedAt'>): Promise<HalfYearReport> {
    const repo = manager.getRepository(HalfYearReport);
    const report = repo.create(values);
    await repo.insert(report);
    return report;
  }

  dueScheduled(manager: EntityManager, now: Date): Promise<DueReport[]> {
    return manager.query(DUE_SQL, [now]);
  }

  async markRunning(manager: EntityManager, id: string): Promise<void> {
    await manager.query(
      `UPDATE half_year_reports SET status = 'running', progress = 5, attempts = attempts + 1, started_at = COALESCE(started_at, now()) WHERE id = $1 AND ${UNFINISHED}`,
      [id],
    );
  }

  async setProgress(manager: EntityManager, id: string, percent: number): Promise<void> {
    await manager.query(`UPDATE half_year_reports SET progress = $2 WHERE id = $1 AND status = 'running'`, [id, percent]);
  }

  /** Stores the result unless the report has ended meanwhile; whether it was stored. */
  async storeResult(manager: EntityManager, id: string, result: HalfYearResult): Promise<boolean> {
    const [, stored]: [unknown, number] = await manager.query(
      `UPDATE half_year_reports SET status = 'completed', progress = 100, result = $2, completed_at = now(), failure_reason = NULL WHERE id = $1 AND ${UNFINISHED}`,
      [id, JSON.stringify(result)],
    );
    return stored > 0;
  }

  async markFailed(manager: EntityManager, id: string, reason: string): Promise<void> {
    await manager.query(`UPDATE half_year_reports SET status = 'failed', failure_reason = $2 WHERE id = $1 AND ${UNFINISHED}`, [id, reason]);
  }

  /** Fails every report still unfinished `minutes` after it was requested; the failed ones with their outbox rows. */
  async failRequestedBefore(manager: EntityManager, now: Date, minutes: number, reason: string): Promise<{ id: string; outbox_id: string | null }[]> {
    const [overdue]: [{ id: string; outbox_id: string | null }[], number] = await manager.query(
      `UPDATE half_year_reports SET status = 'failed', failure_reason = $3
        WHERE ${UNFINISHED} AND created_at < $1::timestamptz - make_interval(mins => $2) RETURNING id, outbox_id`,
      [now, minutes, reason],
    );
    return overdue;
  }

  /** Makes the caller's (REPEATABLE READ) transaction a read-only snapshot for computing a report. */
  async readOnly(manager: EntityManager): Promise<void> {
    await manager.query('SET TRANSACTION READ ONLY');
  }

  counselling(manager: EntityManager, params: ReportPeriodParams): Promise<HalfYearResult['counselling']> {
    return counsellingSection(manager, params);
  }

  jobProgrammes(manager: EntityManager, params: ReportPeriodParams, targetPerYear: number): Promise<HalfYearResult['jobProgrammes']> {
    return jobProgrammesSection(manager, params, targetPerYear);
  }

  consents(manager: EntityManager, params: ReportPeriodParams): Promise<HalfYearResult['consents']> {
    return consentsSection(manager, params);
  }

  activities(manager: EntityManager, params: ReportPeriodParams): Promise<ActivitiesResult> {
    return activitiesSection(manager, params);
  }

  referrals(manager: EntityManager, params: ReportPeriodParams): Promise<ReferralsResult> {
    return referralsSection(manager, params);
  }

  /** The labels of the plan's own activity kinds, as they read when the report is computed. */
  activityKindLabels(manager: EntityManager, planId: string): Promise<Record<string, string>> {
    return planActivityKindLabels(manager, planId);
  }

  /** The labels of the plan's own counselling topics, as they read when the report is computed. */
  topicLabels(manager: EntityManager, planId: string): Promise<Record<string, string>> {
    return planTopicLabels(manager, planId);
  }
}
