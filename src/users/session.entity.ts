import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * One sign-in: its access tokens carry its id and are accepted only while it is open, and its
 * refresh tokens form one family. Ended by logout, refresh-token reuse, a role or password change,
 * or deactivation of the user.
 */
@Entity('sessions')
export class Session {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revoked_reason', type: 'text', nullable: true })
  revokedReason: string | null;

  /** When and how the user authenticated (src/auth/authentication-methods.ts). */
  @Column({ name: 'authenticated_at', type: 'timestamptz' })
  authenticatedAt: Date;

  @Column({ type: 'text', array: true })
  amr: string[];

  /** The single sign-on provider, if one signed the user in. */
  @Column({ type: 'text', nullable: true })
  provider: string | null;

  /** Whom the provider signed in (OIDC `sub`, SAML NameID): a logout it starts names this. */
  @Column({ name: 'sso_subject', type: 'text', nullable: true })
  ssoSubject: string | null;

  /** The provider's own session (OIDC `sid`, SAML SessionIndex), when it names one. */
  @Column({ name: 'sso_session_id', type: 'text', nullable: true })
  ssoSessionId: string | null;

  /** The absolute end (SESSION_MAX_HOURS, or a single sign-on session's own, sooner, end), whatever the refresh tokens say. */
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;
}

export type SessionEndReason =
  | 'logout'
  | 'refresh_token_reused'
  | 'role_changed'
  | 'deactivated'
  | 'unused'
  | 'expired'
  | 'password_changed'
  | 'account_inactive'
  | 'mfa_reset'
  | 'demo_seeded'
  | 'sso_logout';
