import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** What the system can compute for an indicator itself; others come from outside (surveys, registers). */
export const INDICATOR_METRICS = [
  'job_programmes_started',
  'ordinary_job_share',
  'counselling_cases_started',
  'counselling_unique_residents',
  'jobcentre_covered',
  'jobcentre_activation_rate',
  'active_volunteers',
  'small_jobs_started_30_64',
] as const;
export type IndicatorMetric = (typeof INDICATOR_METRICS)[number];

/**
 * How a target reads against a half-year: `yearly` is an amount per year (a half-year's share of
 * it is half), `half_yearly` an amount per half-year, `quarterly` an amount per quarter (a
 * half-year's is twice it; 004_* follows the job centre "Kvartalsvis"), `level` a share or level
 * to reach (the same in any period).
 */
export const TARGET_KINDS = ['yearly', 'half_yearly', 'quarterly', 'level'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

/** A share or a percentage is a level to reach, "pr. halvår" an amount per half-year, anything else an amount per year. */
export function defaultTargetKind(unit: string): TargetKind {
  if (/\bandel\b|procent|%/i.test(unit)) return 'level';
  if (/kvartal/i.test(unit)) return 'quarterly';
  return /halvår/i.test(unit) ? 'half_yearly' : 'yearly';
}

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

  /** Where the baseline comes from, when it is not the indicator's own data source. */
  @Column({ name: 'baseline_source', type: 'text', nullable: true })
  baselineSource: string | null;

  @Column({ name: 'data_source', type: 'text' })
  dataSource: string;

  @Column({ type: 'numeric', nullable: true, transformer: numeric })
  target: number | null;

  @Column({ name: 'target_year', type: 'smallint', nullable: true })
  targetYear: number | null;

  @Column({ name: 'target_kind', type: 'text' })
  targetKind: TargetKind;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'text', nullable: true })
  metric: IndicatorMetric | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
