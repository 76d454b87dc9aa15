import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A contact belongs to a matter that already exists: it cannot be dated before its case was
 * opened. The API refuses it (case-timeline.ts); the database guarantees it, so the half-year
 * report may rely on it (only cases opened before a period can add residents through a contact).
 */
export class ContactsNotBeforeTheirCase1732600000000 implements MigrationInterface {
  name = 'ContactsNotBeforeTheirCase1732600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION counselling_contact_not_before_case() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.occurred_at < (SELECT opened_at FROM counselling_cases WHERE id = NEW.case_id) THEN
          RAISE EXCEPTION 'a contact cannot be dated before its counselling case was opened' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER counselling_contacts_not_before_case BEFORE INSERT OR UPDATE OF occurred_at, case_id ON counselling_contacts
      FOR EACH ROW EXECUTE FUNCTION counselling_contact_not_before_case()`);
    // Nothing changes a case's opening time after the fact (reopening keeps it), so contacts stay valid.
    await q.query(`
      CREATE FUNCTION counselling_case_opening_is_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.opened_at <> OLD.opened_at THEN
          RAISE EXCEPTION 'a counselling case''s opening time is fixed: it decides the half-year it counts in' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER counselling_cases_opening_fixed BEFORE UPDATE OF opened_at ON counselling_cases
      FOR EACH ROW EXECUTE FUNCTION counselling_case_opening_is_fixed()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER counselling_cases_opening_fixed ON counselling_cases`);
    await q.query(`DROP FUNCTION counselling_case_opening_is_fixed()`);
    await q.query(`DROP TRIGGER counselling_contacts_not_before_case ON counselling_contacts`);
    await q.query(`DROP FUNCTION counselling_contact_not_before_case()`);
  }
}
