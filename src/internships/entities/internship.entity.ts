import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { NUMERIC_AS_NUMBER } from '../../common/numeric.transformer';
import type { ReferredFrom } from '../../residents/referred-from';
import type { InternshipOutcome } from '../internship-rules';

/** An adult resident's internship (praktikplads) with one of the plan's employers (004_*). */
@Entity('internships')
export class Internship {
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

  /** The agreed last day; the internship runs until it is ended with an outcome. */
  @Column({ name: 'ends_on', type: 'date' })
  endsOn: string;

  @Column({ name: 'hours_per_week', type: 'numeric', precision: 4, scale: 1, transformer: NUMERIC_AS_NUMBER })
  hoursPerWeek: number;

  @Column({ name: 'referred_from', type: 'text', nullable: true })
  referredFrom: ReferredFrom | null;

  @Column({ name: 'ended_on', type: 'date', nullable: true })
  endedOn: string | null;

  @Column({ type: 'text', nullable: true })
  outcome: InternshipOutcome | null;

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
