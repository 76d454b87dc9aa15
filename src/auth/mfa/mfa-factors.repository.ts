import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { MfaMethod } from '../authentication-methods';

export interface StoredTotp {
  secretCiphertext: string;
  confirmedAt: Date | null;
  lastTimeStep: number | null;
}

/** The second factors of users: authenticator apps (TOTP), recovery codes, and which methods a user has. */
@Injectable()
export class MfaFactorsRepository {
  /** The second factors a user has enrolled, in the order a sign-in offers them. */
  async methodsOf(manager: EntityManager, userId: string): Promise<MfaMethod[]> {
    const [row]: { totp: boolean; passkey: boolean; recovery: boolean }[] = await manager.query(
      `SELECT EXISTS (SELECT 1 FROM mfa_totp WHERE user_id = $1 AND confirmed_at IS NOT NULL) AS totp,
              EXISTS (SELECT 1 FROM mfa_passkeys WHERE user_id = $1) AS passkey,
              EXISTS (SELECT 1 FROM mfa_recovery_codes WHERE user_id = $1 AND used_at IS NULL) AS recovery`,
      [userId],
    );
    const methods: MfaMethod[] = [];
    if (row.passkey) methods.push('passkey');
    if (row.totp) methods.push('totp');
    // Recovery codes stand in for a lost factor; alone they are no second factor to offer.
    if (row.recovery && methods.length > 0) methods.push('recovery_code');
    return methods;
  }

  async findTotp(manager: EntityManager, userId: string): Promise<StoredTotp | undefined> {
    const [row]: StoredTotp[] = await manager.query(
      `SELECT secret_ciphertext AS "secretCiphertext", confirmed_at AS "confirmedAt", last_time_step::float8 AS "lastTimeStep"
         FROM mfa_totp WHERE user_id = $1`,
      [userId],
    );
    return row;
  }

  /** A new, unconfirmed secret replaces an earlier unconfirmed one; a confirmed one is never replaced here (false). */
  async saveUnconfirmedTotp(manager: EntityManager, userId: string, secretCiphertext: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO mfa_totp (user_id, secret_ciphertext) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET secret_ciphertext = EXCLUDED.secret_ciphertext, created_at = now(), last_time_step = NULL
        WHERE mfa_totp.confirmed_at IS NULL
       RETURNING user_id`,
      [userId, secretCiphertext],
    );
    return rows.length > 0;
  }

  /**
   * Accepts a code's time step once: the step must be later than the last accepted one, checked
   * and recorded in one statement, so a code (or an earlier one) replayed, even concurrently, fails.
   * Confirms the app on its first accepted code.
   */
  async acceptTimeStep(manager: EntityManager, userId: string, timeStep: number): Promise<boolean> {
    // An UPDATE answers [rows, count] through TypeORM, unlike a SELECT or INSERT.
    const [rows]: [unknown[], number] = await manager.query(
      `UPDATE mfa_totp SET last_time_step = $2, confirmed_at = coalesce(confirmed_at, now())
        WHERE user_id = $1 AND (last_time_step IS NULL OR last_time_step < $2) RETURNING user_id`,
      [userId, timeStep],
    );
    return rows.length > 0;
  }

  async unusedRecoveryCodes(manager: EntityManager, userId: string): Promise<number> {
    const [row]: { n: number }[] = await manager.query(`SELECT count(*)::int AS n FROM mfa_recovery_codes WHERE user_id = $1 AND used_at IS NULL`, [userId]);
    return row.n;
  }

  /** Replaces a user's recovery codes (the earlier ones stop working). */
  async replaceRecoveryCodes(manager: EntityManager, userId: string, codeHashes: string[]): Promise<void> {
    await manager.query(`DELETE FROM mfa_recovery_codes WHERE user_id = $1`, [userId]);
    await manager.query(`INSERT INTO mfa_recovery_codes (user_id, code_hash) SELECT $1, unnest($2::text[])`, [userId, codeHashes]);
  }

  /** Uses a recovery code: true once per code, however many requests present it at the same time. */
  async useRecoveryCode(manager: EntityManager, userId: string, codeHash: string): Promise<boolean> {
    const [rows]: [unknown[], number] = await manager.query(
      `UPDATE mfa_recovery_codes SET used_at = now() WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING id`,
      [userId, codeHash],
    );
    return rows.length > 0;
  }

  /** Removes every second factor of a user (a reset by the leader or the admin). */
  async removeAll(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`DELETE FROM mfa_totp WHERE user_id = $1`, [userId]);
    await manager.query(`DELETE FROM mfa_passkeys WHERE user_id = $1`, [userId]);
    await manager.query(`DELETE FROM mfa_recovery_codes WHERE user_id = $1`, [userId]);
  }
}
