import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Phase } from '../phase-machine';

/** One phase change: who moved the programme from where to where, when and why. Never rewritten. */
@Entity('job_programme_transitions')
export class JobProgrammeTransition {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column({ name: 'programme_id', type: 'uuid' })
  programmeId: string;

  @Column({ name: 'from_phase', type: 'text', nullable: true })
  fromPhase: Phase | null;

  @Column({ name: 'to_phase', type: 'text' })
  toPhase: Phase;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'actor_id', type: 'uuid' })
  actorId: string;

  /** When the phase changed in the world: the business date the half-year report counts by. */
  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  /** When the change was typed into the system. */
  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt: Date;
}
