import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ReferralStatus } from '../referrals/referral-status-machine';

/** Passing the resident on to another body (henvisning/brobygning). */
@Entity('counselling_referrals')
export class CounsellingReferral {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'organisation_id', type: 'uuid', nullable: true })
  organisationId: string | null;

  @Column({ name: 'recipient_name', type: 'text', nullable: true })
  recipientName: string | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'referred_at', type: 'timestamptz' })
  referredAt: Date;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy: string;

  /** Where the follow-up stands (referrals/referral-status-machine.ts); every change is in its history. */
  @Column({ type: 'text', default: 'sent' })
  status: ReferralStatus;

  @Column({ name: 'status_changed_at', type: 'timestamptz', nullable: true })
  statusChangedAt: Date | null;

  /** Raised by hand with each status change, under a row lock. */
  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
