import type { Compartment } from '../../access/roles';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** One occurrence of an activity with its head count; it counts in the half-year of `startsAt` in Danish time. */
@Entity('activity_sessions')
export class ActivitySession {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column({ name: 'activity_id', type: 'uuid' })
  activityId: string;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz', nullable: true })
  endsAt: Date | null;

  @Column({ name: 'headcount_total', type: 'integer' })
  headcountTotal: number;

  @Column({ name: 'headcount_women', type: 'integer', nullable: true })
  headcountWomen: number | null;

  @Column({ name: 'headcount_men', type: 'integer', nullable: true })
  headcountMen: number | null;

  @Column({ name: 'headcount_youth', type: 'integer', nullable: true })
  headcountYouth: number | null;

  @Column({ name: 'headcount_adults', type: 'integer', nullable: true })
  headcountAdults: number | null;

  /** About the session, not about one resident (e.g. "regn, få fremmødte"). */
  @Column({ type: 'text', nullable: true })
  note: string | null;

  /** The compartment whose staff recorded the session: they alone read its note (null for sessions made by a visit, which have none). */
  @Column({ type: 'text', nullable: true })
  compartment: Compartment | null;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
