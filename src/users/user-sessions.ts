import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { Role } from '../access/roles';
import type { SessionEndReason } from './session.entity';

/** The account behind an open session, as every authenticated request reads it. */
export interface SessionUser {
  id: string;
  role: Role;
  planId: string | null;
  organisationId: string | null;
}

/** The sessions table: opened at sign-in, checked on every request, ended for a reason. */
@Injectable()
export class UserSessions {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async open(userId: string, manager: EntityManager = this.dataSource.manager): Promise<string> {
    const id = randomUUID();
    await manager.query(`INSERT INTO sessions (id, user_id) VALUES ($1, $2)`, [id, userId]);
    return id;
  }

  /**
   * The active user of an open session, in one primary-key lookup per request: a deactivated
   * user, a changed role or an ended session takes effect at once.
   */
  async activeUser(userId: string, sessionId: string): Promise<SessionUser | undefined> {
    const [row] = await this.dataSource.query(
      `SELECT u.id, u.role, u.plan_id AS "planId", u.organisation_id AS "organisationId"
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND u.active`,
      [sessionId, userId],
    );
    return row;
  }

  async isOpen(sessionId: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM sessions WHERE id = $1 AND revoked_at IS NULL`, [sessionId]);
    return rows.length > 0;
  }

  /** Ends one session and its refresh tokens. */
  async end(sessionId: string, reason: SessionEndReason, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`UPDATE sessions SET revoked_at = now(), revoked_reason = $2 WHERE id = $1 AND revoked_at IS NULL`, [sessionId, reason]);
    await manager.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`, [sessionId]);
  }

  /** Ends every session of a user (but `except`, the one asking), with their refresh tokens. */
  async endAllOf(userId: string, reason: SessionEndReason, manager: EntityManager, except?: string): Promise<void> {
    await manager.query(
      `UPDATE sessions SET revoked_at = now(), revoked_reason = $2 WHERE user_id = $1 AND revoked_at IS NULL AND ($3::uuid IS NULL OR id <> $3)`,
      [userId, reason, except ?? null],
    );
    await manager.query(
      `UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR family_id <> $2)`,
      [userId, except ?? null],
    );
  }
}
