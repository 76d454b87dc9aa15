import type { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * The metrics a plan's indicator may be computed from, spelled out (a migration is frozen history).
 * Besides the first four: the job centre's (1734200000001) and `active_volunteers`, the volunteers'
 * metric (issue 23, part 1, migration 1734100000000), kept here so that this later constraint never
 * drops it, whichever branch reached main first.
 */
const METRICS_BEFORE = `'job_programmes_started','ordinary_job_share','counselling_cases_started','counselling_unique_residents','jobcentre_covered','jobcentre_activation_rate','active_volunteers'`;

/**
 * Issue 23, part 4: an indicator may be computed from the småjobs started in the half-year by
 * residents of 30-64 on the first day (003_* Holstebro: "Antallet af beboere i alderen 30 - 64 år
 * der er i småjobs stiger").
 */
export class SmallJobsIndicatorMetric1734400000001 implements MigrationInterface {
  name = 'SmallJobsIndicatorMetric1734400000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE plan_indicators DROP CONSTRAINT plan_indicators_metric_check`);
    await q.query(`ALTER TABLE plan_indicators ADD CONSTRAINT plan_indicators_metric_check CHECK (metric IN (${METRICS_BEFORE},'small_jobs_started_30_64'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE plan_indicators DROP CONSTRAINT plan_indicators_metric_check`);
    await q.query(`ALTER TABLE plan_indicators ADD CONSTRAINT plan_indicators_metric_check CHECK (metric IN (${METRICS_BEFORE}))`);
  }
}
