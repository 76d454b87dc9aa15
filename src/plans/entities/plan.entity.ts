import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A housing-social master plan (helhedsplan): the tenant every other row belongs to. */
@Entity('plans')
export class Plan {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  municipality: string;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Column({ name: 'valid_to', type: 'date' })
  validTo: string;

  /** Below this age a resident's consent must be given by a guardian. */
  @Column({ name: 'guardian_consent_below_age', type: 'smallint', default: 15 })
  guardianConsentBelowAge: number;

  /** Leisure-job programmes the plan aims to start a year (001_*: 18). */
  @Column({ name: 'job_programme_target_per_year', type: 'integer', default: 18 })
  jobProgrammeTargetPerYear: number;

  /** Counts below this are shown as "<N" in exported tables. */
  @Column({ name: 'suppression_threshold', type: 'smallint', default: 5 })
  suppressionThreshold: number;

  /** A resident with no open case, no running programme and no activity for this long is erased (reason `retention`). */
  @Column({ name: 'retention_months', type: 'smallint', default: 60 })
  retentionMonths: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
