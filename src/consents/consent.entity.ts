import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const CONSENT_SCOPES = ['share_counselling', 'share_job_programme', 'job_programme_participation', 'share_jobcentre'] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];
export const SCOPE_LABELS: Record<ConsentScope, string> = {
  share_counselling: 'Deling af rådgivningsforløb',
  share_job_programme: 'Deling af fritidsjobforløb',
  job_programme_participation: 'Deltagelse i fritidsjobforløb',
  share_jobcentre: 'Deling af jobcenterforløb',
};

/**
 * A consent as it was given (samtykke). Never changed or deleted: the database refuses it.
 * Its current state (active, withdrawn, expired) is derived from this row and its withdrawal.
 */
@Entity('consents')
export class Consent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column({ name: 'resident_id', type: 'uuid' })
  residentId: string;

  @Column({ type: 'text' })
  scope: ConsentScope;

  @Column({ name: 'given_by', type: 'text' })
  givenBy: 'resident' | 'guardian';

  @Column({ name: 'guardian_id', type: 'uuid', nullable: true })
  guardianId: string | null;

  @Column({ type: 'text' })
  form: 'oral' | 'written';

  @Column({ name: 'given_at', type: 'timestamptz' })
  givenAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Column({ name: 'document_reference', type: 'text', nullable: true })
  documentReference: string | null;

  /** share_counselling only: whether case notes are shared too, or just the facts of the cases. */
  @Column({ name: 'includes_notes', type: 'boolean', default: false })
  includesNotes: boolean;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
