import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { EmployerStatus } from '../employer-status';

export const SECTORS = ['private', 'public'] as const;
export type Sector = (typeof SECTORS)[number];

/**
 * A business or public workplace the plan works with: it takes youths in leisure jobs (fritidsjob),
 * adults in internships, or is in the plan's employer network; an organisation, not a person.
 */
@Entity('employers')
export class Employer {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column({ type: 'text' })
  name: string;

  /** 8 digits passing the modulus-11 check; unique within the plan. */
  @Column({ type: 'char', length: 8, nullable: true })
  cvr: string | null;

  @Column({ type: 'text' })
  sector: Sector;

  @Column({ type: 'text', nullable: true })
  address: string | null;

  @Column({ name: 'contact_name', type: 'text', nullable: true })
  contactName: string | null;

  @Column({ name: 'contact_phone', type: 'text', nullable: true })
  contactPhone: string | null;

  @Column({ name: 'contact_email', type: 'text', nullable: true })
  contactEmail: string | null;

  /** Where the plan stands with the employer (employer-status.ts). */
  @Column({ type: 'text', default: 'prospect' })
  status: EmployerStatus;

  /** Optimistic concurrency: raised by hand on every change, so a PATCH on an older read is refused. */
  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
