import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const GUARDIAN_RELATIONS = ['mother', 'father', 'guardian', 'other'] as const;
export type GuardianRelation = (typeof GUARDIAN_RELATIONS)[number];
export const RELATION_LABELS: Record<GuardianRelation, string> = { mother: 'Mor', father: 'Far', guardian: 'Værge', other: 'Anden' };

/** A parent or guardian of a (usually minor) resident: signs contracts and gives consent for them. */
@Entity('guardians')
export class Guardian {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column({ name: 'resident_id', type: 'uuid' })
  residentId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  relation: GuardianRelation;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column({ type: 'text', nullable: true })
  email: string | null;

  /** Set when the resident was erased: only the relation is left, for the consent ledger's sake. */
  @Column({ name: 'erased_at', type: 'timestamptz', nullable: true })
  erasedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
