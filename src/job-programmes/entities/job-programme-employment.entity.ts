import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Warning } from '../youth-labour-rules';
import { NUMERIC_AS_NUMBER } from '../../common/numeric.transformer';

/** The youth's employment in the programme (one per programme), with the contract's two signatures. */
@Entity('job_programme_employments')
export class JobProgrammeEmployment {
  @PrimaryColumn({ name: 'programme_id', type: 'uuid' })
  programmeId: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column({ name: 'employer_id', type: 'uuid' })
  employerId: string;

  @Column({ name: 'contract_signed_by_youth_at', type: 'date', nullable: true })
  contractSignedByYouthAt: string | null;

  @Column({ name: 'contract_signed_by_guardian_at', type: 'date', nullable: true })
  contractSignedByGuardianAt: string | null;

  /** Which of the youth's registered guardians signed the contract. */
  @Column({ name: 'contract_signed_by_guardian_id', type: 'uuid', nullable: true })
  contractSignedByGuardianId: string | null;

  @Column({ name: 'start_date', type: 'date' })
  startDate: string;

  @Column({ name: 'end_date', type: 'date' })
  endDate: string;

  @Column({ name: 'hours_per_week', type: 'numeric', precision: 4, scale: 1, transformer: NUMERIC_AS_NUMBER })
  hoursPerWeek: number;

  /** Why the employment is outside the plan's ranges for hours a week or months, when it is. */
  @Column({ name: 'exception_reason', type: 'text', nullable: true })
  exceptionReason: string | null;

  /**
   * Whether the youth is still in compulsory schooling (undervisningspligtig): it decides which
   * young-worker limits apply from 15. The system cannot know when it ends, so the social worker
   * says; it never holds after 31 July of the year the youth turns 17 (youth-labour-rules.ts).
   */
  @Column({ name: 'in_compulsory_schooling', type: 'boolean', default: true })
  inCompulsorySchooling: boolean;

  /** Young-worker warnings computed when the employment was recorded. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  warnings: Warning[];

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
