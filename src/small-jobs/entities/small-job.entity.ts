import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { NUMERIC_AS_NUMBER } from '../../common/numeric.transformer';
import type { SmallJobAgeGroup, SmallJobOutcome } from '../small-job-rules';

/** An adult resident's småjob (a few hours a week) with one of the plan's employers, often the housing organisation (all four seeds). */
@Entity('small_jobs')
export class SmallJob {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column({ name: 'resident_id', type: 'uuid' })
  residentId: string;

  @Column({ name: 'employer_id', type: 'uuid' })
  employerId: string;

  @Column({ name: 'starts_on', type: 'date' })
  startsOn: string;

  @Column({ name: 'hours_per_week', type: 'numeric', precision: 4, scale: 1, transformer: NUMERIC_AS_NUMBER })
  hoursPerWeek: number;

  /** The age group on the first day, kept so the report counts it the same after an erasure removes the birth date. */
  @Column({ name: 'age_group', type: 'text' })
  ageGroup: SmallJobAgeGroup;

  @Column({ name: 'ended_on', type: 'date', nullable: true })
  endedOn: string | null;

  @Column({ type: 'text', nullable: true })
  outcome: SmallJobOutcome | null;

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
