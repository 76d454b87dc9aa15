import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 12, parts 9 and 10.
 *
 * 1. A contact is "before its case" only on an earlier Danish calendar day than the case was
 *    opened (src/counselling/case-timeline.ts): the drop-in conversation at 09:58 belongs to the
 *    case opened for it at 10:00. The trigger of 1732600000000 checks the same rule. A Danish day
 *    never straddles two half-years, so a contact still never falls in a half-year before its case's.
 *
 * 2. Possible duplicate residents (src/residents/possible-duplicates.ts): the same person is the
 *    same normalised name and birth date, or the same normalised phone, in one plan's compartment.
 *    The normalisations are SQL functions so the check and its indexes use one definition.
 *    `confirmed_not_duplicate` marks a resident registered although possible duplicates were named
 *    (or, below, one that was already a duplicate before this check existed). The unique indexes
 *    serve the lookup and settle a race: of two identical registrations at the same moment, the
 *    second waits for the first and then fails on the index, and is answered 409 like any other
 *    duplicate. A confirmed row carries its own id in the last column, so it never collides.
 *    Erased residents (erased_at set, identity gone) are outside the indexes and never match.
 */
export class DropInDayAndPossibleDuplicates1733830000000 implements MigrationInterface {
  name = 'DropInDayAndPossibleDuplicates1733830000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION counselling_contact_not_before_case() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF timezone('Europe/Copenhagen', NEW.occurred_at)::date
           < (SELECT timezone('Europe/Copenhagen', opened_at)::date FROM counselling_cases WHERE id = NEW.case_id) THEN
          RAISE EXCEPTION 'a contact cannot be dated on a day before its counselling case was opened' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);

    // Case and runs of white space do not make another person; accents and Danish letters do
    // (Søren/Soren, Aase/Åse are spelled as the person spells them), so they are kept.
    await q.query(`
      CREATE FUNCTION resident_name_key(first_name text, last_name text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT nullif(lower(btrim(regexp_replace(coalesce(first_name, '') || ' ' || coalesce(last_name, ''), '\\s+', ' ', 'g'))), '')
      $$`);
    // Digits only; a Danish number written with +45 or 0045 is the same as its eight digits (Danish
    // numbers have eight, so ten starting 45 are 45 and a number).
    await q.query(`
      CREATE FUNCTION resident_phone_key(phone text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN d = '' THEN NULL
                    WHEN length(d) = 12 AND d LIKE '0045%' THEN substr(d, 5)
                    WHEN length(d) = 10 AND d LIKE '45%' THEN substr(d, 3)
                    ELSE d END
          FROM (SELECT regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g') AS d) digits
      $$`);
    await q.query(`ALTER TABLE residents ADD COLUMN confirmed_not_duplicate boolean NOT NULL DEFAULT false`);
    // Duplicates registered before this check are left as they are: all but the first of each are
    // marked confirmed, so the indexes can be built and nobody's record is refused a later change.
    await q.query(`
      UPDATE residents SET confirmed_not_duplicate = true
       WHERE id IN (
         SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY plan_id, compartment, resident_name_key(first_name, last_name), birth_date ORDER BY created_at, id) AS n
                           FROM residents WHERE erased_at IS NULL AND birth_date IS NOT NULL AND resident_name_key(first_name, last_name) IS NOT NULL) byname WHERE n > 1
         UNION
         SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY plan_id, compartment, resident_phone_key(phone) ORDER BY created_at, id) AS n
                           FROM residents WHERE erased_at IS NULL AND resident_phone_key(phone) IS NOT NULL) byphone WHERE n > 1)`);
    const distinctIfConfirmed = `(CASE WHEN confirmed_not_duplicate THEN id ELSE '00000000-0000-0000-0000-000000000000'::uuid END)`;
    await q.query(`CREATE UNIQUE INDEX residents_possible_duplicate_name
      ON residents (plan_id, compartment, resident_name_key(first_name, last_name), birth_date, ${distinctIfConfirmed}) WHERE erased_at IS NULL`);
    await q.query(`CREATE UNIQUE INDEX residents_possible_duplicate_phone
      ON residents (plan_id, compartment, resident_phone_key(phone), ${distinctIfConfirmed}) WHERE erased_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX residents_possible_duplicate_phone`);
    await q.query(`DROP INDEX residents_possible_duplicate_name`);
    await q.query(`ALTER TABLE residents DROP COLUMN confirmed_not_duplicate`);
    await q.query(`DROP FUNCTION resident_phone_key(text)`);
    await q.query(`DROP FUNCTION resident_name_key(text, text)`);
    await q.query(`
      CREATE OR REPLACE FUNCTION counselling_contact_not_before_case() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.occurred_at < (SELECT opened_at FROM counselling_cases WHERE id = NEW.case_id) THEN
          RAISE EXCEPTION 'a contact cannot be dated before its counselling case was opened' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
  }
}
