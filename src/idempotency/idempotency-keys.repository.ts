import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { tryTransactionLock } from '../database/advisory-locks';

/** An answer kept for a key: what the first request answered. */
export interface StoredAnswer {
  fingerprint: string;
  status: number;
  body: unknown;
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
      `SELECT fingerprint, status_code AS status, response_body AS body, response_body IS NULL AS "noBody" FROM idempotency_keys
        WHERE user_id = $1 AND key = $2 AND created_at > now() - interval '${KEY_LIFETIME}'`,
      [userId, key],
    );
    // SQL NULL is an answer without a body (204); JSON null is a body of `null`.
    return row ? { fingerprint: row.fingerprint, status: Number(row.status), body: row.noBody ? undefined : row.body } : undefined;
  }

  /** Keeps the answer; called in the request's own transaction, so it commits or rolls back with the write. */
  async store(manager: EntityManager, userId: string, key: string, answer: StoredAnswer): Promise<void> {
    await manager.query(
      `INSERT INTO idempotency_keys (user_id, key, fingerprint, status_code, response_body) VALUES ($1, $2, $3, $4, $5::json)
       ON CONFLICT (user_id, key) DO UPDATE
         SET fingerprint = EXCLUDED.fingerprint, status_code = EXCLUDED.status_code, response_body = EXCLUDED.response_body, created_at = EXCLUDED.created_at`,
      [userId, key, answer.fingerprint, answer.status, answer.body === undefined ? null : JSON.stringify(answer.body)],
    );
  }

  /**
   * Forgets the kept answers that mention these residents: an erasure leaves no copy of their data
   * behind. Each answer is read once for the ids it contains, which are matched against the batch
   * by hash: a LIKE per resident read every answer a thousand times for a retention batch (4.5 s a
   * batch over 10,000 kept answers, against 0.16 s this way).
   */
  async forgetAnswersAbout(manager: EntityManager, residentIds: readonly string[]): Promise<void> {
    if (residentIds.length === 0) return;
    await manager.query(
      `DELETE FROM idempotency_keys k
        USING (SELECT DISTINCT a.user_id, a.key
                 FROM idempotency_keys a
                 CROSS JOIN LATERAL regexp_matches(a.response_body::text, '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}', 'g') AS m(found)
                 JOIN unnest($1::text[]) AS erased(id) ON erased.id = m.found[1]) hit
        WHERE k.user_id = hit.user_id AND k.key = hit.key`,
      [residentIds.map((id) => id.toLowerCase())],
    );
  }

  /** Deletes the answers past their lifetime at `now`; a sweep step of the job reconciler. */
  async deleteExpired(manager: EntityManager, now: Date): Promise<void> {
    await manager.query(`DELETE FROM idempotency_keys WHERE created_at <= $1::timestamptz - interval '${KEY_LIFETIME}'`, [now]);
  }
}
