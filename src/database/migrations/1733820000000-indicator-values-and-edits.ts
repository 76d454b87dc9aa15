import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_DB_ROLE } from '../app-db-role';

/**
 * Indicator values per year or half-year, and edits of indicators, plans, housing areas and
 * organisations (issue 12, parts 7 and 11).
 *
 * - The plans promise to fill in baselines during their first year, so an indicator's baseline
 *   (value, year, source), target and target year can change after it was added; `version` makes
 *   two leaders editing at once see a 409 `stale_version` instead of overwriting each other.
 * - `target_kind` says how a target reads against a half-year: `yearly` (an amount per year, half
 *   of it belongs to a half-year), `half_yearly` (an amount per half-year) or `level` (a share or
 *   level to reach, the same in any period). Existing shares and percentages are levels, units
 *   "pr. halvår" half-yearly; everything else was entered as a yearly amount.
 * - A value is never overwritten: a correction is a new revision of the same indicator and
 *   period, so the history of what the leader reported, and when, stays. The app may insert and
 *   read revisions but not change or delete them.
 * - Audit events of edits carry what changed (`changes`: before and after).
 * - An organisation's kind changes only while it still fits its users (caseworkers: municipal).
 */
export class IndicatorValuesAndEdits1733820000000 implements MigrationInterface {
  name = 'IndicatorValuesAndEdits1733820000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE plan_indicators
      ADD COLUMN description text CHECK (char_length(description) BETWEEN 1 AND 2000),
      ADD COLUMN baseline_source text CHECK (char_length(baseline_source) BETWEEN 1 AND 200),
      ADD COLUMN target_year smallint CHECK (target_year BETWEEN 1990 AND 2100),
      ADD COLUMN target_kind text NOT NULL DEFAULT 'yearly' CHECK (target_kind IN ('yearly', 'half_yearly', 'level')),
      ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
      ADD CONSTRAINT plan_indicators_baseline_year CHECK (baseline_year BETWEEN 1990 AND 2100),
      ADD CONSTRAINT plan_indicators_id_plan UNIQUE (id, plan_id)`);
    await q.query(`UPDATE plan_indicators SET target_kind = 'half_yearly' WHERE unit ~* 'halvår'`);
    await q.query(`UPDATE plan_indicators SET target_kind = 'level' WHERE unit ~* '\\mandel\\M|procent|%'`);

    await q.query(`
      CREATE TABLE indicator_values (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plans(id),
        indicator_id uuid NOT NULL,
        period text NOT NULL CHECK (period ~ '^(19|20|21)[0-9]{2}(-H[12])?$'),
        revision integer NOT NULL CHECK (revision >= 1),
        value numeric NOT NULL CHECK (value BETWEEN -1000000000 AND 1000000000),
        source text CHECK (char_length(source) BETWEEN 1 AND 200),
        note text CHECK (char_length(note) BETWEEN 1 AND 2000),
        recorded_by uuid REFERENCES users(id),
        recorded_at timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT indicator_values_indicator FOREIGN KEY (indicator_id, plan_id) REFERENCES plan_indicators (id, plan_id),
        CONSTRAINT indicator_values_one_revision UNIQUE (indicator_id, period, revision)
      )`);
    await q.query(`CREATE INDEX indicator_values_page ON indicator_values (indicator_id, recorded_at DESC, id DESC)`);
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON indicator_values FROM ${APP_DB_ROLE}`);

    await q.query(`ALTER TABLE plans ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1)`);
    await q.query(`ALTER TABLE housing_areas ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1)`);
    await q.query(`ALTER TABLE organisations ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1)`);

    // A caseworker belongs to a municipal organisation and the plan's own staff to none (users/user-rules.ts):
    // an organisation's new kind must still fit the people in it, whichever request changes it.
    await q.query(`
      CREATE FUNCTION organisation_kind_fits_its_users() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM users u WHERE u.organisation_id = NEW.id AND (u.role = 'caseworker') <> (NEW.kind = 'municipal')) THEN
          RAISE EXCEPTION 'the organisation''s users do not fit its new kind' USING ERRCODE = 'check_violation', CONSTRAINT = 'organisation_kind_fits_its_users';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER organisation_kind_fits_its_users BEFORE UPDATE OF kind ON organisations
      FOR EACH ROW WHEN (NEW.kind IS DISTINCT FROM OLD.kind) EXECUTE FUNCTION organisation_kind_fits_its_users()`);

    await q.query(`ALTER TABLE audit_events ADD COLUMN changes jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_events DROP COLUMN changes`);
    await q.query(`DROP TRIGGER organisation_kind_fits_its_users ON organisations`);
    await q.query(`DROP FUNCTION organisation_kind_fits_its_users()`);
    await q.query(`ALTER TABLE organisations DROP COLUMN version`);
    await q.query(`ALTER TABLE housing_areas DROP COLUMN version`);
    await q.query(`ALTER TABLE plans DROP COLUMN version`);
    await q.query(`DROP TABLE indicator_values`);
    await q.query(`ALTER TABLE plan_indicators
      DROP CONSTRAINT plan_indicators_id_plan,
      DROP CONSTRAINT plan_indicators_baseline_year,
      DROP COLUMN version,
      DROP COLUMN target_kind,
      DROP COLUMN target_year,
      DROP COLUMN baseline_source,
      DROP COLUMN description`);
  }
}
