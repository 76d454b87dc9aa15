import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ReferralStatus, TargetReferralStatus } from './referral-status-machine';

/** One step of a referral's follow-up: who moved it, when, from where to where, and why. Never rewritten. */
@Entity('counselling_referral_status_changes')
export class ReferralStatusChange {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column({ name: 'referral_id', type: 'uuid' })
  referralId: string;

  @Column({ name: 'from_status', type: 'text' })
  fromStatus: ReferralStatus;

  @Column({ name: 'to_status', type: 'text' })
  toStatus: TargetReferralStatus;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'changed_by', type: 'uuid' })
  changedBy: string;

  @Column({ name: 'changed_at', type: 'timestamptz' })
  changedAt: Date;
}
