import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 20: kept idempotent answers (src/idempotency/).
 *
 * - `answer` replaces `response_body`: the body encrypted (AES-256-GCM, kept-answer-cipher.ts), no
 *   longer JSON in clear. `answer_state` says what is kept: `kept`, `withheld` (a route whose answer
 *   holds secrets keeps only its status) or `forgotten` (about a resident since erased, or shown
 *   under a consent since withdrawn): a retry is then told the answer is gone (410), and runs nothing.
 * - `resident_ids`: the residents whose data the answer shows (those its request audited);
 *   `consent_ids`: the consents that let the caller see them. Erasure and withdrawal find the
 *   answers to forget by these (GIN indexes), not by searching the answers' text.
 *
 * Answers kept before this held bodies in clear, recovery codes among them, and no resident ids:
 * they are forgotten here (their keys still refuse a second write; a retry is told 410).
 */
export class KeptAnswersAboutResidents1733920000000 implements MigrationInterface {
  name = 'KeptAnswersAboutResidents1733920000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE idempotency_keys
        ADD COLUMN answer text,
        ADD COLUMN answer_state text NOT NULL DEFAULT 'kept' CHECK (answer_state IN ('kept', 'withheld', 'forgotten')),
        ADD COLUMN resident_ids uuid[] NOT NULL DEFAULT '{}',
        ADD COLUMN consent_ids uuid[] NOT NULL DEFAULT '{}'`);
    await q.query(`UPDATE idempotency_keys SET answer_state = 'forgotten' WHERE response_body IS NOT NULL`);
    await q.query(`ALTER TABLE idempotency_keys DROP COLUMN response_body`);
    await q.query(`ALTER TABLE idempotency_keys ADD CONSTRAINT idempotency_keys_answer_only_when_kept CHECK (answer IS NULL OR answer_state = 'kept')`);
    await q.query(`CREATE INDEX idempotency_keys_residents ON idempotency_keys USING gin (resident_ids)`);
    await q.query(`CREATE INDEX idempotency_keys_consents ON idempotency_keys USING gin (consent_ids)`);
  }

  async down(q: QueryRunner): Promise<void> {
    // The encrypted answers cannot go back to clear JSON here: the rows are kept as forgotten.
    await q.query(`ALTER TABLE idempotency_keys ADD COLUMN response_body json`);
    await q.query(`DELETE FROM idempotency_keys WHERE answer_state <> 'kept' OR answer IS NOT NULL`);
    await q.query(`DROP INDEX idempotency_keys_consents`);
    await q.query(`DROP INDEX idempotency_keys_residents`);
    await q.query(`ALTER TABLE idempotency_keys DROP CONSTRAINT idempotency_keys_answer_only_when_kept, DROP COLUMN answer, DROP COLUMN answer_state, DROP COLUMN resident_ids, DROP COLUMN consent_ids`);
  }
}
