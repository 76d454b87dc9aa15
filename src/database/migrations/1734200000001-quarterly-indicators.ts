import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 23: indicator values and targets may be quarterly, as the job centre follows its caseload
 * (004_* Sønderborg: "Antal beboere omfattet af det fremskudte jobcenter … Kvartalsvis"). A value
 * may be recorded for "2026-Q1", and a target may be an amount per quarter. Two indicators the seed
 * names are computed from the report's caseload section: the people covered and the activation rate.
 */
export class QuarterlyIndicators1734200000001 implements MigrationInterface {
  name = 'QuarterlyIndicators1734200000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE indicator_values DROP CONSTRAINT indicator_values_period_check`);
    await q.query(`ALTER TABLE indicator_values ADD CONSTRAINT indicator_values_period_check CHECK (period ~ '^(19|20|21)[0-9]{2}(-H[12]|-Q[1-4])?$')`);
    await q.query(`ALTER TABLE plan_indicators DROP CONSTRAINT plan_indicators_target_kind_check`);
    await q.query(`ALTER TABLE plan_indicators ADD CONSTRAINT plan_indicators_target_kind_check CHECK (target_kind IN ('yearly', 'half_yearly', 'quarterly', 'level'))`);
    await q.query(`ALTER TABLE plan_indicators DROP CONSTRAINT plan_indicators_metric_check`);
    await q.query(`ALTER TABLE plan_indicators ADD CONSTRAINT plan_indicators_metric_check
      CHECK (metric IN ('job_programmes_started','ordinary_job_share','counselling_cases_started','counselling_unique_residents','jobcentre_covered','jobcentre_activation_rate'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE plan_indicators DROP CONSTRAINT plan_indicators_metric_check`);
    await q.query(`ALTER TABLE plan_indicators ADD CONSTRAINT plan_indicators_metric_check
      CHECK (metric IN ('job_programmes_started','ordinary_job_share','counselling_cases_started','counselling_unique_residents'))`);
    await q.query(`ALTER TABLE plan_indicators DROP CONSTRAINT plan_indicators_target_kind_check`);
    await q.query(`ALTER TABLE plan_indicators ADD CONSTRAINT plan_indicators_target_kind_check CHECK (target_kind IN ('yearly', 'half_yearly', 'level'))`);
    await q.query(`ALTER TABLE indicator_values DROP CONSTRAINT indicator_values_period_check`);
    await q.query(`ALTER TABLE indicator_values ADD CONSTRAINT indicator_values_period_check CHECK (period ~ '^(19|20|21)[0-9]{2}(-H[12])?$')`);
  }
}
