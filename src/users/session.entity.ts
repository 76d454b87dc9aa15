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
}

export type SessionEndReason = 'logout' | 'refresh_token_reused' | 'role_changed' | 'deactivated' | 'password_changed' | 'account_inactive';
