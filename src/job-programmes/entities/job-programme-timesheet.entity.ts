import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Warning } from '../youth-labour-rules';
import { NUMERIC_AS_NUMBER } from '../../common/numeric.transformer';

/** Hours the youth worked in one week (Monday to Sunday), submitted by the social worker. */
@Entity('job_programme_timesheets')
export class JobProgrammeTimesheet {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column({ name: 'programme_id', type: 'uuid' })
  programmeId: string;

  @Column({ name: 'week_start', type: 'date' })
  weekStart: string;

  @Column({ type: 'numeric', precision: 4, scale: 1, transformer: NUMERIC_AS_NUMBER })
  hours: number;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  warnings: Warning[];

  /** Who recorded the hours as they stand: the first recording, or the last correction. */
  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;

  /** Raised by each correction, which must name the version it corrects. */
  @Column({ type: 'integer' })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
