import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

const numeric = { to: (v: number) => v, from: (v: string) => Number(v) };

/**
 * One reported value of an indicator for a year or half-year. Never changed: a correction is the
 * next revision of the same indicator and period, and the highest revision is the value.
 */
@Entity('indicator_values')
export class IndicatorPeriodValue {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column({ name: 'indicator_id', type: 'uuid' })
  indicatorId: string;

  /** "2026", "2026-H1" or "2026-H2". */
  @Column({ type: 'text' })
  period: string;

  @Column({ type: 'integer' })
  revision: number;

  @Column({ type: 'numeric', transformer: numeric })
  value: number;

  @Column({ type: 'text', nullable: true })
  source: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy: string | null;

  @Column({ name: 'recorded_at', type: 'timestamptz', insert: false })
  recordedAt: Date;
}
