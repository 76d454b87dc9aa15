import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Plan settings (issue 11): the leisure-job programme's ranges become per-plan columns instead of
 * constants in code, because plans differ: Ishøj's programme is for 13-15-year-olds (001_*),
 * Varde's for "unge fra 13-18 år" (002_*). The defaults are the values the code used so far, so
 * existing plans behave exactly as before.
 *
 * The CHECKs mirror the validation of PUT /plans/:planId/settings (src/plans/plan-settings.ts),
 * so no other writer can store what the API refuses:
 * - ages 13-17: most work under 13 is forbidden (bekendtgørelse om unges arbejde), and the
 *   programme's guards (a guardian's consent and signature) are for minors;
 * - hours a week 0.5-40, as numeric(4,1) like an employment's hours_per_week;
 * - months 1-24;
 * - the guardian-consent age 13-18: below 13 no child consents alone, from 18 nobody needs a guardian;
 * - the yearly target 0-1000 (it was only >= 0).
 */
export class PlanSettings1733700000000 implements MigrationInterface {
  name = 'PlanSettings1733700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE plans
      ADD COLUMN job_programme_min_age smallint NOT NULL DEFAULT 13,
      ADD COLUMN job_programme_max_age smallint NOT NULL DEFAULT 15,
      ADD COLUMN job_programme_hours_min numeric(4,1) NOT NULL DEFAULT 2,
      ADD COLUMN job_programme_hours_max numeric(4,1) NOT NULL DEFAULT 6,
      ADD COLUMN job_programme_months_min smallint NOT NULL DEFAULT 3,
      ADD COLUMN job_programme_months_max smallint NOT NULL DEFAULT 5,
      ADD CONSTRAINT plans_job_programme_ages CHECK (job_programme_min_age BETWEEN 13 AND 17 AND job_programme_max_age BETWEEN 13 AND 17 AND job_programme_min_age <= job_programme_max_age),
      ADD CONSTRAINT plans_job_programme_hours CHECK (job_programme_hours_min BETWEEN 0.5 AND 40 AND job_programme_hours_max BETWEEN 0.5 AND 40 AND job_programme_hours_min <= job_programme_hours_max),
      ADD CONSTRAINT plans_job_programme_months CHECK (job_programme_months_min BETWEEN 1 AND 24 AND job_programme_months_max BETWEEN 1 AND 24 AND job_programme_months_min <= job_programme_months_max),
      ADD CONSTRAINT plans_guardian_consent_below_age CHECK (guardian_consent_below_age BETWEEN 13 AND 18),
      DROP CONSTRAINT plans_job_programme_target_per_year_check,
      ADD CONSTRAINT plans_job_programme_target_per_year CHECK (job_programme_target_per_year BETWEEN 0 AND 1000)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE plans
      DROP CONSTRAINT plans_job_programme_target_per_year,
      ADD CONSTRAINT plans_job_programme_target_per_year_check CHECK (job_programme_target_per_year >= 0),
      DROP CONSTRAINT plans_guardian_consent_below_age,
      DROP COLUMN job_programme_months_max,
      DROP COLUMN job_programme_months_min,
      DROP COLUMN job_programme_hours_max,
      DROP COLUMN job_programme_hours_min,
      DROP COLUMN job_programme_max_age,
      DROP COLUMN job_programme_min_age`);
  }
}
