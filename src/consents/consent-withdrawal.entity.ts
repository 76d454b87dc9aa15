import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** The withdrawal of a consent: a new fact in the ledger, never a change to the consent. */
@Entity('consent_withdrawals')
export class ConsentWithdrawal {
  @PrimaryColumn({ name: 'consent_id', type: 'uuid' })
  consentId: string;

  @Column({ name: 'withdrawn_at', type: 'timestamptz' })
  withdrawnAt: Date;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
