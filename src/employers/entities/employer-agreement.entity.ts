import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A cooperation agreement (samarbejdsaftale) with an employer about taking youths in leisure jobs. */
@Entity('employer_agreements')
export class EmployerAgreement {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column({ name: 'employer_id', type: 'uuid' })
  employerId: string;

  @Column({ name: 'signed_at', type: 'date' })
  signedAt: string;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  /** The last day it covers; null while it runs until further notice. */
  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo: string | null;

  /** How many youths the employer can take at a time, when agreed. */
  @Column({ type: 'integer', nullable: true })
  capacity: number | null;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
