import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PlanRole } from '../access/roles';

export type RoleRequestOutcome = 'approved' | 'rejected' | 'withdrawn' | 'superseded';

/** A grant waiting for (or decided by) a second person: approval-rules.ts. */
export interface RoleRequest {
  id: string;
  planId: string;
  userId: string;
  role: PlanRole;
  /** The role when it was asked for; null for a new account. */
  fromRole: PlanRole | null;
  /** The account becomes active on approval: a new account, or a reactivation. */
  activates: boolean;
  /** Null: asked by the single sign-on provider. */
  requestedBy: string | null;
  requestedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  outcome: RoleRequestOutcome | null;
}

const COLUMNS = `id, plan_id AS "planId", user_id AS "userId", role, from_role AS "fromRole", activates, requested_by AS "requestedBy",
  requested_at AS "requestedAt", decided_by AS "decidedBy", decided_at AS "decidedAt", outcome`;

/** The role_requests table: at most one open request per user; decided ones stay as history. */
@Injectable()
export class RoleRequestsRepository {
  async insert(manager: EntityManager, values: Pick<RoleRequest, 'planId' | 'userId' | 'role' | 'fromRole' | 'activates' | 'requestedBy'>): Promise<RoleRequest> {
    const [row]: RoleRequest[] = await manager.query(
      `INSERT INTO role_requests (plan_id, user_id, role, from_role, activates, requested_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
      [values.planId, values.userId, values.role, values.fromRole, values.activates, values.requestedBy],
    );
    return row;
  }

  /** The user's open request, locked for the caller's transaction (the user's row should be locked first). */
  async lockOpenOf(manager: EntityManager, userId: string): Promise<RoleRequest | undefined> {
    const [row]: RoleRequest[] = await manager.query(`SELECT ${COLUMNS} FROM role_requests WHERE user_id = $1 AND decided_at IS NULL FOR UPDATE`, [userId]);
    return row;
  }

  /** The open requests of these users, by user id. */
  async openOf(manager: EntityManager, userIds: readonly string[]): Promise<Map<string, RoleRequest>> {
    if (userIds.length === 0) return new Map();
    const rows: RoleRequest[] = await manager.query(`SELECT ${COLUMNS} FROM role_requests WHERE user_id = ANY($1::uuid[]) AND decided_at IS NULL`, [[...new Set(userIds)]]);
    return new Map(rows.map((r) => [r.userId, r]));
  }

  findById(manager: EntityManager, id: string): Promise<RoleRequest | undefined> {
    return manager.query(`SELECT ${COLUMNS} FROM role_requests WHERE id = $1`, [id]).then((rows: RoleRequest[]) => rows[0]);
  }

  async decide(manager: EntityManager, id: string, outcome: RoleRequestOutcome, decidedBy: string | null): Promise<void> {
    await manager.query(`UPDATE role_requests SET outcome = $2, decided_by = $3, decided_at = now() WHERE id = $1 AND decided_at IS NULL`, [id, outcome, decidedBy]);
  }
}
