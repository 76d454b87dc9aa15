import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_DB_ROLE } from '../app-db-role';

/**
 * Issue 23 part 3: one employer register for the whole plan (001 Ishøj, 004 Sønderborg: mapping
 * new workplaces, "fire årlige netværksmøder", a local CSR prize).
 *
 * - employers.status: prospect, contacted, cooperating, inactive. Existing rows become
 *   `cooperating` when they have a cooperation agreement (they were registered to take youths),
 *   else `prospect`.
 * - employer_contacts: the contact log (visit, call, mail, meeting; who and when). A log is kept,
 *   not edited: the app may add and read rows only.
 * - employer_network_memberships: periods in the plan's employer network; a period may be ended
 *   (valid_to set once), never moved. No two periods of one employer overlap (the service locks the
 *   employer and checks; the CHECK keeps each period in order).
 * - csr_awards: the plan's CSR prize, one winner per plan and year (unique).
 * - activity_session_employers: the employers who came to a session (a network meeting).
 */
export class EmployerRegister1734300000000 implements MigrationInterface {
  name = 'EmployerRegister1734300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE employers ADD COLUMN status text NOT NULL DEFAULT 'prospect'
      CHECK (status IN ('prospect','contacted','cooperating','inactive'))`);
    await q.query(`UPDATE employers e SET status = 'cooperating' WHERE EXISTS (SELECT 1 FROM employer_agreements a WHERE a.employer_id = e.id)`);
    await q.query(`CREATE INDEX employers_plan_status ON employers (plan_id, status, created_at DESC, id DESC)`);

    await q.query(`
      CREATE TABLE employer_contacts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plans(id),
        employer_id uuid NOT NULL REFERENCES employers(id),
        at timestamptz(3) NOT NULL,
        kind text NOT NULL CHECK (kind IN ('visit','call','mail','meeting')),
        note text CHECK (char_length(note) <= 500),
        recorded_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX employer_contacts_employer ON employer_contacts (employer_id, at DESC, id DESC)`);
    await q.query(`CREATE INDEX employer_contacts_plan_at ON employer_contacts (plan_id, at)`);

    await q.query(`
      CREATE TABLE employer_network_memberships (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plans(id),
        employer_id uuid NOT NULL REFERENCES employers(id),
        valid_from date NOT NULL,
        valid_to date,
        recorded_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT employer_network_period CHECK (valid_to IS NULL OR valid_to >= valid_from)
      )`);
    await q.query(`CREATE INDEX employer_network_employer ON employer_network_memberships (employer_id, valid_from)`);
    await q.query(`CREATE INDEX employer_network_plan ON employer_network_memberships (plan_id, valid_from)`);

    await q.query(`
      CREATE TABLE csr_awards (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plans(id),
        year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        employer_id uuid NOT NULL REFERENCES employers(id),
        nominee_ids uuid[] NOT NULL DEFAULT '{}',
        reason text CHECK (char_length(reason) <= 500),
        recorded_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT csr_awards_one_per_year UNIQUE (plan_id, year)
      )`);

    await q.query(`
      CREATE TABLE activity_session_employers (
        session_id uuid NOT NULL REFERENCES activity_sessions(id),
        employer_id uuid NOT NULL REFERENCES employers(id),
        plan_id uuid NOT NULL REFERENCES plans(id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (session_id, employer_id)
      )`);
    await q.query(`CREATE INDEX activity_session_employers_employer ON activity_session_employers (employer_id)`);

    // Default privileges would give the app UPDATE and DELETE too: a log and a prize are kept as recorded.
    await q.query(`REVOKE ALL ON employer_contacts, csr_awards, activity_session_employers, employer_network_memberships FROM ${APP_DB_ROLE}`);
    await q.query(`GRANT SELECT, INSERT ON employer_contacts, csr_awards, activity_session_employers TO ${APP_DB_ROLE}`);
    await q.query(`GRANT SELECT, INSERT ON employer_network_memberships TO ${APP_DB_ROLE}`);
    await q.query(`GRANT UPDATE (valid_to) ON employer_network_memberships TO ${APP_DB_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE activity_session_employers`);
    await q.query(`DROP TABLE csr_awards`);
    await q.query(`DROP TABLE employer_network_memberships`);
    await q.query(`DROP TABLE employer_contacts`);
    await q.query(`DROP INDEX employers_plan_status`);
    await q.query(`ALTER TABLE employers DROP COLUMN status`);
  }
}
