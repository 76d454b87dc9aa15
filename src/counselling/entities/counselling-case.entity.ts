import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import type { ReferredFrom } from '../../residents/referred-from';
import type { CounsellingForm } from '../topics';

export type CaseStatus = 'open' | 'closed';

/** One matter a resident gets help with (rådgivning): the unit the half-year statistics count. */
@Entity('counselling_cases')
export class CounsellingCase {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column({ name: 'resident_id', type: 'uuid' })
  residentId: string;

  @Column({ type: 'text' })
  topic: string;

  @Column({ type: 'text', nullable: true })
  subject: string | null;

  @Column({ type: 'text' })
  form: CounsellingForm;

  @Column({ type: 'text', default: 'open' })
  status: CaseStatus;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt: Date;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  outcome: string | null;

  @Column({ name: 'referred_from', type: 'text', nullable: true })
  referredFrom: ReferredFrom | null;

  @Column({ name: 'opened_by', type: 'uuid' })
  openedBy: string;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
