import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface MfaUserState {
  failures: number;
  locked: boolean;
  /** How many times the user's second factor was reset: an enrolment challenge is good only under the number it was given under. */
  resets: number;
}

/**
 * A user's second-factor state (mfa_user_state): failed attempts in a row and the lock. Its row is
 * also the lock that makes one user's sign-in attempts, enrolments and resets happen one after
 * another: `lock` takes it for the caller's transaction.
 */
@Injectable()
export class MfaUserStateRepository {
  /** Takes the user's row for the caller's transaction (made on first use) and reads it. */
  async lock(manager: EntityManager, userId: string): Promise<MfaUserState> {
    // ON CONFLICT DO UPDATE locks the row it finds, like SELECT ... FOR UPDATE, and makes it when there is none.
    const [row]: MfaUserState[] = await manager.query(
      `INSERT INTO mfa_user_state (user_id) VALUES ($1)
       ON CONFLICT (user_id) DO UPDATE SET failures = mfa_user_state.failures
       RETURNING failures, locked_at IS NOT NULL AS locked, resets`,
      [userId],
    );
    return row;
  }

  /** Whether the user's second factor is locked (without taking the row). */
  async isLocked(manager: EntityManager, userId: string): Promise<boolean> {
    const [row]: { locked: boolean }[] = await manager.query(`SELECT locked_at IS NOT NULL AS locked FROM mfa_user_state WHERE user_id = $1`, [userId]);
    return row?.locked ?? false;
  }

  /** How many resets the user has had (without taking the row): what an enrolment challenge is given under. */
  async resetsOf(manager: EntityManager, userId: string): Promise<number> {
    const [row]: { resets: number }[] = await manager.query(`SELECT resets FROM mfa_user_state WHERE user_id = $1`, [userId]);
    return row?.resets ?? 0;
  }

  /** Counts a failed attempt, locking the factor when it is the `lockAfter`th in a row: the state after it. */
  async countFailure(manager: EntityManager, userId: string, lockAfter: number): Promise<MfaUserState> {
    const [row]: MfaUserState[] = await manager.query(
      `INSERT INTO mfa_user_state (user_id, failures, last_failure_at, locked_at) VALUES ($1, 1, now(), CASE WHEN 1 >= $2 THEN now() END)
       ON CONFLICT (user_id) DO UPDATE SET
         failures = mfa_user_state.failures + 1,
         last_failure_at = now(),
         locked_at = coalesce(mfa_user_state.locked_at, CASE WHEN mfa_user_state.failures + 1 >= $2 THEN now() END)
       RETURNING failures, locked_at IS NOT NULL AS locked, resets`,
      [userId, lockAfter],
    );
    return row;
  }

  /** A proved factor: the failures in a row start again from 0 (a lock stays until a reset). */
  async succeeded(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`UPDATE mfa_user_state SET failures = 0 WHERE user_id = $1 AND failures > 0 AND locked_at IS NULL`, [userId]);
  }

  /** A reset by the leader or the admin (the caller took the row): no failures, no lock, and one more reset. */
  async unlock(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`UPDATE mfa_user_state SET failures = 0, locked_at = NULL, resets = resets + 1 WHERE user_id = $1`, [userId]);
  }
}
