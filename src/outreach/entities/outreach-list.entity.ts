import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A list of young people the municipality could not reach, handed over for door-to-door outreach (001_*). */
@Entity('outreach_lists')
export class OutreachList {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column({ type: 'text' })
  name: string;

  /** Who handed the names over (e.g. "Ishøj Kommune, Ungeindsatsen"). */
  @Column({ type: 'text' })
  source: string;

  /** Why the plan may hold the names (the data processing agreement or the law it rests on). */
  @Column({ name: 'legal_basis', type: 'text' })
  legalBasis: string;

  @Column({ name: 'retention_days', type: 'integer' })
  retentionDays: number;

  /** When the sweep deleted the people and attempts; null while they are held. */
  @Column({ name: 'names_deleted_at', type: 'timestamptz', nullable: true })
  namesDeletedAt: Date | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
