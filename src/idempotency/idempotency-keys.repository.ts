import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { tryTransactionLock } from '../database/advisory-locks';

/**
 * What is kept of an answer: `kept` (the body, encrypted, or none for a 204), `withheld` (the
 * route's answer holds secrets: only that the request was carried out), `forgotten` (it was about
 * a resident since erased, or shown under a consent since withdrawn).
 */
export type KeptAnswerState = 'kept' | 'withheld' | 'forgotten';

/** An answer kept for a key: what the first request answered, and whose data it showed. */
export interface StoredAnswer {
  fingerprint: string;
  status: number;
  state: KeptAnswerState;
  /** The encrypted body (kept-answer-cipher.ts); null for an answer without one. */
  answer: string | null;
  /** The residents whose data the answer shows: those the request audited. */
  residentIds: string[];
  /** The consents that let the caller see them, where a consent did: the answer is shown only while they are active. */
  consentIds: string[];
}

/**
 * How long a key answers for itself (api.md). Stored answers hold personal data (a resident's
 * name, a contact's note), so they are not kept longer than a client needs to retry a request
 * whose answer it lost: past this they are ignored at once and deleted by the next sweep.
 */
export const KEY_LIFETIME = '24 hours';

/** The idempotency_keys table: one row per user and key, written in the transaction of the request it answers. */
@Injectable()
export class IdempotencyKeysRepository {
  /**
   * Whether this transaction now holds the key. A transaction-level advisory lock: it ends with
   * the commit that makes the answer visible, so a second request either finds the lock taken
   * (the first is still running) or finds the answer.
   */
  async claim(manager: EntityManager, userId: string, key: string): Promise<boolean> {
    return tryTransactionLock(manager, `idempotency:${userId}:${key}`);
  }

  /** The answer stored for the key within its lifetime; an older row counts as none (and is replaced). */
  async find(manager: EntityManager, userId: string, key: string): Promise<StoredAnswer | undefined> {
    const [row] = await manager.query(
      `SELECT fingerprint, status_code AS status, answer_state AS state, answer, resident_ids::text[] AS "residentIds", consent_ids::text[] AS "consentIds"
         FROM idempotency_keys
        WHERE user_id = $1 AND key = $2 AND created_at > now() - interval '${KEY_LIFETIME}'`,
      [userId, key],
    );
    return row ? { ...row, status: Number(row.status) } : undefined;
  }

  /** Keeps the answer; called in the request's own transaction, so it commits or rolls back with the write. */
  async store(manager: EntityManager, userId: string, key: string, answer: StoredAnswer): Promise<void> {
    await manager.query(
      `INSERT INTO idempotency_keys (user_id, key, fingerprint, status_code, answer_state, answer, resident_ids, consent_ids)
       VALUES ($1, $2, $3, $4, $5, $6, $7::uuid[], $8::uuid[])
       ON CONFLICT (user_id, key) DO UPDATE
         SET fingerprint = EXCLUDED.fingerprint, status_code = EXCLUDED.status_code, answer_state = EXCLUDED.answer_state, answer = EXCLUDED.answer,
             resident_ids = EXCLUDED.resident_ids, consent_ids = EXCLUDED.consent_ids, created_at = EXCLUDED.created_at`,
      [userId, key, answer.fingerprint, answer.status, answer.state, answer.answer, answer.residentIds, answer.consentIds],
    );
  }

  /**
   * Makes the kept answers about these residents unusable: an erasure leaves no copy of their data
   * behind, and a retry is told the answer is gone rather than running the write again. Found by
   * the answers' resident ids (a GIN index), whatever the answer's text holds: a contact's answer
   * names its case, not its resident.
   */
  async forgetAnswersAbout(manager: EntityManager, residentIds: readonly string[]): Promise<void> {
    if (residentIds.length === 0) return;
    await manager.query(
      `UPDATE idempotency_keys SET answer_state = 'forgotten', answer = NULL WHERE resident_ids && $1::uuid[] AND answer_state = 'kept'`,
      [residentIds],
    );
  }

  /** Makes the kept answers that this consent let their callers see unusable: it was withdrawn. */
  async forgetAnswersSharedBy(manager: EntityManager, consentId: string): Promise<void> {
    await manager.query(
      `UPDATE idempotency_keys SET answer_state = 'forgotten', answer = NULL WHERE consent_ids @> ARRAY[$1]::uuid[] AND answer_state = 'kept'`,
      [consentId],
    );
  }

  /** Makes one kept answer unusable: its caller may no longer see what it shows. */
  async forget(manager: EntityManager, userId: string, key: string): Promise<void> {
    await manager.query(`UPDATE idempotency_keys SET answer_state = 'forgotten', answer = NULL WHERE user_id = $1 AND key = $2`, [userId, key]);
  }

  /** Deletes the answers past their lifetime at `now`; a sweep step of the job reconciler. */
  async deleteExpired(manager: EntityManager, now: Date): Promise<void> {
    await manager.query(`DELETE FROM idempotency_keys WHERE created_at <= $1::timestamptz - interval '${KEY_LIFETIME}'`, [now]);
  }
}
