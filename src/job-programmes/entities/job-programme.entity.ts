import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ReferredFrom } from '../../residents/referred-from';
import type { Phase } from '../phase-machine';

/**
 * A youth's leisure-job programme (fritidsjobforløb). `version` is the optimistic-concurrency
 * token of the phase: the transition service raises it by hand under a row lock, so it moves
 * exactly once per phase change (not with TypeORM's @VersionColumn, which counts every save).
 */
@Entity('job_programmes')
export class JobProgramme {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column({ name: 'resident_id', type: 'uuid' })
  residentId: string;

  @Column({ type: 'text', default: 'clarification' })
  phase: Phase;

  @Column({ name: 'started_at', type: 'date' })
  startedAt: string;

  /** When the final phase change (ordinary job or ended) happened: its occurredAt. */
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @Column({ name: 'end_reason', type: 'text', nullable: true })
  endReason: string | null;

  @Column({ name: 'ordinary_job_employer_id', type: 'uuid', nullable: true })
  ordinaryJobEmployerId: string | null;

  @Column({ name: 'ordinary_job_started_at', type: 'date', nullable: true })
  ordinaryJobStartedAt: string | null;

  @Column({ name: 'referred_from', type: 'text', nullable: true })
  referredFrom: ReferredFrom | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
