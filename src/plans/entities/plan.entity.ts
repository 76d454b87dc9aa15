import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { NUMERIC_AS_NUMBER } from '../../common/numeric.transformer';

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

  /** The leisure-job programme's age range on its start day, both ends included (001_*: 13-15; 002_*: "13-18 år", i.e. 13-17). */
  @Column({ name: 'job_programme_min_age', type: 'smallint', default: 13 })
  jobProgrammeMinAge: number;

  @Column({ name: 'job_programme_max_age', type: 'smallint', default: 15 })
  jobProgrammeMaxAge: number;

  /** Hours a week of a programme's employment; outside the range it needs an exceptionReason (001_*: 2-6). */
  @Column({ name: 'job_programme_hours_min', type: 'numeric', precision: 4, scale: 1, default: 2, transformer: NUMERIC_AS_NUMBER })
  jobProgrammeHoursMin: number;

  @Column({ name: 'job_programme_hours_max', type: 'numeric', precision: 4, scale: 1, default: 6, transformer: NUMERIC_AS_NUMBER })
  jobProgrammeHoursMax: number;

  /** Months a programme's employment lasts; outside the range it needs an exceptionReason (001_*: 3-5). */
  @Column({ name: 'job_programme_months_min', type: 'smallint', default: 3 })
  jobProgrammeMonthsMin: number;

  @Column({ name: 'job_programme_months_max', type: 'smallint', default: 5 })
  jobProgrammeMonthsMax: number;

  /** Issue 20: the nightly job deactivates accounts not seen for this many days (30-365). */
  @Column({ name: 'deactivate_unused_accounts_after_days', type: 'smallint', default: 90 })
  deactivateUnusedAccountsAfterDays: number;

  /** Issue 20: besides the leaders and the admin, who approves grants (a user of this plan; a foreign key says so). */
  @Column({ name: 'approver_user_id', type: 'uuid', nullable: true })
  approverUserId: string | null;

  /** Issue 20: whether an account linked to single sign-on keeps its local password. */
  @Column({ name: 'sso_keeps_password', type: 'boolean', default: false })
  ssoKeepsPassword: boolean;

  /** Raised by every edit (PATCH); a change made on an older one is 409 `stale_version`. */
  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
