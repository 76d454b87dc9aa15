import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SignInDetails } from './sign-in-details';

/** One append-only audit record: who did what to which resident's data, why, and when. */
@Entity('audit_events')
export class AuditEvent {
  @PrimaryColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ name: 'plan_id', type: 'uuid', nullable: true })
  planId: string | null;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ name: 'actor_role', type: 'text', nullable: true })
  actorRole: string | null;

  @Column({ type: 'text' })
  action: string;

  @Column({ name: 'resident_id', type: 'uuid', nullable: true })
  residentId: string | null;

  @Column({ name: 'entity_type', type: 'text', nullable: true })
  entityType: string | null;

  @Column({ name: 'entity_id', type: 'uuid', nullable: true })
  entityId: string | null;

  @Column({ type: 'text' })
  purpose: string;

  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId: string | null;

  /** An edit's fields before and after; null for every other event. */
  @Column({ type: 'jsonb', nullable: true })
  changes: { before: Record<string, unknown>; after: Record<string, unknown> } | null;

  /** A sign-in-related event's circumstances (src/audit/sign-in-details.ts); null for every other event. */
  @Column({ type: 'jsonb', nullable: true })
  details: SignInDetails | null;
}
