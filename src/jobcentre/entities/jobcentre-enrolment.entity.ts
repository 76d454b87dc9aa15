import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Criterion, EndReason, TargetGroup } from '../jobcentre-rules';

/** A person of the job centre's caseload in one of the plan's efforts (fremskudt jobcenter, 002_*, 004_*). */
@Entity('jobcentre_enrolments')
export class JobcentreEnrolment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column({ name: 'resident_id', type: 'uuid' })
  residentId: string;

  @Column({ type: 'text' })
  effort: string;

  @Column({ name: 'target_group', type: 'text' })
  targetGroup: TargetGroup;

  @Column({ name: 'criteria_met', type: 'text', array: true })
  criteriaMet: Criterion[];

  @Column({ name: 'started_on', type: 'date' })
  startedOn: string;

  @Column({ name: 'ended_on', type: 'date', nullable: true })
  endedOn: string | null;

  @Column({ name: 'end_reason', type: 'text', nullable: true })
  endReason: EndReason | null;

  @Column({ name: 'ended_by', type: 'uuid', nullable: true })
  endedBy: string | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** Whether the person was active in a quarter, as the caseworker marked it. */
@Entity('jobcentre_enrolment_quarters')
export class JobcentreQuarter {
  @PrimaryColumn({ name: 'enrolment_id', type: 'uuid' })
  enrolmentId: string;

  @PrimaryColumn({ name: 'quarter_start', type: 'date' })
  quarterStart: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column({ type: 'boolean' })
  active: boolean;

  @Column({ name: 'marked_by', type: 'uuid' })
  markedBy: string;

  @Column({ name: 'marked_at', type: 'timestamptz' })
  markedAt: Date;
}
