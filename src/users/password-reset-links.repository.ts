import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A link to choose a new password after a reset of the second factor. */
export interface PasswordResetLink {
  id: string;
  userId: string;
  expiresAt: Date;
}

const COLUMNS = `id, user_id AS "userId", expires_at AS "expiresAt"`;
const OPEN = 'used_at IS NULL AND superseded_at IS NULL';

/** The password_reset_links table; a link's token exists only as its hash, and rows are never deleted. */
@Injectable()
export class PasswordResetLinksRepository {
  /** A new open link of the user (the caller has superseded any other). */
  async insert(manager: EntityManager, values: { userId: string; requestedBy: string; expiresAt: Date }): Promise<PasswordResetLink> {
    const [row]: PasswordResetLink[] = await manager.query(
      `INSERT INTO password_reset_links (user_id, requested_by, expires_at) VALUES ($1, $2, $3) RETURNING ${COLUMNS}`,
      [values.userId, values.requestedBy, values.expiresAt],
    );
    return row;
  }

  /** The user's open link stops working: a newer reset has its own. */
  async supersedeOpen(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`UPDATE password_reset_links SET superseded_at = now(), token_hash = NULL WHERE user_id = $1 AND ${OPEN}`, [userId]);
  }

  /** Whether the user has a link they never used (open, expired or superseded): their password went at a reset and was not chosen again. */
  async hasUnused(manager: EntityManager, userId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM password_reset_links WHERE user_id = $1 AND used_at IS NULL LIMIT 1`, [userId]);
    return rows.length > 0;
  }

  /** The link if it is still open and unexpired (for sending it). */
  async findSendable(manager: EntityManager, id: string): Promise<PasswordResetLink | null> {
    const [row]: PasswordResetLink[] = await manager.query(`SELECT ${COLUMNS} FROM password_reset_links WHERE id = $1 AND ${OPEN} AND expires_at > now()`, [id]);
    return row ?? null;
  }

  /** Stores a new token's hash if the link is still open and unexpired; false when it is not. */
  async storeTokenHash(manager: EntityManager, id: string, tokenHash: string): Promise<boolean> {
    const [rows]: [unknown[], number] = await manager.query(
      `UPDATE password_reset_links SET token_hash = $2, sent_at = now() WHERE id = $1 AND ${OPEN} AND expires_at > now() RETURNING id`,
      [id, tokenHash],
    );
    return rows.length > 0;
  }

  /** The open, unexpired link a token belongs to, locked for the caller's transaction. */
  async lockUsableByTokenHash(manager: EntityManager, tokenHash: string): Promise<PasswordResetLink | null> {
    const [row]: PasswordResetLink[] = await manager.query(
      `SELECT ${COLUMNS} FROM password_reset_links WHERE token_hash = $1 AND ${OPEN} AND expires_at > now() FOR UPDATE`,
      [tokenHash],
    );
    return row ?? null;
  }

  /** Used: it never works again (its hash goes too). */
  async markUsed(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE password_reset_links SET used_at = now(), token_hash = NULL WHERE id = $1`, [id]);
  }
}
