import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { HalfYearResult } from './half-year-result';

export type ReportStatus = 'queued' | 'running' | 'completed' | 'failed';

/** What a report was computed with, fixed when it is requested (part of the snapshot). */
export interface ReportParameters {
  formatVersion: number;
  year: number;
  half: 1 | 2;
  fromDate: string;
  toDate: string;
  timeZone: string;
  targetPerYear: number;
  suppressionThreshold: number;
}

/** One version of a plan's half-year statistics; once completed, an immutable snapshot. */
@Entity('half_year_reports')
export class HalfYearReport {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column({ type: 'smallint' })
  year: number;

  @Column({ type: 'smallint' })
  half: 1 | 2;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'text', default: 'queued' })
  status: ReportStatus;

  @Column({ type: 'smallint', default: 0 })
  progress: number;

  @Column({ type: 'boolean' })
  interim: boolean;

  @Column({ type: 'text' })
  trigger: 'requested' | 'scheduled';

  @Column({ type: 'jsonb' })
  parameters: ReportParameters;

  @Column({ type: 'jsonb', nullable: true })
  result: HalfYearResult | null;

  @Column({ name: 'failure_reason', type: 'text', nullable: true })
  failureReason: string | null;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  /** The outbox row that carries the report to the queue; also its BullMQ job id. */
  @Column({ name: 'outbox_id', type: 'uuid', nullable: true })
  outboxId: string | null;

  @Column({ name: 'requested_by', type: 'uuid', nullable: true })
  requestedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;
}
