import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Role } from '../access/roles';
import { PreparedStatements, preparedStatement } from '../database/prepared-statements';
import type { SessionEndReason } from './session.entity';

/** The account behind an open session, as every authenticated request reads it. */
export interface SessionUser {
  id: string;
  role: Role;
  planId: string | null;
  organisationId: string | null;
}

/** What a sign-in proved, as its session keeps it. */
export interface SignInProof {
  amr: string[];
  /** When the first factor was proved (the session starts when the second is). */
  authenticatedAt: Date;
  provider?: string;
  /** The provider's own end of the session, if it has one (SSO_SESSION_HOURS). */
  expiresAt?: Date;
  /** Whom the single sign-on provider signed in, and its own session, so a logout it starts ends this one. */
  sso?: SsoSessionLink;
}

/** The provider's name for the person (OIDC `sub`, SAML NameID) and for its own session (OIDC `sid`, SAML SessionIndex). */
export interface SsoSessionLink {
  subject: string;
  sessionId?: string;
}

/** The sessions a logout at a provider ends: the person's sign-ins from it, or only those from one of its sessions. */
export interface SsoLogout {
  provider: string;
  /** Absent only for an OIDC logout token that names the provider's session (`sid`) alone; then `sessionIds` is required. */
  subject?: string;
  /** Without it, every open session of the person from this provider ends (SAML LogoutRequest without SessionIndex, OIDC logout token without `sid`). */
  sessionIds?: string[];
}

export interface OpenedSession {
  id: string;
  amr: string[];
  authenticatedAt: Date;
}

/**
 * The active account behind an open session (id, role, plan_id, organisation_id): what "signed in"
 * means, for the check of every request and for the writes that make that check part of their
 * own statement (src/access/session-checked-write.ts). `sessionId` and `userId` are parameters.
 */
export function openSessionUser(sessionId: string, userId: string): string {
  return `SELECT u.id, u.role, u.plan_id, u.organisation_id FROM sessions s JOIN users u ON u.id = s.user_id
    WHERE s.id = ${sessionId} AND s.user_id = ${userId} AND s.revoked_at IS NULL AND s.expires_at > now() AND u.active`;
}

// Every authenticated request runs this: prepared, outside any transaction (prepared-statements.ts).
const ACTIVE_USER = preparedStatement(
  'sessions_active_user',
  `SELECT a.id, a.role, a.plan_id AS "planId", a.organisation_id AS "organisationId" FROM (${openSessionUser('$1', '$2')}) a`,
);

/**
 * The sessions table: opened at sign-in, checked on every request, ended for a reason. A
 * session's refresh tokens (src/auth) are its family and end with it.
 */
@Injectable()
export class SessionsRepository {
  constructor(private readonly statements: PreparedStatements) {}

  /**
   * Opens a session, ending at `how.expiresAt` at the latest, for a sign-in that has proved
   * everything it must (both factors where MFA applies); the account counts as seen.
   */
  async open(manager: EntityManager, userId: string, how: SignInProof & { expiresAt: Date }): Promise<OpenedSession> {
    const id = randomUUID();
    const [row]: { authenticatedAt: Date }[] = await manager.query(
      `WITH seen AS (UPDATE users SET last_seen_at = now() WHERE id = $2)
       INSERT INTO sessions (id, user_id, amr, authenticated_at, provider, expires_at, sso_subject, sso_session_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       RETURNING authenticated_at AS "authenticatedAt"`,
      [id, userId, how.amr, how.authenticatedAt, how.provider ?? null, how.expiresAt, how.sso?.subject ?? null, how.sso?.sessionId ?? null],
    );
    return { id, amr: how.amr, authenticatedAt: row.authenticatedAt };
  }

  /** An open, unexpired session of the user: what its refreshed tokens say about the sign-in. */
  async findOpen(manager: EntityManager, sessionId: string): Promise<OpenedSession | undefined> {
    const [row]: OpenedSession[] = await manager.query(
      `SELECT id, amr, authenticated_at AS "authenticatedAt" FROM sessions
        WHERE id = $1 AND revoked_at IS NULL AND expires_at > now()`,
      [sessionId],
    );
    return row;
  }

  /** An open session of the user, with the provider that opened it (none for a password's): what a step-up in it starts from. */
  async findOpenOf(manager: EntityManager, sessionId: string, userId: string): Promise<(OpenedSession & { provider: string | null }) | undefined> {
    const [row]: (OpenedSession & { provider: string | null })[] = await manager.query(
      `SELECT id, amr, authenticated_at AS "authenticatedAt", provider FROM sessions
        WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL AND expires_at > now()`,
      [sessionId, userId],
    );
    return row;
  }

  /**
   * A step-up in an open session: the user proved `method` (a second factor) just now. The session's
   * sign-in counts from now, and its methods gain `method`, so that the tokens refreshed in it carry
   * the step-up for as long as the step-up window lasts, not only the one access token it gave.
   * Undefined when the session has ended meanwhile.
   */
  async steppedUp(manager: EntityManager, sessionId: string, userId: string, method: string): Promise<OpenedSession | undefined> {
    // An UPDATE ... RETURNING answers [rows, affected count] through TypeORM's postgres driver.
    const [rows]: [OpenedSession[], number] = await manager.query(
      `UPDATE sessions SET authenticated_at = now(), amr = CASE WHEN $3 = ANY(amr) THEN amr ELSE array_append(amr, $3::text) END
        WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL AND expires_at > now()
        RETURNING id, amr, authenticated_at AS "authenticatedAt"`,
      [sessionId, userId, method],
    );
    return rows[0];
  }

  /**
   * The active user of an open session, in one primary-key lookup per request: a deactivated
   * user, a changed role or an ended session takes effect at once.
   */
  async activeUser(userId: string, sessionId: string): Promise<SessionUser | undefined> {
    const [row] = await this.statements.rows<SessionUser>(ACTIVE_USER, [sessionId, userId]);
    return row;
  }

  /** Ends one session and its refresh tokens. */
  async end(manager: EntityManager, sessionId: string, reason: SessionEndReason): Promise<void> {
    await manager.query(`UPDATE sessions SET revoked_at = now(), revoked_reason = $2 WHERE id = $1 AND revoked_at IS NULL`, [sessionId, reason]);
    await manager.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`, [sessionId]);
  }

  /**
   * Ends the sessions a logout at a single sign-on provider names, with their refresh tokens;
   * answers the users whose sessions ended (for the audit log). Sessions opened by a password or
   * another provider are never touched.
   */
  async endSsoSessions(manager: EntityManager, logout: SsoLogout): Promise<{ sessionId: string; userId: string }[]> {
    // Never "every session of the provider": a logout names a person, a session of theirs, or both.
    if (logout.subject === undefined && !logout.sessionIds?.length) throw new Error('an SSO logout names a subject or a session');
    // An UPDATE ... RETURNING answers [rows, affected count] through TypeORM's postgres driver.
    const [ended]: [{ sessionId: string; userId: string }[], number] = await manager.query(
      `UPDATE sessions SET revoked_at = now(), revoked_reason = 'sso_logout'
        WHERE provider = $1 AND sso_subject IS NOT NULL AND ($2::text IS NULL OR sso_subject = $2) AND revoked_at IS NULL AND ($3::text[] IS NULL OR sso_session_id = ANY($3))
        RETURNING id AS "sessionId", user_id AS "userId"`,
      [logout.provider, logout.subject ?? null, logout.sessionIds?.length ? logout.sessionIds : null],
    );
    if (ended.length) {
      await manager.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = ANY($1::uuid[]) AND revoked_at IS NULL`, [ended.map((row) => row.sessionId)]);
    }
    return ended;
  }

  /** The provider, subject and provider session a single sign-on session was opened with (our logout then ends it there too). */
  async ssoLinkOf(manager: EntityManager, sessionId: string): Promise<({ provider: string } & SsoSessionLink) | undefined> {
    const [row]: { provider: string; subject: string; sessionId: string | null }[] = await manager.query(
      `SELECT provider, sso_subject AS subject, sso_session_id AS "sessionId" FROM sessions WHERE id = $1 AND provider IS NOT NULL AND sso_subject IS NOT NULL`,
      [sessionId],
    );
    return row ? { provider: row.provider, subject: row.subject, ...(row.sessionId ? { sessionId: row.sessionId } : {}) } : undefined;
  }

  /** Ends every session of a user (but `except`, the one asking), with their refresh tokens. */
  async endAllOf(manager: EntityManager, userId: string, reason: SessionEndReason, except?: string): Promise<void> {
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
