import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** What the system can compute for an indicator itself; others come from outside (surveys, registers). */
export const INDICATOR_METRICS = ['job_programmes_started', 'ordinary_job_share', 'counselling_cases_started', 'counselling_unique_residents'] as const;
export type IndicatorMetric = (typeof INDICATOR_METRICS)[number];

const numeric = { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/** One of the plan's goals (delmål) with its indicator, baseline and target, as in the sub-agreement. */
@Entity('plan_indicators')
export class PlanIndicator {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column({ type: 'text' })
  goal: string;

  @Column({ type: 'text' })
  indicator: string;

  @Column({ type: 'text' })
  unit: string;

  @Column({ type: 'numeric', nullable: true, transformer: numeric })
  baseline: number | null;

  @Column({ name: 'baseline_year', type: 'smallint', nullable: true })
  baselineYear: number | null;

  @Column({ name: 'data_source', type: 'text' })
  dataSource: string;

  @Column({ type: 'numeric', nullable: true, transformer: numeric })
  target: number | null;

  @Column({ type: 'text', nullable: true })
  metric: IndicatorMetric | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
