import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const CONTACT_KINDS = ['visit', 'call', 'mail', 'meeting'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

/** One entry of an employer's contact log: who of the staff was in touch, when and how. */
@Entity('employer_contacts')
export class EmployerContact {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column({ name: 'employer_id', type: 'uuid' })
  employerId: string;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ type: 'text' })
  kind: ContactKind;

  /** About the employer (what was agreed, who to call next), never about a resident; at most 500 characters. */
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
